// Blocks → the list, by the layout the blocks show: a table whose header names unit columns (A, B, E), else
// numbered paragraphs with label lines (C) or unit parentheses (D, E). Nothing decides it: a clear problem, naming
// the settings that would decide it. The settings file's layout, header row and levels stand over the detection.
import type { Block, Problem } from "../blocks.ts";
import { SETTINGS_FILE, type LayoutInput, type LayoutResult } from "./list.ts";
import { paragraphListKind, readParagraphList } from "./paragraphs.ts";
import { findHeader, readTableList } from "./table.ts";
import { dropBlankReportColumns } from "./blank-columns.ts";

export function readList(given: LayoutInput): LayoutResult {
  const settings = given.settings;
  const input = {
    ...given,
    blocks: dropBlankReportColumns(given.blocks),
    ...(settings?.firstListedLeads !== undefined ? { firstListedLeads: settings.firstListedLeads } : {}),
  };
  if (settings?.header) {
    const where = givenHeader(input.blocks, settings.header);
    return "problem" in where ? { ok: false, problems: [where.problem] } : readTableList(input, where);
  }
  const kind = settings?.kind;
  if (kind !== "label-lines" && kind !== "unit-parenthesis") {
    const header = findHeader(input.blocks, input.columnNames);
    if (header) return readTableList(input, header);
    if (kind === "table") return { ok: false, problems: [{ at: firstPlace(input.blocks), message: noHeader(input.blocks) }] };
  }
  const paragraphs = input.blocks.filter((b) => b.kind === "paragraph");
  const found = kind === "label-lines" ? "labels" : kind === "unit-parenthesis" ? "parentheses" : paragraphListKind(paragraphs, input.firstListedLeads);
  if (found) return readParagraphList(input, found);
  return { ok: false, problems: [{ at: firstPlace(input.blocks), message: undecided(input.blocks) }] };
}

/** The header the settings file places: its table among the file's tables, its row in that table (both from 1). */
function givenHeader(blocks: Block[], header: { table: number; row: number }): { table: number; row: number } | { problem: Problem } {
  const tables = blocks.flatMap((b, i) => (b.kind === "table" ? [i] : []));
  const index = tables[header.table - 1];
  if (index === undefined) {
    return { problem: { at: firstPlace(blocks), message: `the settings file places the header in table ${header.table}, but the file has ${tables.length} table(s); expected "header": { "table": 1…${tables.length}, … } in ${SETTINGS_FILE}` } };
  }
  const table = blocks[index]!;
  if (table.kind !== "table" || header.row >= table.rows.length) {
    const rows = table.kind === "table" ? table.rows.length : 0;
    const expected = rows > 1 ? `a header row with the list's rows under it (row 1 to ${rows - 1})` : "the table that holds the list";
    return { problem: { at: table.at, message: `the settings file places the header in row ${header.row} of table ${header.table}, which has ${rows} row(s); expected ${expected} in ${SETTINGS_FILE}` } };
  }
  return { table: index, row: header.row - 1 };
}

function firstPlace(blocks: Block[]) {
  return blocks[0]?.at ?? { line: 1 };
}

function noHeader(blocks: Block[]): string {
  const tables = blocks.filter((b) => b.kind === "table").length;
  return (
    `the settings file says the list is a table, but none of its ${tables} table(s) has a header naming unit columns (牵头单位, 配合单位 or 责任单位); ` +
    `expected such a header, or say where it is and what its labels name in ${SETTINGS_FILE}: { "header": { "table": 1, "row": 2 }, "columns": { "责任处室": "lead" } }`
  );
}

function undecided(blocks: Block[]): string {
  const tables = blocks.filter((b) => b.kind === "table").length;
  const found = tables ? `${tables} table(s) without a header naming unit columns` : "no table";
  return (
    `cannot decide the layout: found ${found}, no label lines (牵头单位：…) and no unit parentheses (（…牵头，…配合）); ` +
    "expected a table with a 牵头单位 column, numbered tasks followed by 牵头单位：/配合单位： lines, or numbered tasks ending in （…牵头…）" +
    (tables
      ? `; where a table's header names its columns in other words, give them their roles in ${SETTINGS_FILE}, e.g. { "columns": { "责任处室": "lead" } }, and say where the header is ({ "header": { "table": 1, "row": 2 } })`
      : "")
  );
}
