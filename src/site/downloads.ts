// The downloadable files: the document JSON, its JSON Schema (generated from the zod model) and the
// responsibility list as CSV, one row per local measure.
import { z } from "zod";
import { Document } from "../model/schema.ts";
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

/** Header: chapter, task number, then the source's own column labels. */
export function responsibilityCsv(doc: Document): string {
  const [task, upper, local, lead, support] = doc.columns;
  const header = ["章节", "任务序号", task, upper, local, lead, support];
  const rows = doc.chapters.flatMap((chapter) =>
    chapter.items.flatMap((item) =>
      item.local.map((m) => [
        chapterLabel(chapter),
        String(item.number),
        item.title,
        item.upper,
        m.text,
        m.lead.join(UNIT_SEPARATOR),
        m.support.join(UNIT_SEPARATOR),
      ]),
    ),
  );
  return toCsv(header, rows);
}
