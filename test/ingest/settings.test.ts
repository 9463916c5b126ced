// The settings file's way out, where the detection cannot decide: the layout, the header row, each level's
// numbering, the rule that the first unit listed leads; each refusal such a setting resolves names it, and
// --explain reads the file as the build does, with its settings.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest-command.ts";
import { parseDocument, parseSource, type SourceInfo } from "../../src/ingest/parse.ts";
import { layoutSettings, SeedSettings } from "../../src/ingest/settings.ts";
import type { Document } from "../../src/model/schema.ts";
import { writeXlsx, type SheetSpec } from "../support/xlsx-writer.ts";
import { FIXTURES } from "./helpers.ts";

const text = (name: string) => readFileSync(join(FIXTURES, name, "input.txt"), "utf8");
/** The source as the CLI makes it from a settings file's JSON, checked by the schema. */
const withSettings = (json: unknown): SourceInfo => {
  const settings = SeedSettings.parse(json);
  const layout = layoutSettings(settings);
  return { id: "x", file: "x.txt", ...(layout ? { layout } : {}), ...(settings.columns ? { columns: settings.columns } : {}) };
};
const parseText = (t: string, source: SourceInfo = { id: "x", file: "x.txt" }) => parseDocument(new TextEncoder().encode(t), source);
const shape = (d: Document) => d.chapters.map((c) => `${c.label}${c.title}: ${c.items.map((i) => `${i.label}×${i.local.length}`).join(" ")}`);

