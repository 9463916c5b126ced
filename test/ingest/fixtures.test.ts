// Every fixture's input parses to its expected model, or fails with exactly its expected FILE:LINE: lines.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/ingest/errors.ts";
import { FIXTURES, fixtureNames, parseFixture } from "./helpers.ts";

describe("fixtures: input → expected", () => {
  const names = fixtureNames();
  it("has the fixture cases the format calls for", () => {
    for (const name of ["luan-bundled", "luan-crlf-bom", "luan-gb18030", "county-list", "hostile", "malformed-missing-cell", "malformed-no-header", "malformed-empty", "malformed-binary", "malformed-cut-short"]) {
      expect(names).toContain(name);
    }
  });
  for (const name of names) {
    it(name, () => {
      const result = parseFixture(name);
      const json = join(FIXTURES, name, "expected.json");
      const txt = join(FIXTURES, name, "expected.txt");
      if (existsSync(json)) {
        expect(result.ok, result.ok ? "" : result.problems.map((p) => p.message).join("\n")).toBe(true);
        if (result.ok) expect(result.document).toEqual(JSON.parse(readFileSync(json, "utf8")));
      } else {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          const lines = result.problems.map((p) => formatProblem("input.txt", p));
          expect(lines.join("\n") + "\n").toBe(readFileSync(txt, "utf8"));
          for (const line of lines) expect(line).toMatch(/^input\.txt:\d+: \S/);
        }
      }
    });
  }
  it("reads CRLF with BOM and GB18030 exactly as the UTF-8 original", () => {
    const original = parseFixture("luan-bundled");
    expect(parseFixture("luan-crlf-bom")).toEqual(original);
    const gb = parseFixture("luan-gb18030");
    expect(gb.ok && gb.encoding).toBe("gb18030");
    expect(gb.ok && original.ok && gb.document).toEqual(original.ok && original.document);
  });
});
