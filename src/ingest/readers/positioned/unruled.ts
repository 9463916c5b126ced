// A table drawn without rules (a Word table with its borders off, exported to PDF or OFD): the rules it would have,
// implied by its text, so the ruled-table code (tables.ts) builds it.
// - Columns: the header is a line of three or more column labels (重点任务 | 牵头单位 | …) set apart by wide gaps; a
//   column's border is the white river between two labels that every line under the header keeps clear.
// - Rows: a word processor draws a table cell by cell, row by row, so in the page's text (in drawing order) a row
//   ends where the next run lies in a column left of the one before. This holds whether the cells sit at the top of
//   their row or are centred in it, as 公文 tables often are. On a page the table goes on to, its first row is the
//   rest of the row the break cut: in a column it ends with the paragraph the break cut, and what follows in that
//   column opens the next row.
// - A line that crosses the borders from the first column is a chapter row (one cell across); any other ends the
//   table. A cell whose text reaches below the next row's first line is merged down over it.
// Pure: the page's text runs, in drawing order, in; the implied segments out.
import { labelRole } from "../../column-labels.ts";
import { isChapterMark, readMark } from "../../markers.ts";
import type { TextItem } from "./lines.ts";
import type { Segment } from "./ruling.ts";

/** The columns of a table that goes on over the page break: the next page keeps them without repeating a header. */
export interface ImpliedColumns {
  borders: number[];
}

interface Piece {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

const glyphsOf = (items: readonly TextItem[]) => items.filter((i) => i.str.trim() !== "" && i.height > 0);

/** Runs on one baseline (within a third of their size) joined where they nearly touch, each line top to bottom. */
function linesOf(items: readonly TextItem[]): Piece[][] {
  const sorted = [...glyphsOf(items)].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) <= item.height / 3) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => {
    const out: Piece[] = [];
    for (const item of line.sort((a, b) => a.x - b.x)) {
      const last = out.at(-1);
      if (last && item.x - last.right < 0.7 * item.height) {
        last.text += item.str;
        last.right = Math.max(last.right, item.x + item.width);
      } else out.push({ text: item.str, left: item.x, right: item.x + item.width, y: item.y, size: item.height });
    }
    return out;
  });
}

const UNIT_ROLES = new Set(["lead", "support", "responsible"]);

/** A header line: three or more short pieces, each a column label, one naming units. */
function isHeader(line: readonly Piece[]): boolean {
  if (line.length < 3) return false;
  const roles = line.map((p) => (p.text.trim().length <= 12 ? labelRole(p.text) : undefined));
  return roles.every((r) => r !== undefined) && roles.some((r) => UNIT_ROLES.has(r!));
}

/** The least white a river between two columns keeps, in points. */
const RIVER = 4;

/** White intervals of [from, to] that no piece of `lines` covers. */
function whites(lines: readonly Piece[][], from: number, to: number): Array<[number, number]> {
  const covered = lines.flat().map((p): [number, number] => [p.left, p.right]).filter(([a, b]) => b > from && a < to).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  let at = from;
  for (const [a, b] of covered) {
    if (a - at >= RIVER) out.push([at, a]);
    at = Math.max(at, b);
  }
  if (to - at >= RIVER) out.push([at, to]);
  return out;
}

/**
 * A chapter heading merged across: one piece from the first column, across the borders (numbered or not), or short
 * enough to fit in the first column and numbered as a chapter is (七、保障措施).
 */
function isChapterLine(line: readonly Piece[], borders: readonly number[]): boolean {
  if (line.length !== 1 || line[0]!.left >= borders[1]!) return false;
  const text = line[0]!.text.trim();
  const style = readMark(text)?.style;
  if (line[0]!.right > borders[1]!) return isChapterMark(readMark(text)) || (text.length <= 40 && !/[。；;]/.test(text));
  return style === "cn" || style === "part";
}

/** Whether no piece of a line crosses a border by more than half the narrowest river (a run's width is measured, not exact). */
const keepsClear = (line: readonly Piece[], borders: readonly number[]) => line.every((p) => borders.slice(1, -1).every((b) => p.right <= b + RIVER / 2 || p.left >= b - RIVER / 2));

/** The column borders a header line and the lines under it give. */
function columnsUnder(header: readonly Piece[], below: readonly Piece[][]): number[] | undefined {
  const body = below.filter((l) => !isChapterLine(l, [header[0]!.left, header[1]!.left]));
  const borders = [Math.min(header[0]!.left, ...body.slice(0, 3).map((l) => l[0]!.left)) - 2];
  let taken = body.length;
  for (let k = 1; k < header.length; k++) {
    const from = (header[k - 1]!.left + header[k - 1]!.right) / 2;
    const to = header[k]!.left;
    // The lines under the header, one by one, while a river between these labels is left.
    let n = 0;
    while (n < taken && whites(body.slice(0, n + 1), from, to).length > 0) n++;
    taken = n;
    const river = whites(body.slice(0, Math.max(n, 1)), from, to).sort((a, b) => b[1] - b[0] - (a[1] - a[0]))[0];
    if (!river || n === 0) return undefined;
    borders.push((river[0] + river[1]) / 2);
  }
  const right = Math.max(header.at(-1)!.right, ...body.slice(0, taken).flat().map((p) => p.right));
  return [...borders, right + 2];
}

const ENDS_PARAGRAPH = /[。；;！!？?]$/u;

