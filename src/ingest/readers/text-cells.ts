// Text → cells. In a Word table exported as text, a TAB opens a new cell; a non-blank line without a TAB
// is another paragraph of the cell before it; blank lines carry no structure.

export interface Cell {
  /** Paragraphs of the cell, each trimmed of layout whitespace at its ends. */
  paragraphs: string[];
  /** 1-based line where the cell opens, and the last line that added text to it. */
  first: number;
  last: number;
}

export interface Lexed {
  /** Lines before the table (the cover letter), with their line numbers. */
  prelude: { line: number; text: string }[];
  cells: Cell[];
}

// Whitespace at the ends of a paragraph is layout, not text: ASCII blanks, NBSP and the ideographic space.
const EDGE_BLANKS = /^[\s\u00A0\u3000]+|[\s\u00A0\u3000]+$/g;

export function trimBlanks(text: string): string {
  return text.replace(EDGE_BLANKS, "");
}

export function isBlank(text: string): boolean {
  return trimBlanks(text) === "";
}

export function lex(text: string): Lexed {
  const lines = text.split("\n");
  const prelude: Lexed["prelude"] = [];
  const cells: Cell[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    const parts = raw.split("\t");
    const [head, ...opened] = parts;
    if (cells.length === 0 && opened.length === 0) {
      prelude.push({ line, text: raw });
      return;
    }
    const current = cells.at(-1);
    if (current && !isBlank(head)) {
      current.paragraphs.push(trimBlanks(head));
      current.last = line;
    } else if (!current && !isBlank(head)) {
      prelude.push({ line, text: head });
    }
    for (const part of opened) {
      const paragraphs = isBlank(part) ? [] : [trimBlanks(part)];
      cells.push({ paragraphs, first: line, last: line });
    }
  });
  return { prelude, cells };
}
