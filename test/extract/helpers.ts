// The bundled document as the ingest builds it (with its overrides file), and lookups for the tests.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatProblem } from "../../src/ingest/blocks.ts";
import { parseDocument } from "../../src/ingest/parse.ts";
import type { Quantity, Subsidy } from "../../src/model/figures.ts";
import type { Document } from "../../src/model/schema.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
export const SOURCE = join(ROOT, "seeds", "luan-zjtx-2022.txt");
export const OVERRIDES = join(ROOT, "seeds", "luan-zjtx-2022.overrides.json");

let cached: Document | undefined;
export function bundledWithFigures(): Document {
  if (cached) return cached;
  const r = parseDocument(readFileSync(SOURCE), { id: "luan-zjtx-2022", file: "luan-zjtx-2022.txt", overrides: { file: OVERRIDES, text: readFileSync(OVERRIDES, "utf8") } });
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem("source", p)).join("\n"));
  return (cached = r.document);
}

export function measureText(doc: Document, q: Pick<Quantity, "task" | "side" | "measure">): string {
  const item = doc.chapters.flatMap((c) => c.items).find((i) => i.number === q.task)!;
  return q.side === "superior" ? item.upper! : item.local[q.measure].text;
}

export const quantity = (doc: Document, id: string) => doc.figures.quantities.find((q) => q.id === id)!;

/** The subsidy of a task and side whose amount, rate or cap is printed as `printed` (and, if given, has that label). */
export function subsidy(doc: Document, task: number, side: "superior" | "local", printed: string, label?: string): Subsidy[] {
  return doc.figures.subsidies.filter((s) => {
    if (s.task !== task || s.side !== side) return false;
    if (label !== undefined && s.label !== label) return false;
    return [s.amount, s.rate, s.cap].some((id) => id && quantity(doc, id).printed === printed);
  });
}
