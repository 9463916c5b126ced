// The plan fixture (test/fixtures/plan/) with the bundled list: four lists of 皖政办〔2022〕2号 in four formats, as
// `npm run ingest` reads them. The Word list is kept as a readable description and written to a .docx here.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseFiles } from "../../src/cli/ingest-command.ts";
import type { Document } from "../../src/model/schema.ts";
import { writeDocx, type DocxSpec } from "../support/docx-writer.ts";

const ROOT = resolve(import.meta.dirname, "../..");
export const PLAN_FIXTURES = join(ROOT, "test/fixtures/plan");

/** The four source files in a temporary folder (the Word one built from its description), the bundled one first. */
export function planSourceFiles(dir = mkdtempSync(join(tmpdir(), "plan-lists-"))): string[] {
  const docx = join(dir, "songxi-zjtx-2023.docx");
  writeFileSync(docx, writeDocx(JSON.parse(readFileSync(join(PLAN_FIXTURES, "songxi-zjtx-2023.docx.json"), "utf8")) as DocxSpec));
  return [join(ROOT, "seeds/luan-zjtx-2022.txt"), join(PLAN_FIXTURES, "bailu-zjtx-2022.txt"), join(PLAN_FIXTURES, "yunxi-zjtx-2022.html"), docx];
}

let cached: Document[] | undefined;

export async function planLists(): Promise<Document[]> {
  if (cached) return cached;
  const parsed = await parseFiles(planSourceFiles());
  if (!parsed.ok) throw new Error(parsed.lines.join("\n"));
  return (cached = parsed.documents.map((d) => d.document));
}
