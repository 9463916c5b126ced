// A list printed with columns for the units to fill in later (完成情况, 进展情况, 存在问题 left empty) is still a
// list: such a column, empty under its header, is left out before the layouts read the table. With anything in
// it, the file is a progress report (src/progress/), not a list.
import type { Block, Table } from "../blocks.ts";
import { reportColumn } from "./columns.ts";

const HEADER_ROWS = 40;

/** A header label is a few words: a measure's text that mentions 问题 or 进展 is not one. */
const isLabel = (text: string) => text.trim().length > 0 && text.trim().length <= 12 && !/[。：:；;，,、]/.test(text);

function withoutColumns(table: Table, drop: ReadonlySet<number>): Table {
  return { ...table, rows: table.rows.map((row) => row.filter((_, c) => !drop.has(c))) };
}

/** The table without its empty report columns, taken from the first row that labels one. */
function withoutBlankColumns(table: Table): Table {
  for (let r = 0; r < Math.min(table.rows.length, HEADER_ROWS); r++) {
    const row = table.rows[r]!;
    const labelled = row.flatMap((cell, c) => (!cell.covered && isLabel(cell.paragraphs.join("")) && reportColumn(cell.paragraphs.join("")) ? [c] : []));
    if (labelled.length === 0) continue;
    const blank = labelled.filter((c) => table.rows.slice(r + 1).every((below) => below[c]!.covered === "left" || below[c]!.paragraphs.every((p) => p.trim() === "")));
    // Dropping every column would leave no table.
    if (blank.length === 0 || blank.length === row.length) return table;
    return withoutColumns(table, new Set(blank));
  }
  return table;
}

export function dropBlankReportColumns(blocks: readonly Block[]): Block[] {
  return blocks.map((b) => (b.kind === "table" ? withoutBlankColumns(b) : b));
}
