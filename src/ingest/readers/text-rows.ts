// Cells → rows. After the header row (five column labels) come chapter rows (one cell: 一、…),
// task rows (five cells, the first 1.…) and continuation rows (five cells, the first two empty:
// another local measure of the same task). A row never spans the start of another row, so a missing
// cell is caught where the next row's opening cell lands in a unit column.
import type { Cell } from "./cells.ts";
import type { Problem } from "./errors.ts";

export const CHAPTER = /^([一二三四五六七八九十百〇零]+)\s*[、.．]\s*(.+)$/s;
export const ITEM = /^(\d{1,4})\s*[.．、]\s*(.+)$/s;

export type Row =
  | { kind: "chapter"; cell: Cell; numeral: string; title: string }
  | { kind: "item"; cells: Cell[]; number: number; title: string }
  | { kind: "continuation"; cells: Cell[] };

export interface Rows {
  header: Cell[];
  rows: Row[];
  problems: Problem[];
}

export const text = (cell: Cell, joiner = "") => cell.paragraphs.join(joiner);
const isEmpty = (cell: Cell | undefined) => cell !== undefined && cell.paragraphs.length === 0;
const opensRow = (cell: Cell) => CHAPTER.test(text(cell)) || ITEM.test(text(cell));

function quote(cell: Cell): string {
  const t = text(cell, " ");
  return `“${t.length > 24 ? t.slice(0, 24) + "…" : t}”`;
}

const MAX_PROBLEMS = 50;

export function splitRows(cells: Cell[]): Rows {
  const problems: Problem[] = [];
  const header = cells.slice(0, 5);
  const firstRowOpener = header.findIndex(opensRow);
  if (cells.length === 0) {
    return { header, rows: [], problems: [{ line: 1, message: "no table found: expected a header row whose cells start with a TAB" }] };
  }
  if (firstRowOpener >= 0 || header.length < 5 || header.some(isEmpty)) {
    const at = header[Math.max(firstRowOpener, 0)] ?? cells[0];
    problems.push({
      line: at.first,
      message:
        "expected the table's header row: five non-empty column labels (task, superior measure, local measure, lead units, cooperating units)" +
        (firstRowOpener >= 0 ? `, found the row ${quote(header[firstRowOpener])} after ${firstRowOpener} label(s)` : ""),
    });
    return { header, rows: [], problems };
  }

  const rows: Row[] = [];
  const labels = header.map((c) => text(c));
  let i = 5;
  while (i < cells.length && problems.length < MAX_PROBLEMS) {
    const cell = cells[i];
    const chapter = text(cell).match(CHAPTER);
    const item = text(cell).match(ITEM);
    if (chapter && cell.paragraphs.length === 1) {
      rows.push({ kind: "chapter", cell, numeral: chapter[1], title: chapter[2] });
      i += 1;
      continue;
    }
    const continuation = isEmpty(cell) && isEmpty(cells[i + 1]);
    if (!item && !continuation) {
      const previous = rows.at(-1);
      if (isEmpty(cell) && previous && previous.kind !== "chapter" && isEmpty(previous.cells[4])) {
        // One empty cell where a continuation row opens with two: the row above ended on the continuation's
        // first empty cell because one of its own cells is missing.
        problems.push({
          line: previous.cells[0].first,
          message: `the row has 4 of 5 cells before the continuation row at line ${cell.first}; expected ${labels.join(" / ")} (a cell is missing)`,
        });
        rows.pop();
      } else problems.push({
        line: cell.first,
        message: `expected a chapter row (一、…), a task row (1.…) or a continuation row (two empty cells) in column ${labels[0]}, found ${isEmpty(cell) ? "an empty cell" : quote(cell)}`,
        });
      // Resynchronise at the next cell that opens a chapter or task row, to report further problems.
      i += 1;
      while (i < cells.length && !opensRow(cells[i])) i += 1;
      continue;
    }
    const rowCells = cells.slice(i, i + 5);
    const opener = rowCells.findIndex((c, k) => k > 0 && opensRow(c));
    if (opener > 0 || rowCells.length < 5) {
      const count = opener > 0 ? opener : rowCells.length;
      const next = opener > 0 ? ` before the next row ${quote(rowCells[opener])} at line ${rowCells[opener].first}` : " before the end of the file";
      problems.push({
        line: cell.first,
        message: `the row has ${count} of 5 cells${next}; expected ${labels.join(" / ")} (a cell is missing)`,
      });
      i += count;
      continue;
    }
    const [, , local, lead] = rowCells;
    const rowProblems: Problem[] = [];
    if (isEmpty(local)) rowProblems.push({ line: local.first, message: `empty cell in column ${labels[2]}; expected the local measure's text` });
    if (isEmpty(lead)) rowProblems.push({ line: lead.first, message: `empty cell in column ${labels[3]}; expected at least one lead unit` });
    for (const [k, c] of [[3, lead], [4, rowCells[4]]] as const) {
      if (/[。！？]$/.test(text(c))) {
        rowProblems.push({
          line: c.first,
          message: `column ${labels[k]} holds a sentence ${quote(c)}; expected unit names (is a cell missing?)`,
        });
      }
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0) {
      rows.push(item ? { kind: "item", cells: rowCells, number: Number(item[1]), title: item[2] } : { kind: "continuation", cells: rowCells });
    }
    i += 5;
  }
  return { header, rows, problems };
}
