// The downloadable files: the document JSON, its JSON Schema (generated from the zod model) and the
// responsibility list as CSV, one row per local measure.
import { z } from "zod";
import { columnLabel, hasSuperior } from "../model/labels.ts";
import { Document, type Chapter, type Item, type LocalMeasure } from "../model/schema.ts";
import { toCsv } from "../render/csv.ts";
import { chapterLabel } from "./view.ts";

/** Units inside one CSV cell are joined the way the source prints them. */
const UNIT_SEPARATOR = "、";

export function documentJson(doc: Document): string {
  return JSON.stringify(doc, null, 2) + "\n";
}

export function documentJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(Document), null, 2) + "\n";
}

/** Header: chapter, task number, then the source's own column labels (the usual ones for a paragraph list). */
export function responsibilityCsv(doc: Document): string {
  const measures = doc.chapters.flatMap((c) => c.items.flatMap((i) => i.local));
  const label = (role: Parameters<typeof columnLabel>[1]) => columnLabel(doc, role);
  type Field = [string, (chapter: Chapter, item: Item, m: LocalMeasure) => string];
  const fields: Field[] = [
    ["章节", (c) => chapterLabel(c)],
    ["任务序号", (_, i) => String(i.number)],
    [label("task"), (_, i) => i.title],
    ...(hasSuperior(doc) ? [[label("superior"), (_c: Chapter, i: Item) => i.upper ?? ""] as Field] : []),
    [label("measure"), (_, __, m) => m.text],
    [label("lead"), (_, __, m) => m.lead.join(UNIT_SEPARATOR)],
    [label("support"), (_, __, m) => m.support.join(UNIT_SEPARATOR)],
    ...(measures.some((m) => m.responsible.length) ? [[label("responsible"), (_c: Chapter, _i: Item, m: LocalMeasure) => m.responsible.join(UNIT_SEPARATOR)] as Field] : []),
    ...(measures.some((m) => m.leaders.length) ? [[label("leader"), (_c: Chapter, _i: Item, m: LocalMeasure) => m.leaders.join(UNIT_SEPARATOR)] as Field] : []),
    ...(measures.some((m) => m.deadline)
      ? ([
          [label("deadline"), (_c: Chapter, _i: Item, m: LocalMeasure) => m.deadline?.printed ?? ""],
          ["截止日期", (_c: Chapter, _i: Item, m: LocalMeasure) => m.deadline?.last ?? ""],
        ] as Field[])
      : []),
    ...(measures.some((m) => m.note !== undefined) ? [[label("note"), (_c: Chapter, _i: Item, m: LocalMeasure) => m.note ?? ""] as Field] : []),
  ];
  const rows = doc.chapters.flatMap((chapter) => chapter.items.flatMap((item) => item.local.map((m) => fields.map(([, get]) => get(chapter, item, m)))));
  return toCsv(fields.map(([name]) => name), rows);
}
