// Every fixture's input parses to its expected model, or fails with exactly its expected FILE:LINE: lines.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/ingest/blocks.ts";
import { FIXTURES, fixtureFile, fixtureNames, parseFixture, parseFixtureAsync } from "./helpers.ts";

describe("fixtures: input → expected", () => {
  const names = fixtureNames();
  it("has the fixture cases the format calls for", () => {
    const layouts = ["layout-b-table", "layout-c-label-lines", "layout-d-parenthesis", "layout-e-first-listed"];
    const formats = ["format-docx-table-numbered", "format-docx-paragraphs-numbered", "format-xlsx-first-listed", "format-html-parenthesis", "format-doc"];
    const refusals = ["malformed-undecided-layout", "malformed-no-lead-column", "malformed-parenthesis-no-unit", "malformed-empty-label", "malformed-sub-measure-no-unit", "malformed-unnumbered-missing-cell"];
    const variations = ["layout-three-levels", "layout-c-shared-units", "format-txt-unnumbered-table"];
    for (const name of ["luan-bundled", "luan-crlf-bom", "luan-gb18030", "county-list", "hostile", "hostile-paragraphs", "malformed-missing-cell", "malformed-no-header", "malformed-empty", "malformed-binary", "malformed-cut-short", ...layouts, ...formats, ...refusals, ...variations]) {
      expect(names).toContain(name);
    }
  });
  for (const name of names) {
    it(name, async () => {
      const result = await parseFixtureAsync(name);
      const file = fixtureFile(name);
      const json = join(FIXTURES, name, "expected.json");
      const txt = join(FIXTURES, name, "expected.txt");
      if (existsSync(json)) {
        expect(result.ok, result.ok ? "" : result.problems.map((p) => p.message).join("\n")).toBe(true);
        if (result.ok) expect(result.document).toEqual(JSON.parse(readFileSync(json, "utf8")));
      } else {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          const lines = result.problems.map((p) => formatProblem(file, p));
          expect(lines.join("\n") + "\n").toBe(readFileSync(txt, "utf8"));
          for (const line of lines) expect(line.startsWith(`${file}:`) && /^[^:]+:[^:]+: \S/.test(line)).toBe(true);
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
