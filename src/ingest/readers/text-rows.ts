// Cells of a text export → the rows of a table. A Word table saved as text loses its row boundaries: every cell
// opens with a TAB, one after the other. The header row is the cells before the first numbered cell, so the rows
// are as wide as it is; a row opens at a chapter heading (一、… alone: a row merged across), a task number (1.…, 3)
// or an empty cell (a row whose leading cells are merged with the row above). A row never spans the start of
// another, so a missing cell is caught where the next row's opening cell lands inside a row.
// A table whose rows carry no task number is split by its header instead: the leading cells that are column labels
// (重点任务, 牵头单位, …) give the width, and each row's unit column must hold unit names, so a missing or extra cell
// is caught at the first row it shifts.
import type { Problem, Table, TableCell } from "../blocks.ts";
import { labelRole } from "../column-labels.ts";
import { isChapterMark, readMark, readNumberCell } from "../markers.ts";
import { looksLikeUnit, splitUnits } from "../units.ts";
import type { Cell } from "./text-cells.ts";

export const text = (cell: Cell, joiner = "") => cell.paragraphs.join(joiner);
const isEmpty = (cell: Cell | undefined) => cell !== undefined && cell.paragraphs.length === 0;

/** A cell that can only open a row: a chapter heading or a numbered task (not a bare number, which a cell may hold). */
function opensRow(cell: Cell): boolean {
  const mark = readMark(text(cell));
  return mark !== undefined && (isChapterMark(mark) || mark.style === "num");
}

function opensDataRow(cell: Cell): boolean {
  return opensRow(cell) || readNumberCell(text(cell)) !== undefined;
}

/** A cell that numbers a task (1.…, 3, （3）), not a chapter heading. */
function numbersTask(cell: Cell): boolean {
  return readNumberCell(text(cell)) !== undefined || readMark(text(cell))?.style === "num";
}

function quote(cell: Cell): string {
  const t = text(cell, " ");
  return `“${t.length > 24 ? t.slice(0, 24) + "…" : t}”`;
}

const MAX_PROBLEMS = 50;

function toTableCell(cell: Cell): TableCell {
  const out: TableCell = { paragraphs: cell.paragraphs, at: { line: cell.first } };
  if (cell.last !== cell.first) out.end = { line: cell.last };
  return out;
}

export type TextTable = { ok: true; table: Table } | { ok: false; problems: Problem[] };

export function splitRows(cells: Cell[]): TextTable {
  const problems: Problem[] = [];
  const labelled = headerLabels(cells);
  if (labelled && !cells.some(numbersTask)) return splitUnnumbered(cells, labelled);
  const width = cells.findIndex(opensDataRow);
  const header = cells.slice(0, width < 0 ? cells.length : width);
  if (width < 2 || header.some(isEmpty)) {
    const at = cells[Math.max(width, 0)] ?? cells[0];
    const found = width >= 0 ? `, found the row ${quote(cells[width])} after ${width} label(s)` : ", found no numbered row (一、… or 1.…) under it";
    return {
      ok: false,
      problems: [{ at: { line: at.first }, message: `expected the table's header row: at least two non-empty column labels (task, measure, lead units, …)${found}` }],
    };
  }
  const labels = header.map((c) => text(c)).join(" / ");
  const rows: TableCell[][] = [header.map(toTableCell)];
  let previous: Cell[] | undefined;
  let i = width;
  while (i < cells.length && problems.length < MAX_PROBLEMS) {
    const cell = cells[i];
    if (isChapterMark(readMark(text(cell))) && cell.paragraphs.length === 1 && (i + 1 >= cells.length || opensDataRow(cells[i + 1]) || isEmpty(cells[i + 1]))) {
      // A chapter row: one cell merged across the table.
      rows.push([toTableCell(cell), ...Array.from({ length: width - 1 }, (): TableCell => ({ paragraphs: [], at: { line: cell.first }, covered: "left" }))]);
      previous = undefined;
      i += 1;
      continue;
    }
    if (!opensDataRow(cell) && !isEmpty(cell)) {
      problems.push({ at: { line: cell.first }, message: `expected a chapter row (一、…), a task row (1.…) or a row continuing the task above (empty leading cells) in column ${text(header[0])}, found ${quote(cell)}` });
      // Resynchronise at the next cell that opens a row, to report further problems.
      i += 1;
      while (i < cells.length && !opensRow(cells[i])) i += 1;
      previous = undefined;
      continue;
    }
    const rowCells = cells.slice(i, i + width);
    const opener = rowCells.findIndex((c, k) => k > 0 && opensRow(c));
    if (opener > 0 || rowCells.length < width) {
      if (previous && isEmpty(previous[width - 1]) && isEmpty(cell)) {
        // The row above ended on this row's first empty cell because one of its own cells is missing.
        problems.push({
          at: { line: previous[0].first },
          message: `the row has ${width - 1} of ${width} cells before the continuation row at line ${cell.first}; expected ${labels} (a cell is missing)`,
        });
      } else {
        const count = opener > 0 ? opener : rowCells.length;
        const next = opener > 0 ? ` before the next row ${quote(rowCells[opener])} at line ${rowCells[opener].first}` : " before the end of the file";
        problems.push({ at: { line: cell.first }, message: `the row has ${count} of ${width} cells${next}; expected ${labels} (a cell is missing)` });
      }
      i += opener > 0 ? opener : rowCells.length;
      previous = undefined;
      continue;
    }
    rows.push(rowCells.map(toTableCell));
    previous = rowCells;
    i += width;
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, table: { kind: "table", rows, at: { line: header[0].first } } };
}

