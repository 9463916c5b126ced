// Mutations of the bundled document and of the paragraph and table lists of the other layouts (dropped, duplicated
// or swapped lines, inserted tabs, a cut file): the ingest returns a model with 100% coverage or FILE:LINE
// problems, never an uncaught exception.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/ingest/parse.ts";
import { FIXTURES } from "./helpers.ts";

const linesOf = (name: string) => readFileSync(join(FIXTURES, name, "input.txt"), "utf8").split("\n");
const lines = linesOf("luan-bundled");

type Mutation =
  | { op: "drop"; at: number }
  | { op: "duplicate"; at: number }
  | { op: "swap"; at: number; with: number }
  | { op: "tab"; at: number; column: number }
  | { op: "cut"; at: number; bytes: number };

const index = fc.nat({ max: lines.length - 1 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("drop" as const), at: index }),
  fc.record({ op: fc.constant("duplicate" as const), at: index }),
  fc.record({ op: fc.constant("swap" as const), at: index, with: index }),
  fc.record({ op: fc.constant("tab" as const), at: index, column: fc.nat({ max: 200 }) }),
  fc.record({ op: fc.constant("cut" as const), at: index, bytes: fc.nat({ max: 40 }) }),
);

function apply(source: string[], mutations: Mutation[]): Uint8Array {
  const ls = [...source];
  let cutAt: number | undefined;
  for (const m of mutations) {
    const at = m.at % Math.max(ls.length, 1);
    if (m.op === "drop") ls.splice(at, 1);
    else if (m.op === "duplicate") ls.splice(at, 0, ls[at] ?? "");
    else if (m.op === "swap") {
      const w = m.with % Math.max(ls.length, 1);
      [ls[at], ls[w]] = [ls[w], ls[at]];
    } else if (m.op === "tab") {
      const l = ls[at] ?? "";
      const c = Math.min(m.column, l.length);
      ls[at] = l.slice(0, c) + "\t" + l.slice(c);
    } else cutAt = at;
  }
  const bytes = Buffer.from(ls.join("\n"), "utf8");
  if (cutAt === undefined) return bytes;
  // Cut at a byte offset, which may fall inside a multi-byte character.
  const offset = Math.floor((bytes.length * cutAt) / Math.max(source.length, 1));
  return bytes.subarray(0, offset);
}

describe("mutated input", () => {
  it.each([
    ["luan-bundled", 400],
    ["layout-b-table", 150],
    ["layout-c-label-lines", 150],
    ["layout-d-parenthesis", 150],
    ["layout-e-first-listed", 150],
  ] as const)("%s yields full coverage or FILE:LINE problems, never an exception", (name, numRuns) => {
    const source = name === "luan-bundled" ? lines : linesOf(name);
    let models = 0;
    let refusals = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const bytes = apply(source, mutations);
        const result = parseDocument(bytes, { id: "mutant", file: "mutant.txt" });
        const lineCount = Buffer.from(bytes).toString("utf8").split("\n").length;
        if (result.ok) {
          models++;
          expect(result.document.coverage.covered).toBe(result.document.coverage.characters);
        } else {
          refusals++;
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) {
            const line = "line" in p.at ? p.at.line : 0;
            expect(line).toBeGreaterThanOrEqual(1);
            expect(line).toBeLessThanOrEqual(lineCount);
            expect(p.message).toMatch(/\S/);
          }
        }
      }),
      { numRuns, seed: 20221105 },
    );
    // Both outcomes must occur, or the mutations are not exercising the parser.
    expect(models).toBeGreaterThan(0);
    expect(refusals).toBeGreaterThan(0);
  });
});
