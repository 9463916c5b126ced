// Shared test helpers for the ingest: read fixtures of any format, parse them with the fixture's fixed identity.
// A fixture is a folder with input.<ext> (txt, html, doc, or input.docx.json / input.xlsx.json: a readable
// description the writers in test/support turn into the binary file) and expected.json or expected.txt.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { convertToDocx } from "../../src/cli/convert-doc.ts";
import { parseFiles } from "../../src/cli/ingest-command.ts";
import { parseDocument, parseSource, type ParseResult } from "../../src/ingest/parse.ts";
import type { Document } from "../../src/model/schema.ts";
import { writeDocx, type DocxSpec } from "../support/docx-writer.ts";
import { writeXlsx, type SheetSpec } from "../support/xlsx-writer.ts";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** The input file of a fixture folder: input.txt, input.html, input.doc, input.docx.json, input.xlsx.json… */
export function fixtureInput(name: string): string | undefined {
  return readdirSync(join(FIXTURES, name)).find((f) => f.startsWith("input."));
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n)) && fixtureInput(n) !== undefined).sort();
}

/** The name the fixture's problems are printed with: the file a person would hold (input.docx for input.docx.json). */
export function fixtureFile(name: string): string {
  return fixtureInput(name)!.replace(/\.json$/, "");
}

export async function parseFixtureAsync(name: string): Promise<ParseResult> {
  const input = fixtureInput(name)!;
  const path = join(FIXTURES, name, input);
  const source = { id: "fixture", file: fixtureFile(name) };
  if (input === "input.docx.json") return parseSource(writeDocx(JSON.parse(readFileSync(path, "utf8")) as DocxSpec), ".docx", source);
  if (input === "input.xlsx.json") {
    const spec = JSON.parse(readFileSync(path, "utf8")) as { sheets: SheetSpec[] };
    return parseSource(await writeXlsx(spec), ".xlsx", source);
  }
  if (input === "input.doc" || input === "input.wps") {
    const docx = convertToDocx(path);
    if (!docx.ok) throw new Error(docx.message);
    return parseSource(docx.bytes, ".docx", { ...source, format: input === "input.doc" ? "doc" : "wps" });
  }
  return parseSource(readFileSync(path), input.slice(input.lastIndexOf(".")), source);
}

/** A text fixture, synchronously. */
export function parseFixture(name: string): ParseResult {
  return parseDocument(readFileSync(join(FIXTURES, name, "input.txt")), { id: "fixture", file: "input.txt" });
}

export function bundled(): Document {
  const r = parseFixture("luan-bundled");
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.document;
}

export const allItems = (doc: Document) => doc.chapters.flatMap((c) => c.items);

/** Source files as `npm run ingest` reads them, with their companions (a list's settings file, overrides, aliases). */
export async function ingestFiles(paths: readonly string[]): Promise<Document[]> {
  const parsed = await parseFiles(paths.map((p) => join(import.meta.dirname, "..", "..", p)));
  if (!parsed.ok) throw new Error(parsed.lines.join("\n"));
  return parsed.documents.map((d) => d.document);
}
