// Shared test helpers for the ingest: read fixtures, parse with the fixture's fixed identity.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, type ParseResult } from "../../src/ingest/parse.ts";
import type { Document } from "../../src/model/schema.ts";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures");

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n, "input.txt"))).sort();
}

export function parseFixture(name: string): ParseResult {
  return parseDocument(readFileSync(join(FIXTURES, name, "input.txt")), { id: "fixture", file: "input.txt" });
}

export function bundled(): Document {
  const r = parseFixture("luan-bundled");
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.document;
}

export const allItems = (doc: Document) => doc.chapters.flatMap((c) => c.items);