const UNIT_ROLES = new Set(["lead", "responsible", "support"]);

/** The header of a table without task numbers: its leading cells that are short column labels, one naming units. */
function headerLabels(cells: Cell[]): { width: number; unitColumns: number[] } | undefined {
  const roles: string[] = [];
  for (const cell of cells) {
    const label = text(cell);
    const role = cell.paragraphs.length === 1 && label.length <= 12 ? labelRole(label) : undefined;
    if (!role || opensDataRow(cell)) break;
    roles.push(role);
  }
  // A 序号 column means numbered rows: those are split by their numbers, and a missing one is refused there.
  if (roles.length < 2 || roles.includes("number")) return undefined;
  const unitColumns = roles.flatMap((r, i) => (UNIT_ROLES.has(r) ? [i] : []));
  return unitColumns.length === 0 ? undefined : { width: roles.length, unitColumns };
}

/** A cell that may stand in the unit column: empty (merged with the row above) or unit names. */
function holdsUnits(cell: Cell | undefined): boolean {
  if (cell === undefined) return false;
  const names = splitUnits(cell.paragraphs);
  return names.every(looksLikeUnit);
}

/** A row of one short cell merged across the table: a chapter heading, numbered or not (梯度化培育优质企业群体). */
function mayBeChapterRow(cell: Cell): boolean {
  const t = text(cell);
  return cell.paragraphs.length === 1 && t.length <= 40 && !/[。；;]/.test(t);
}

function splitUnnumbered(cells: Cell[], { width, unitColumns }: { width: number; unitColumns: number[] }): TextTable {
  const header = cells.slice(0, width);
  const labels = header.map((c) => text(c)).join(" / ");
  const rows: TableCell[][] = [header.map(toTableCell)];
  /** The first unit column of the row from cell i that holds no unit names, or -1 when the row fits. */
  const misfit = (i: number) => (i + width > cells.length ? unitColumns[0]! : unitColumns.find((k) => !holdsUnits(cells[i + k])) ?? -1);
  const fits = (i: number) => misfit(i) < 0;
  for (let i = width; i < cells.length; ) {
    const cell = cells[i];
    if (!fits(i) && mayBeChapterRow(cell) && (i + 1 === cells.length || fits(i + 1))) {
      rows.push([toTableCell(cell), ...Array.from({ length: width - 1 }, (): TableCell => ({ paragraphs: [], at: { line: cell.first }, covered: "left" }))]);
      i += 1;
      continue;
    }
    if (i + width > cells.length) {
      return { ok: false, problems: [{ at: { line: cell.first }, message: `the row has ${cells.length - i} of ${width} cells before the end of the file; expected ${labels} (a cell is missing)` }] };
    }
    if (!fits(i)) {
      // A short cell that fits as no data row is a heading most likely: the row after it is the one that shifted.
      const at = mayBeChapterRow(cell) && i + 1 < cells.length ? i + 1 : i;
      const column = misfit(at);
      const shifted = cells[Math.min(at + column, cells.length - 1)]!;
      return {
        ok: false,
        problems: [{
          at: { line: shifted.first },
          message: `the cell under ${text(header[column]!)} reads ${quote(shifted)}, not unit names: a cell of this row or the one above is missing or extra; expected ${labels} in each row (the rows carry no task number to align them by)`,
        }],
      };
    }
    rows.push(cells.slice(i, i + width).map(toTableCell));
    i += width;
  }
  return { ok: true, table: { kind: "table", rows, at: { line: header[0]!.first } } };
}
