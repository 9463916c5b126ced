// A PDF page's positioned text → lines → paragraphs. Pure: the text items as pdf.js gives them (a string, its
// baseline origin and width, in PDF units with y growing upwards) in; the page's paragraphs, top to bottom, out.
// Chinese text has no spaces between words, so the gaps pdf.js reports between runs (justification, a font change
// between 2024 and 年) are no text; a space a run itself holds is kept, and a gap as wide as a character is one space.

export interface TextItem {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** The glyphs' height: 0 for the gaps pdf.js adds as " " items. */
  height: number;
}

export interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  /** 1-based, counted down the page as a person counts the printed lines. */
  number: number;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Items on one baseline (within a third of the text's size) are one line, read left to right. */
export function toLines(items: readonly TextItem[]): Line[] {
  const glyphs = items.filter((i) => i.str !== "" && !(i.height === 0 && i.str.trim() === "" && i.width === 0));
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const item of sorted) {
    const size = item.height || 10;
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - item.y) <= size / 3) row.push(item);
    else rows.push([item]);
  }
  return rows
    .map((row) => [...row].sort((a, b) => a.x - b.x))
    .map((row, i) => {
      let text = "";
      let end: number | undefined;
      for (const [k, item] of row.entries()) {
        const synthetic = item.height === 0 && item.str.trim() === "";
        // A gap between two Chinese characters, or a character and a digit, is layout, not a space.
        if (synthetic) {
          const before = text.at(-1) ?? "";
          const after = row[k + 1]?.str.at(0) ?? "";
          const size = row.find((r) => r.height > 0)?.height ?? 10;
          // A gap of a character's width or more separates (a signature from its date): one space says so.
          const wide = item.width >= 0.9 * size;
          if (before === "" || after === "" || (!wide && (CJK.test(before) || CJK.test(after)))) continue;
          text += " ";
          continue;
        }
        // Runs apart by a character's width or more with no gap item between (OFD gives none): one space, as above.
        if (end !== undefined && item.x - end >= 0.9 * (item.height || 10) && text !== "" && !/\s$/u.test(text)) text += " ";
        text += item.str;
        end = item.x + item.width;
      }
      const size = Math.max(...row.map((r) => r.height || 0)) || 10;
      return { text: text.replace(/\s+$/u, ""), left: row[0]!.x, right: Math.max(...row.map((r) => r.x + r.width)), y: row[0]!.y, size, number: i + 1 };
    })
    .filter((l) => l.text.trim() !== "");
}

/** A page number or a 第 3 页 line: page furniture, not the document's text. */
export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/gu, "");
  return /^[-—–－─]*\d{1,4}[-—–－─]*$/u.test(t) || /^第\d{1,4}页(共\d{1,4}页)?$/u.test(t) || /^\d{1,4}\/\d{1,4}$/u.test(t);
}

const MARK = /^([（(]?[一二三四五六七八九十百]+[)）、.．]|[（(]?\d{1,3}[)）.．、](?!\d)|第[一二三四五六七八九十]+[部分章节]|牵头|配合|责任|完成时限|时间节点)/u;

export interface Edges {
  left: number;
  right: number;
}

/**
 * Whether `line` goes on with the paragraph `previous` ends: that one reached the right edge (a wrapped line; short
 * of it by no more than `slack` characters, or by the Latin run that opens `line`), and `line` starts at the left
 * edge without a mark of its own (一、 （三） 2. 牵头单位：). The same rule within a page and over a page break.
 */
export function continuesLine(previous: Line, line: Line, edges: Edges, slack = 1.5): boolean {
  const text = line.text.trim();
  return (
    (previous.right >= edges.right - slack * previous.size || leadingRunWidth(text, line.size) > edges.right - previous.right) &&
    line.left <= edges.left + 0.5 * line.size &&
    !MARK.test(text)
  );
}

/**
 * Lines → paragraphs, by continuesLine; anything else opens a paragraph: a short line ends one, a first-line indent,
 * a mark or a blank line's gap starts one.
 */
export function toParagraphs(lines: readonly Line[], edges: Edges, slack = 1.5): Array<{ text: string; line: number; last: number }> {
  const out: Array<{ text: string; line: number; last: number }> = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    const wrapped = previous !== undefined && previous.y - line.y <= 2.2 * line.size && continuesLine(previous, line, edges, slack);
    if (wrapped && out.length) {
      const last = out.at(-1)!;
      last.text += text;
      last.last = line.number;
    } else out.push({ text, line: line.number, last: line.number });
    previous = line;
  }
  return out;
}

/**
 * The width of the Latin or digit run a line opens with (3A、4A、5A, 100万 is not one: 万 ends it), estimated: a word
 * processor moves such a run whole to the next line, so the line above may end short of the edge by its width.
 */
function leadingRunWidth(text: string, size: number): number {
  const run = /^[A-Za-z0-9][A-Za-z0-9.%+\-/、，,()（）]*/u.exec(text)?.[0] ?? "";
  let em = 0;
  for (const ch of run) em += /[\x20-\x7e]/.test(ch) ? 0.55 : 1;
  return em * size;
}
