// Positioned text and drawn lines of fixed-layout pages (PDF, OFD) → blocks: the page's ruled tables and its
// paragraphs in reading order, page numbers and running heads left out, and a paragraph or a table that a page break
// cut joined again. Pure: each page's text runs (in points, y growing upwards) and line segments in.
import type { Block, Paragraph, Table, TableCell } from "../../blocks.ts";
import { continuesLine, isPageNumber, toLines, toParagraphs, type Edges, type Line, type TextItem } from "./lines.ts";
import type { Segment } from "./ruling.ts";
import { findTables, type GridTable } from "./tables.ts";
import { impliedRules, type ImpliedColumns } from "./unruled.ts";

export interface PageContent {
  items: TextItem[];
  segments: Segment[];
  /** The page's width in the same units. */
  width: number;
  /** The items are not in the order the page draws them (OCR's), so a table without rules cannot be rebuilt from it. */
  unordered?: boolean;
}

/** Lines printed at the same height on most pages (a running header or footer): furniture, as page numbers are. */
function runningLines(pages: readonly Line[][]): Set<string> {
  if (pages.length < 3) return new Set();
  const seen = new Map<string, number>();
  for (const lines of pages) for (const key of new Set(lines.map((l) => `${Math.round(l.y)}|${l.text.replace(/\d+/g, "#")}`))) seen.set(key, (seen.get(key) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n >= Math.max(3, pages.length / 2)).map(([k]) => k));
}

interface PageBlocks {
  blocks: Block[];
  /** The page's lines outside tables, for the joins over a page break. */
  lines: Line[];
  /** The text's left and right edges on the page (none on a page of tables only). */
  edges?: Edges;
}

/** A table's cells: covered places empty, each anchor's runs as lines, then paragraphs within the cell's width. */
function tableBlock(table: GridTable, page: number, index: number): Table {
  const rows: TableCell[][] = table.covered.map((row, r) =>
    row.map((covered, c): TableCell => {
      const at = { page, table: index, row: r + 1, column: c + 1 };
      if (covered) return { paragraphs: [], at, covered };
      let last = c;
      while (table.covered[r]?.[last + 1] === "left") last++;
      const lines = toLines(table.items.get(`${r}:${c}`) ?? []);
      if (lines.length === 0) return { paragraphs: [], at };
      const edges = { left: Math.min(...lines.map((l) => l.left)), right: table.xs[last + 1]! - CELL_PADDING };
      return { paragraphs: toParagraphs(lines, edges, WRAP_SLACK).map((p) => p.text), at };
    }),
  );
  return { kind: "table", rows, at: rows[0]![0]!.at };
}

/** Cell margins of word processors' exports are about this wide: a wrapped line ends within it of the border. */
const CELL_PADDING = 6;
/** In a narrow cell a line wraps short of the border by up to two characters (a number or a closing mark kept whole). */
const WRAP_SLACK = 2.5;


/** The pages' blocks, top to bottom and page after page. */
/** `firstPage`: the number of the first page given (the settings file may read from page 3 on). */
export function pageBlocks(contents: readonly PageContent[], firstPage = 1): Block[] {
  // A page with no ruled table may hold one drawn without rules: its rules are implied by its text (unruled.ts),
  // and a table that ran to the foot of one page goes on at the head of the next in the same columns.
  let continued: ImpliedColumns | undefined;
  const found = contents.map((c) => {
    const drawn = findTables(c.segments, c.items);
    const implied = drawn.tables.length || c.unordered ? undefined : impliedRules(c.items, continued);
    continued = implied?.columns;
    return { ...(implied ? findTables(implied.segments, c.items) : drawn), width: c.width };
  });
  const pageLines = found.map((r) => toLines(r.outside));
  const running = runningLines(pageLines);
  const pages: PageBlocks[] = found.map((r, i) => {
    const lines = pageLines[i]!.filter((l) => !isPageNumber(l.text) && !running.has(`${Math.round(l.y)}|${l.text.replace(/\d+/g, "#")}`));
    const placed: Array<{ y: number; block: Block }> = r.tables.map((t, k) => ({ y: t.top, block: tableBlock(t, firstPage + i, k + 1) }));
    let edges: Edges | undefined;
    if (lines.length) {
      // The text's right edge: the left margin mirrored (word processors' and 公文's margins are near symmetric), or
      // the widest line where it runs further. Not the widest line alone: on a page of a title and a table, the title
      // is the widest line and would seem to reach the edge.
      const left = Math.min(...lines.map((l) => l.left));
      edges = { left, right: Math.max(Math.max(...lines.map((l) => l.right)), r.width - left) };
      for (const p of toParagraphs(lines, edges)) placed.push({ y: lines.find((l) => l.number === p.line)!.y, block: { kind: "paragraph", text: p.text, at: { page: firstPage + i, line: p.line } } satisfies Paragraph });
    }
    placed.sort((a, b) => b.y - a.y);
    return { blocks: placed.map((b) => b.block), lines, ...(edges ? { edges } : {}) };
  });
  return joinPages(pages);
}

