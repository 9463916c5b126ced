// Other documents of the same shape build: the generated corpus (other cities, chapter and item counts,
// units, numbers) parses with full coverage, and the source writer round-trips the bundled model.
import { describe, expect, it } from "vitest";
import { generateCorpus, toSourceText } from "../../bench/corpus.ts";
import { formatProblem } from "../../src/ingest/blocks.ts";
import { parseDocument } from "../../src/ingest/parse.ts";
import { bundled } from "./helpers.ts";

/** Line numbers differ between the original and the rewritten source; everything else must not. */
const withoutLocations = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === "at" ? undefined : v)));

describe("generated corpus", () => {
  const base = bundled();
  it("round-trips the bundled model through the source format", () => {
    const r = parseDocument(Buffer.from(toSourceText(base)), { id: "fixture", file: "input.txt" });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(withoutLocations(r.document.chapters)).toEqual(withoutLocations(base.chapters));
      expect(r.document.units.map((u) => u.name)).toEqual(base.units.map((u) => u.name));
    }
  });
  it("builds documents of other sizes with full coverage", () => {
    const sizes = new Set<string>();
    for (const { name, text } of generateCorpus(base, 12)) {
      const r = parseDocument(Buffer.from(text), { id: name, file: `${name}.txt` });
      expect(r.ok, r.ok ? "" : formatProblem(name, r.problems[0])).toBe(true);
      if (!r.ok) continue;
      expect(r.document.coverage.covered).toBe(r.document.coverage.characters);
      sizes.add(`${r.document.chapters.length}/${r.document.chapters.reduce((n, c) => n + c.items.length, 0)}`);
    }
    expect(sizes.size).toBeGreaterThan(3);
  });
});
