// Layouts as real offices vary them: the bundled list as a web page whose chapter rows are one cell merged across the
// table without a numeral (<td colspan="5">梯度化培育优质企业群体</td>) reads as with numerals, the chapters
// numbered in order; and a header in other words read with the roles the settings file gives its columns.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/ingest/parse.ts";
import { parseFiles } from "../../src/cli/ingest-command.ts";
import type { Document } from "../../src/model/schema.ts";
import { bundledHtml } from "../support/bundled-formats.ts";
import { writeXlsx, type SheetSpec } from "../support/xlsx-writer.ts";
import { FIXTURES } from "./helpers.ts";

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

describe("a header in words the layouts do not know", () => {
  // The county's Excel list, its 责任单位 column headed 责任处室 and its 工作任务 column 主抓内容.
  const sheet = async (head: string[]) => {
    const spec = JSON.parse(readFileSync(join(FIXTURES, "format-xlsx-first-listed", "input.xlsx.json"), "utf8")) as { sheets: SheetSpec[] };
    spec.sheets[0]!.rows[2] = head;
    return writeXlsx(spec);
  };

  it("is refused with the setting that says what its columns are, and reads with it", async () => {
    const bytes = await sheet(["序号", "工作任务", "责任处室", "完成时限"]);
    const refused = await parseSource(bytes, ".xlsx", { id: "x", file: "x.xlsx" });
    expect(refused.ok ? "" : refused.problems[0]!.message).toMatch(/^cannot decide the layout: .*give them their roles in the list's settings file \(seeds\/<name>\.settings\.json\), e\.g\. \{ "columns": \{ "责任处室": "lead" \} \}$/);
    const read = await parseSource(bytes, ".xlsx", { id: "x", file: "x.xlsx", columns: { 责任处室: "responsible" } });
    if (!read.ok) throw new Error(read.problems[0]!.message);
    expect(read.document.columns.map((c) => `${c.label}:${c.role}`)).toEqual(["序号:number", "工作任务:measure", "责任处室:responsible", "完成时限:deadline"]);
    expect(read.document.chapters.flatMap((c) => c.items).map((i) => i.local[0]!.lead)).toEqual([["县住建局"], ["县公安局"], ["县应急局"]]);
  });

  it("a content column given its role leaves the other content column the role it does not give", async () => {
    const bytes = await sheet(["序号", "主抓内容", "责任单位", "完成时限"]);
    const read = await parseSource(bytes, ".xlsx", { id: "x", file: "x.xlsx", columns: { 主抓内容: "measure" } });
    if (!read.ok) throw new Error(read.problems[0]!.message);
    expect(read.document.columns.map((c) => c.role)).toEqual(["number", "measure", "responsible", "deadline"]);
  });
});

describe("the columns setting, as the ingest reads it beside the source", () => {
  it("seeds/<name>.settings.json gives the roles, checked by its schema", async () => {
    const dir = mkdtempSync(join(tmpdir(), "columns-setting-"));
    const spec = JSON.parse(readFileSync(join(FIXTURES, "format-xlsx-first-listed", "input.xlsx.json"), "utf8")) as { sheets: SheetSpec[] };
    spec.sheets[0]!.rows[2] = ["序号", "工作任务", "责任处室", "完成时限"];
    writeFileSync(join(dir, "anping.xlsx"), await writeXlsx(spec));
    writeFileSync(join(dir, "anping.settings.json"), '{ "columns": { "责任处室": "responsible" } }');
    const parsed = await parseFiles([join(dir, "anping.xlsx")]);
    expect(parsed.ok && parsed.documents[0]!.document.columns[2]).toEqual({ role: "responsible", label: "责任处室" });
    writeFileSync(join(dir, "anping.settings.json"), '{\n  "columns": { "责任处室": "boss" }\n}');
    const bad = await parseFiles([join(dir, "anping.xlsx")]);
    expect(bad.ok ? [] : bad.lines).toEqual([expect.stringMatching(/anping\.settings\.json:2: at columns\.责任处室: Invalid option/)]);
  });
});
