// Layouts as real offices vary them: the bundled list as a web page whose chapter rows are one cell merged across the
// table without a numeral (<td colspan="5">梯度化培育优质企业群体</td>) reads as with numerals, the chapters
// numbered in order.
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/ingest/parse.ts";
import type { Document } from "../../src/model/schema.ts";
import { bundledHtml } from "../support/bundled-formats.ts";

async function html(text: string): Promise<Document> {
  const r = await parseSource(new TextEncoder().encode(text), ".html", { id: "x", file: "x.html" });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.document;
}

describe("a chapter row merged across the table", () => {
  it("is a chapter without its numeral, numbered in order, the tasks under it as with one", async () => {
    const page = new TextDecoder().decode(bundledHtml());
    const numbered = await html(page);
    const bare = await html(page.replace(/>[一二三四五六七]、/g, ">"));
    expect(bare.chapters.map((c) => [c.number, c.numeral, c.label, c.title])).toEqual(numbered.chapters.map((c) => [c.number, "", "", c.title]));
    expect(bare.chapters.map((c) => c.items)).toEqual(numbered.chapters.map((c) => c.items));
    expect(bare.coverage.covered).toBe(bare.coverage.characters);
  });

  it("but a row with one filled cell and the others empty, not merged, is a task row missing its measure", async () => {
    const page = new TextDecoder().decode(bundledHtml()).replace(/<td colspan="5"([^>]*)>(\s*<p[^>]*><span[^>]*>)二、([^<]*)(<\/span><\/p>\s*)<\/td>/, '<td$1>$2$3$4</td><td></td><td></td><td></td><td></td>');
    expect(page).not.toContain(">二、");
    const r = await parseSource(new TextEncoder().encode(page), ".html", { id: "x", file: "x.html" });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^an empty cell in column 市贯彻落实措施; expected the measure's text$/)]);
  });
});
