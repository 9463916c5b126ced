// The progress fixture (test/fixtures/progress/): the bundled list with two reports on it (an Excel sheet of
// 2025-06 and a Word table of 2026-03), and a county's Excel list of another layout with two reports (a Word one
// named only by its title, an Excel one by its file name). The Office files are kept as readable descriptions and
// written to real .xlsx and .docx files here.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseFiles } from "../../src/cli/ingest-command.ts";
import type { Document } from "../../src/model/schema.ts";
import { writeDocx, type DocxSpec } from "../support/docx-writer.ts";
import { writeXlsx, type SheetSpec } from "../support/xlsx-writer.ts";

const ROOT = resolve(import.meta.dirname, "../..");
export const PROGRESS_FIXTURES = join(ROOT, "test/fixtures/progress");
export const BUNDLED_LIST = join(ROOT, "seeds/luan-zjtx-2022.txt");

/** Writes one description (NAME.docx.json / NAME.xlsx.json) as the Office file NAME.docx / NAME.xlsx in `dir`. */
export async function writeOffice(description: string, dir: string): Promise<string> {
  const spec = JSON.parse(readFileSync(description, "utf8")) as unknown;
  const name = description.split("/").at(-1)!.replace(/\.json$/, "");
  const out = join(dir, name);
  writeFileSync(out, name.endsWith(".docx") ? writeDocx(spec as DocxSpec) : await writeXlsx(spec as { sheets: SheetSpec[] }));
  return out;
}

/** The fixture's files in `dir` (the bundled list from seeds/, so its settings and overrides come with it). */
export async function progressSourceFiles(dir = mkdtempSync(join(tmpdir(), "progress-"))): Promise<string[]> {
  const files = [BUNDLED_LIST];
  for (const name of readdirSync(PROGRESS_FIXTURES).filter((n) => n.endsWith(".json")).sort()) files.push(await writeOffice(join(PROGRESS_FIXTURES, name), dir));
  return files;
}

let cached: Document[] | undefined;

/** The two lists with their progress, as `npm run ingest` reads them: the bundled list first. */
export async function progressLists(): Promise<Document[]> {
  if (cached) return cached;
  const parsed = await parseFiles(await progressSourceFiles());
  if (!parsed.ok) throw new Error(parsed.lines.join("\n"));
  return (cached = parsed.documents.map((d) => d.document));
}