/** The pages' blocks in order, a paragraph or a table that a page break cut joined again. */
function joinPages(pages: readonly PageBlocks[]): Block[] {
  const out: Block[] = [];
  // Whether out's last block holds the previous page's last block (pushed, or joined into it): only then can the
  // next page's first block continue it.
  let open = false;
  pages.forEach((page, i) => {
    page.blocks.forEach((block, k) => {
      const last = out.at(-1);
      const before = pages[i - 1];
      if (k === 0 && open && last && before) {
        if (last.kind === "paragraph" && block.kind === "paragraph" && continues(before, page)) {
          last.text += block.text;
          return;
        }
        if (last.kind === "table" && block.kind === "table" && sameColumns(last, block)) {
          joinTables(last, block);
          return;
        }
      }
      out.push(block);
    });
    open = page.blocks.length > 0;
  });
  return out;
}

/** Whether the next page's first line goes on with the paragraph the page before ends, by each page's own edges. */
function continues(before: PageBlocks, after: PageBlocks): boolean {
  const tail = before.lines.at(-1);
  const head = after.lines[0];
  if (!tail || !head || !before.edges || !after.edges) return false;
  return continuesLine(tail, head, { left: after.edges.left, right: before.edges.right });
}

const rowText = (row: readonly TableCell[]) => row.map((c) => c.paragraphs.join("")).join("|");

function sameColumns(a: Table, b: Table): boolean {
  return a.rows[0]!.length === b.rows[0]!.length;
}

const ENDS = /[。；;！!？?：:]$/u;

/**
 * The next page's part of a table, appended: its repeated header row dropped; a row the break cut (a cell's text
 * stopping mid-sentence, the next page's first row going on in that column) joined into one; a cell merged down over
 * the break (empty on the new page under a merged cell) kept merged.
 */
export function joinTables(first: Table, next: Table): void {
  let rows = next.rows;
  if (rows.length && rowText(rows[0]!) === rowText(first.rows[0]!)) rows = rows.slice(1);
  const last = first.rows.at(-1)!;
  const head = rows[0];
  if (head) {
    const cut = last.some((cell, c) => {
      const tail = cell.paragraphs.at(-1) ?? "";
      // Prose cut mid-sentence (a list of units, 市财政局、市商务局, ends without a full stop anyway).
      return tail.length >= 10 && /[，。；]/u.test(tail) && !ENDS.test(tail) && (head[c]?.paragraphs.length ?? 0) > 0;
    });
    if (cut) {
      head.forEach((cell, c) => {
        const above = last[c]!;
        if (cell.paragraphs.length === 0) return;
        const tail = above.paragraphs.at(-1);
        if (tail !== undefined && !ENDS.test(tail)) above.paragraphs[above.paragraphs.length - 1] = tail + cell.paragraphs[0];
        else above.paragraphs.push(cell.paragraphs[0]!);
        above.paragraphs.push(...cell.paragraphs.slice(1));
        above.end = cell.at;
        delete above.covered;
      });
      rows = rows.slice(1);
    }
    // Under a cell merged down to the break, the new page's empty cell is the same cell.
    const top = rows[0];
    top?.forEach((cell, c) => {
      if (cell.paragraphs.length === 0 && !cell.covered && last[c]?.covered === "above") cell.covered = "above";
    });
  }
  first.rows.push(...rows);
}