/**
 * The implied rules of the page's unruled table, if it has one, and its columns. `continued`: the columns of the
 * table the page before ended with, which this page's first lines may go on in.
 */
export function impliedRules(items: readonly TextItem[], continued?: ImpliedColumns): { segments: Segment[]; columns: ImpliedColumns } | undefined {
  const lines = linesOf(items);
  let headerAt = lines.findIndex(isHeader);
  let borders = headerAt >= 0 ? columnsUnder(lines[headerAt]!, lines.slice(headerAt + 1)) : undefined;
  if (!borders) {
    headerAt = -1;
    if (!continued || !lines.length || !keepsClear(lines[0]!, continued.borders)) return undefined;
    borders = continued.borders;
  }
  // The table's lines: under the header (or from the page's top) while they keep the borders clear or are chapter rows.
  const body: Array<{ line: Piece[]; chapter: boolean }> = [];
  for (const line of lines.slice(headerAt + 1)) {
    if (isChapterLine(line, borders)) body.push({ line, chapter: true });
    else if (keepsClear(line, borders)) body.push({ line, chapter: false });
    else break;
  }
  if (body.length === 0) return undefined;
  const width = borders.length - 1;
  const lowest = body.at(-1)!.line[0]!;
  const headerLine = headerAt >= 0 ? lines[headerAt]! : undefined;
  const topOf = (y: number, size: number) => y + size * 1.05;
  const tableTop = headerLine ? topOf(headerLine[0]!.y, headerLine[0]!.size) : topOf(body[0]!.line[0]!.y, body[0]!.line[0]!.size);
  const tableBottom = lowest.y - lowest.size * 0.45;
  const inBody = (i: TextItem) => i.y <= body[0]!.line[0]!.y + i.height / 3 && i.y >= lowest.y - i.height / 3;
  const columnOf = (x: number) => Math.max(0, Math.min(width - 1, borders.findIndex((b, k) => k < width && x >= b && x < borders[k + 1]!)));

  // Rows, in drawing order: a run in a column left of the one before opens a row; a chapter line is a row alone. On a
  // continued page, a column's first paragraph is the cut row's, and a line after it in that column opens a row.
  const chapterYs = body.filter((b) => b.chapter).map((b) => b.line[0]!.y);
  const rows: Array<{ top: number; chapter: boolean; items: TextItem[] }> = [];
  let column = Infinity;
  let previous: TextItem | undefined;
  let lineRight = -Infinity;
  let lineText = "";
  for (const item of glyphsOf(items).filter(inBody)) {
    const chapter = chapterYs.some((y) => Math.abs(y - item.y) <= item.height / 3);
    const k = columnOf(item.x + item.width / 2);
    const row = rows.at(-1);
    const newLine = previous !== undefined && item.y < previous.y - previous.height / 2;
    const cutRowEnds = headerAt < 0 && rows.length === 1 && k === column && newLine && ENDS_PARAGRAPH.test(lineText) && lineRight < borders[k + 1]! - 2.5 * item.height;
    if (!row || chapter !== row.chapter || (!chapter && (k < column || cutRowEnds))) rows.push({ top: topOf(item.y, item.height), chapter, items: [item] });
    else {
      row.top = Math.max(row.top, topOf(item.y, item.height));
      row.items.push(item);
    }
    if (newLine || k !== column) {
      lineRight = -Infinity;
      lineText = "";
    }
    lineRight = Math.max(lineRight, item.x + item.width);
    lineText += item.str.trim();
    column = chapter ? Infinity : k;
    previous = item;
  }
  // Rows drawn out of order (a row's top below the next one's) are no table this reading can trust.
  if (rows.some((r, i) => i > 0 && r.top > rows[i - 1]!.top + 0.5)) return undefined;
  const segments: Segment[] = [];
  const across = (y: number, k0: number, k1: number) => segments.push({ x1: borders[k0]!, x2: borders[k1]!, y1: y, y2: y });
  const down = (k: number, bottom: number, top: number) => top > bottom && segments.push({ x1: borders[k]!, x2: borders[k]!, y1: bottom, y2: top });
  across(tableTop, 0, width);
  const bodyTop = headerLine ? rows[0]!.top + 0.5 : tableTop;
  if (headerLine) {
    across(bodyTop, 0, width);
    for (let k = 0; k <= width; k++) down(k, bodyTop, tableTop);
  }
  // Each row's border above the next: across every column but those whose cell reaches below it (merged down).
  const lowestIn = (r: number, k: number) => Math.min(Infinity, ...rows[r]!.items.filter((i) => columnOf(i.x + i.width / 2) === k).map((i) => i.y - i.height * 0.3));
  const reach = Array.from({ length: width }, () => Infinity);
  rows.forEach((row, r) => {
    for (let k = 0; k < width; k++) reach[k] = row.chapter ? Infinity : Math.min(reach[k]!, lowestIn(r, k));
    const next = rows[r + 1];
    const y = next ? next.top + 0.5 : tableBottom;
    for (let k = 0; k < width; k++) {
      if (next && !row.chapter && !next.chapter && reach[k]! < y - 0.5) continue;
      across(y, k, k + 1);
      reach[k] = Infinity;
    }
    const top = r === 0 ? bodyTop : row.top + 0.5;
    for (let k = 0; k <= width; k++) if (!row.chapter || k === 0 || k === width) down(k, y, top);
  });
  return { segments, columns: { borders } };
}
