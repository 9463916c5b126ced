// Blocks → the list, by the layout the blocks show: a table whose header names unit columns (A, B, E), else
// numbered paragraphs with label lines (C) or unit parentheses (D, E). Nothing decides it: a clear problem.
import type { Block } from "../blocks.ts";
import type { LayoutInput, LayoutResult } from "./list.ts";
import { paragraphListKind, readParagraphList } from "./paragraphs.ts";
import { findHeader, readTableList } from "./table.ts";
import { dropBlankReportColumns } from "./blank-columns.ts";

export function readList(given: LayoutInput): LayoutResult {
  const input = { ...given, blocks: dropBlankReportColumns(given.blocks) };
  const header = findHeader(input.blocks, input.columnNames);
  if (header) return readTableList(input, header);
  const paragraphs = input.blocks.filter((b) => b.kind === "paragraph");
  const kind = paragraphListKind(paragraphs, input.firstListedLeads);
  if (kind) return readParagraphList(input, kind);
  return { ok: false, problems: [{ at: firstPlace(input.blocks), message: undecided(input.blocks) }] };
}

function firstPlace(blocks: Block[]) {
  return blocks[0]?.at ?? { line: 1 };
}

function undecided(blocks: Block[]): string {
  const tables = blocks.filter((b) => b.kind === "table").length;
  const found = tables ? `${tables} table(s) without a header naming unit columns` : "no table";
  return (
    `cannot decide the layout: found ${found}, no label lines (牵头单位：…) and no unit parentheses (（…牵头，…配合）); ` +
    "expected a table with a 牵头单位 column, numbered tasks followed by 牵头单位：/配合单位： lines, or numbered tasks ending in （…牵头…）" +
    (tables ? `; where a table's header names its columns in other words, give them their roles in the list's settings file (seeds/<name>.settings.json), e.g. { "columns": { "责任处室": "lead" } }` : "")
  );
}
