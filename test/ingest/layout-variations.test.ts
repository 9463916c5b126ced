// Layouts as real offices vary them: the bundled list as a web page whose chapter rows are one cell merged across the
// table without a numeral (<td colspan="5">梯度化培育优质企业群体</td>) reads as with numerals, the chapters
// numbered in order; and a header in other words read with the roles the settings file gives its columns.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, parseSource } from "../../src/ingest/parse.ts";
import { documentOverview } from "../../src/site/view.ts";
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
    expect(refused.ok ? "" : refused.problems[0]!.message).toMatch(/^cannot decide the layout: .*give them their roles in the list's settings file \(seeds\/<name>\.settings\.json\), e\.g\. \{ "columns": \{ "责任处室": "lead" \} \}, and say where the header is \(\{ "header": \{ "table": 1, "row": 2 \} \}\)$/);
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

describe("paragraph lists with three heading levels, introductions and shared unit lines", () => {
  const text = (name: string) => readFileSync(join(FIXTURES, name, "input.txt"), "utf8");
  const parseText = (t: string) => parseDocument(new TextEncoder().encode(t), { id: "x", file: "x.txt" });

  it("reads 一、/（一）/1./（1） as parts, chapters, tasks and their measures", () => {
    const r = parseText(text("layout-three-levels"));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const doc = r.document;
    expect(doc.chapters.map((c) => [c.part?.label, c.label, c.items.map((i) => `${i.label}${i.local.length}`).join(" ")])).toEqual([
      ["一、", "（一）", "1.2 2.2"],
      ["一、", "（二）", "3.1"],
      ["二、", "（三）", "4.2 5.2"],
    ]);
    // A task line with measures under it is the task's title; one whose units follow it directly is its measure.
    expect(doc.chapters.flatMap((c) => c.items).map((i) => i.title)).toEqual(["推进高频事项集成办理。", "拓展“跨省通办”范围。", "", "落实惠企政策。", "加强用地保障。"]);
  });

  it("keeps a heading's introduction as its text, the chapter's or the part's", () => {
    const r = parseText(text("layout-three-levels"));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const [first, , third] = r.document.chapters;
    expect(first!.text).toBe("全面推行政务服务事项网上办理，让企业和群众少跑腿。");
    expect(third!.part?.text).toBe("降低企业综合成本，稳定市场预期。");
    const overview = documentOverview(r.document);
    expect(overview.chapters[0]!.intro).toEqual(["全面推行政务服务事项网上办理，让企业和群众少跑腿。"]);
    expect(overview.chapters[2]!.partIntro).toEqual(["降低企业综合成本，稳定市场预期。"]);
    expect(overview.chapters[1]!.partIntro).toBeUndefined();
  });

  it("gives a unit line after several numbered measures to each of them, in brackets or not", () => {
    const three = parseText(text("layout-three-levels"));
    const shared = parseText(text("layout-c-shared-units"));
    if (!three.ok || !shared.ok) throw new Error("refused");
    const measures = (d: Document) => d.chapters.flatMap((c) => c.items.flatMap((i) => i.local));
    const units = (d: Document) => measures(d).map((m) => `${m.lead.join("、")}|${m.support.join("、")}|${m.responsible.join("、")}`);
    expect(units(three.document).slice(2, 4)).toEqual(["||县数据资源局、县政务服务中心", "||县数据资源局、县政务服务中心"]);
    expect(units(three.document).slice(-2)).toEqual(["县自然资源局|县经信局|", "县自然资源局|县经信局|"]);
    expect(units(shared.document).slice(0, 3)).toEqual(Array(3).fill("区人社局|区财政局、人行西岭支行|"));
    expect(measures(shared.document).slice(0, 3).map((m) => m.deadline?.last)).toEqual(["2025-12-31", "2025-12-31", "2025-12-31"]);
    // The names held three times are accounted for, so coverage still proves each character is in one field.
    expect(shared.document.coverage.covered).toBe(shared.document.coverage.characters);
    // 责任单位 naming one unit, with no 牵头单位 line: that unit leads.
    expect(units(shared.document)[3]).toBe("区民政局||");
  });

  it("refuses a measure without units between siblings that name their own, and four heading levels", () => {
    const between = parseText(text("malformed-sub-measure-no-unit"));
    expect(between.ok ? [] : between.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^the text “举办招商推介会3场。” of task 1\.（2） ends without a parenthesis/)]);
    const four = parseText(text("layout-three-levels").replace("一、提升政务服务效能", "第一部分 重点任务\n一、提升政务服务效能"));
    expect(four.ok ? [] : four.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^four heading levels above the units \(第一部分 \/ 一、 \/ （一） \/ 1\.\); expected at most three/)]);
  });

  it("reads a shared unit line in a list of label lines when it is bracketed too", () => {
    const t = text("layout-c-shared-units").replace("牵头单位：区人社局\n配合单位：区财政局、人行西岭支行\n", "（牵头单位：区人社局；配合单位：区财政局、人行西岭支行）\n");
    const r = parseText(t);
    const plain = parseText(text("layout-c-shared-units"));
    if (!r.ok || !plain.ok) throw new Error(r.ok ? "plain refused" : r.problems[0]!.message);
    const units = (d: Document) => d.chapters.flatMap((c) => c.items.flatMap((i) => i.local.map((m) => [m.lead, m.support])));
    expect(units(r.document)).toEqual(units(plain.document));
  });
});