describe("levels", () => {
  // 一、 / 1. / （1）: found, the list is parts of chapters (1.) of tasks (（1））; the web team says 1. are the tasks.
  const list = text("layout-three-levels").replace(/^（[一二三]）.*\n/gm, "").replace("全面推行政务服务事项网上办理，让企业和群众少跑腿。\n", "");

  it("says which numbering is the chapters', the tasks' and the measures'", () => {
    // Read as found, 1. is a chapter heading, and one whose units follow it directly a chapter without tasks.
    const found = parseText(list);
    expect(found.ok ? "" : found.problems[0]!.message).toMatch(/^chapter 3\.“实施工程建设项目审批.* has no tasks; expected numbered tasks under it, or say how the levels are numbered in the list's settings file/);
    const given = parseText(list, withSettings({ levels: { chapter: "一、", task: "1.", measure: "（1）" } }));
    if (!given.ok) throw new Error(given.problems[0]!.message);
    expect(shape(given.document)).toEqual(["一、提升政务服务效能: 1.×2 2.×2 3.×1", "二、强化要素保障: 4.×2 5.×2"]);
    expect(given.document.coverage.covered).toBe(given.document.coverage.characters);
  });

  it("are checked: outermost first, each in a style of its own", () => {
    expect(SeedSettings.safeParse({ levels: { chapter: "1.", task: "一、" } }).success).toBe(false);
    expect(SeedSettings.safeParse({ levels: { task: "一." } }).success).toBe(false);
    expect(SeedSettings.safeParse({ levels: { task: "1." } }).success).toBe(true);
  });

  it("are named by the refusals they resolve", () => {
    const four = parseText(text("layout-three-levels").replace("一、提升政务服务效能", "第一部分 重点任务\n一、提升政务服务效能"));
    expect(four.ok ? "" : four.problems[0]!.message).toMatch(/or say which levels are which in the list's settings file \(seeds\/<name>\.settings\.json\): \{ "levels": /);
    const given = parseText(text("layout-three-levels").replace("一、提升政务服务效能", "第一部分 重点任务\n一、提升政务服务效能"), withSettings({ levels: { part: "一、", chapter: "（一）", task: "1.", measure: "（1）" } }));
    // 第一部分 is then the cover's, above the list.
    expect(given.ok && shape(given.document)[0]).toBe("（一）深化“一网通办”: 1.×2 2.×2");
  });
});

describe("firstListedLeads", () => {
  it("says the first unit listed leads where the file says it nowhere, and the refusal names it", () => {
    const refused = parseText(text("malformed-no-lead-column"));
    expect(refused.ok ? "" : refused.problems[0]!.message).toMatch(/\{ "firstListedLeads": true \}$/);
    const read = parseText(text("malformed-no-lead-column"), withSettings({ firstListedLeads: true }));
    if (!read.ok) throw new Error(read.problems[0]!.message);
    expect(read.document.layout).toBe("first-listed-lead");
    const first = read.document.chapters[0]!.items[0]!.local[0]!;
    expect(first.lead).toHaveLength(1);
  });
});

describe("layout and header", () => {
  // A contacts table above a label-line list: its row 牵头单位 | 配合单位 reads as a list's header.
  const page = (body: string) => `<html><head><title>t</title></head><body>${body}</body></html>`;
  const contacts = "<table><tr><td>牵头单位</td><td>配合单位</td></tr><tr><td>区住建局 张三</td><td>区人社局 李四</td></tr></table>";
  const paragraphs = text("layout-c-label-lines").split("\n").filter((l) => l.trim() !== "").map((l) => `<p>${l}</p>`).join("");
  const html = (source: SourceInfo) => parseSource(new TextEncoder().encode(page(contacts + paragraphs)), ".html", { ...source, file: "x.html" });

  it("layout: a paragraph list is read as one though a table above it has a header's labels", async () => {
    const found = await html({ id: "x", file: "x.html" });
    expect(found.ok).toBe(false);
    const given = await html(withSettings({ layout: "label-lines" }));
    if (!given.ok) throw new Error(given.problems[0]!.message);
    const plain = parseText(text("layout-c-label-lines"));
    expect(plain.ok && given.document.chapters.map((c) => c.items.map((i) => i.local.map((m) => m.lead)))).toEqual(plain.ok && plain.document.chapters.map((c) => c.items.map((i) => i.local.map((m) => m.lead))));
  });

  it("header: a header row whose labels end in colons, placed by the settings file", async () => {
    const spec = JSON.parse(readFileSync(join(FIXTURES, "format-xlsx-first-listed", "input.xlsx.json"), "utf8")) as { sheets: SheetSpec[] };
    spec.sheets[0]!.rows[2] = ["序号：", "工作任务：", "责任单位：", "完成时限："];
    const bytes = await writeXlsx(spec);
    const refused = await parseSource(bytes, ".xlsx", { id: "x", file: "x.xlsx" });
    expect(refused.ok ? "" : refused.problems[0]!.message).toMatch(/say where the header is \(\{ "header": \{ "table": 1, "row": 2 \} \}\)$/);
    const read = await parseSource(bytes, ".xlsx", { ...withSettings({ header: { row: 3 } }), file: "x.xlsx" });
    if (!read.ok) throw new Error(read.problems[0]!.message);
    expect(read.document.columns.map((c) => c.role)).toEqual(["number", "measure", "responsible", "deadline"]);
    const beyond = await parseSource(bytes, ".xlsx", { ...withSettings({ header: { row: 40 } }), file: "x.xlsx" });
    expect(beyond.ok ? "" : beyond.problems[0]!.message).toMatch(/^the settings file places the header in row 40 of table 1, which has \d+ row\(s\); expected a header row with the list's rows under it/);
    const noTable = await parseSource(bytes, ".xlsx", { ...withSettings({ header: { table: 9, row: 1 } }), file: "x.xlsx" });
    expect(noTable.ok ? "" : noTable.problems[0]!.message).toMatch(/^the settings file places the header in table 9, but the file has \d table\(s\)/);
  });
});

describe("--explain with the settings file beside the source", () => {
  it("reads the file as the build does: the settings named, their roles and levels shown, the outcome built", async () => {
    const dir = mkdtempSync(join(tmpdir(), "explain-settings-"));
    const list = text("layout-three-levels").replace(/^（[一二三]）.*\n/gm, "").replace("全面推行政务服务事项网上办理，让企业和群众少跑腿。\n", "");
    writeFileSync(join(dir, "nanhu.txt"), list);
    writeFileSync(join(dir, "nanhu.settings.json"), '{ "levels": { "chapter": "一、", "task": "1.", "measure": "（1）" }, "layout": "unit-parenthesis" }');
    const out: string[] = [];
    const code = await runIngest({ files: [join(dir, "nanhu.txt")], json: false, check: false, explain: true, help: false, log: (l) => out.push(l), error: (l) => out.push(l) });
    expect(code).toBe(0);
    expect(out).toContain("settings: nanhu.settings.json gives layout, levels");
    expect(out).toContain("header: not looked for (the settings file says the layout is unit-parenthesis)");
    expect(out).toContain("levels (the settings file's): chapter 一、, task 1., measure （1）");
    expect(out.at(-1)).toMatch(/^outcome: built, .*2 chapters, 5 tasks, 9 measures/);
  });
});
