// A library as a web team drops it into seeds/: the bundled list (text export, layout A), lists in the four other
// layouts, and lists as Word (.docx, and an old .doc through LibreOffice), Excel, a saved government web page, and a
// ruled table as PDF (exported by LibreOffice) and as OFD.
// The ingest CLI names each layout and format, the site builds, and Chromium sees each list laid out as it is:
// a superior column and its comparison only where the list has one, units, leaders and deadlines everywhere.
import { AxeBuilder } from "@axe-core/playwright";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDocx, type DocxSpec } from "../support/docx-writer.ts";
import { writeXlsx, type SheetSpec } from "../support/xlsx-writer.ts";
import { pdfOf } from "../support/pdf-writer.ts";
import { ofdOf } from "../support/ofd-writer.ts";
import type { PageProblems } from "./support/browser.ts";
import { listFiles } from "./support/dist.ts";
import { buildLibrarySite, type LibrarySite } from "./support/library-site.ts";
import { readResults } from "./support/search.ts";
import type { StaticServer } from "./support/static-server.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures");
const fixture = (name: string, file: string) => join(FIXTURES, name, file);

let site: LibrarySite;
let out: string;
let ingestOutput: string;
let server: StaticServer;
let page: Page;
let problems: PageProblems;

/** Writes the library into seeds/ of the test's folder, as a web team would drop its files. */
async function writeSeeds(work: string): Promise<string[]> {
  const seeds = join(work, "seeds");
  mkdirSync(seeds);
  copyFileSync(join(ROOT, "seeds/luan-zjtx-2022.txt"), join(seeds, "luan-zjtx-2022.txt"));
  copyFileSync(join(ROOT, "seeds/luan-zjtx-2022.overrides.json"), join(seeds, "luan-zjtx-2022.overrides.json"));
  copyFileSync(join(ROOT, "seeds/luan-zjtx-2022.settings.json"), join(seeds, "luan-zjtx-2022.settings.json"));
  for (const layout of ["b-table", "c-label-lines", "d-parenthesis", "e-first-listed"]) copyFileSync(fixture(`layout-${layout}`, "input.txt"), join(seeds, `layout-${layout}.txt`));
  const docx = (name: string) => writeDocx(JSON.parse(readFileSync(fixture(name, "input.docx.json"), "utf8")) as DocxSpec);
  writeFileSync(join(seeds, "qinghe-table.docx"), docx("format-docx-table-numbered"));
  writeFileSync(join(seeds, "chengxi-paragraphs.docx"), docx("format-docx-paragraphs-numbered"));
  const sheets = JSON.parse(readFileSync(fixture("format-xlsx-first-listed", "input.xlsx.json"), "utf8")) as { sheets: SheetSpec[] };
  writeFileSync(join(seeds, "anping-safety.xlsx"), await writeXlsx(sheets));
  copyFileSync(fixture("format-html-parenthesis", "input.html"), join(seeds, "beishan-digital.html"));
  copyFileSync(fixture("format-doc", "input.doc"), join(seeds, "mou-xian.doc"));
  // The 清河 list ruled and printed: its PDF, and the OFD made of that PDF's runs and lines.
  const spec = JSON.parse(readFileSync(fixture("format-docx-table-numbered", "input.docx.json"), "utf8")) as DocxSpec;
  const pdf = pdfOf(writeDocx({ ...spec, tableBorders: true, wordQuirks: false }));
  writeFileSync(join(seeds, "qinghe-printed.pdf"), pdf);
  writeFileSync(join(seeds, "qinghe-archived.ofd"), await ofdOf(pdf));
  return listFiles(seeds).filter((f) => !f.endsWith(".json")).map((f) => join(seeds, f));
}

beforeAll(async () => {
  site = await buildLibrarySite("mixed", writeSeeds);
  ({ out, ingestOutput, server, page, problems } = site);
}, 300_000);

afterAll(async () => {
  await site?.close();
});

const text = async (selector = "main") => (await page.innerText(selector)).replace(/\s+/g, " ");

describe("a library of mixed formats and layouts", () => {
  it("the ingest names the format and layout it found for every file", () => {
    const line = (id: string) => ingestOutput.split("\n").find((l) => l.includes(`${id}.json`)) ?? "";
    expect(line("luan-zjtx-2022")).toMatch(/\[txt, utf-8; layout A /);
    expect(line("layout-b-table")).toMatch(/layout B /);
    expect(line("layout-c-label-lines")).toMatch(/layout C /);
    expect(line("layout-d-parenthesis")).toMatch(/layout D /);
    expect(line("layout-e-first-listed")).toMatch(/layout E /);
    expect(line("qinghe-table")).toMatch(/\[docx, docx; layout B /);
    expect(line("chengxi-paragraphs")).toMatch(/\[docx, docx; layout C /);
    expect(line("anping-safety")).toMatch(/\[xlsx, xlsx; layout E /);
    expect(line("beishan-digital")).toMatch(/\[html, utf-8; layout D /);
    expect(line("mou-xian")).toMatch(/\[doc, docx; layout B /);
    expect(line("qinghe-printed")).toMatch(/\[pdf, pdf; layout B /);
    expect(line("qinghe-archived")).toMatch(/\[ofd, ofd; layout B /);
    expect(ingestOutput.match(/coverage 100\.00%/g)).toHaveLength(12);
  });

  it("the home page shows the newest lists and links the index of all twelve; only the list with a superior column has a comparison", async () => {
    await page.goto(server.url);
    expect(await page.locator(".list-row").count()).toBe(5);
    expect(await page.getAttribute(".home-lists a[href='/lists/']", "href")).toBe("/lists/");
    await page.goto(`${server.url}lists/`);
    expect(await page.locator("tbody tr").count()).toBe(12);
    await page.goto(`${server.url}luan-zjtx-2022/`);
    expect(await page.$$eval("a[href$='/comparison/']", (as) => as.map((a) => a.getAttribute("href")))).toEqual(["/luan-zjtx-2022/comparison/"]);
    const pages = listFiles(out).filter((f) => f.endsWith("comparison/index.html"));
    expect(pages).toEqual(["luan-zjtx-2022/comparison/index.html"]);
  });

  it("a task of a label-line list (Word, numbered by Word) shows its measure, units, leader and deadline", async () => {
    await page.goto(`${server.url}chengxi-paragraphs/tasks/2/`);
    const main = await text();
    expect(main).toContain("改造老旧小区12个。");
    expect(main).toContain("牵头单位 区住建局");
    expect(main).toContain("牵头区领导 李华");
    expect(main).toMatch(/完成时限 2025年年底前（截止 2025-12-31）/);
    expect(await page.locator(".measure--upper").count()).toBe(0);
    expect(await page.locator("[data-task-view='comparison']").count()).toBe(0);
    expect(await text(".breadcrumb")).toContain("一、住房保障");
    // In the collapsed 来源 section: in the page, not in its reading text.
    expect(await page.textContent(".source-note .provenance")).toContain("第 7–10 段");
    expect(await text(".source-note")).not.toContain("第 7–10 段");
  });

  it("a task whose units share the work with no lead shows them as responsible, not as a lead", async () => {
    await page.goto(`${server.url}beishan-digital/tasks/3/`);
    const main = await text();
    expect(main).toContain("责任单位（按职责分工负责） 市工信局 市财政局");
    expect(main).not.toContain("牵头单位");
  });

  it("an Excel list whose first unit leads links its units and shows the merged deadline on both tasks", async () => {
    await page.goto(`${server.url}anping-safety/tasks/2/`);
    const main = await text();
    expect(main).toContain("牵头单位 县公安局");
    expect(main).toContain("配合单位 县交通运输局");
    expect(main).toContain("2025年6月底前（截止 2025-06-30）");
    // The row's last cell of its own is C6: D6 lies under the deadline merged down from D5.
    expect(await page.textContent(".source-note .provenance")).toContain("Sheet1!A6:C6");
  });

  it("a task of the PDF and of the OFD list is the Word list's, its place given by page, table and row", async () => {
    await page.goto(`${server.url}qinghe-table/tasks/1/`);
    const word = await text("#task-plain");
    for (const id of ["qinghe-printed", "qinghe-archived"]) {
      await page.goto(`${server.url}${id}/tasks/1/`);
      expect(await text("#task-plain")).toBe(word);
      expect(await page.textContent(".source-note .provenance")).toMatch(/第 1 页表1 第 4–5 行$/);
    }
  });

  it("the deadline column feeds the figures page's deadline chart", async () => {
    await page.goto(`${server.url}layout-b-table/figures/`);
    const main = await text();
    expect(main).toContain("2025-06-30");
    expect(main).toContain("2025-09-30");
  });

  it("search finds a task of a paragraph list and of an Excel list", async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent("人才公寓")}`);
    expect((await readResults(page)).map((r) => r.href)).toContain("/chengxi-paragraphs/tasks/1/");
    await page.goto(`${server.url}search/?q=${encodeURIComponent("燃气安全")}`);
    expect((await readResults(page)).map((r) => r.href)).toContain("/anping-safety/tasks/1/");
  });

  it("axe finds no violations on the new kinds of page", async () => {
    for (const path of ["", "chengxi-paragraphs/tasks/1/", "beishan-digital/tasks/3/", "units/an-ping-xian-xian-gong-an-ju/", "mou-xian/tasks/1/"]) {
      await page.goto(server.url + path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });

  it("every page loads under the strict CSP with no violation, console error or failed request", async () => {
    for (const file of listFiles(out).filter((f) => f.endsWith("index.html"))) await page.goto(server.url + file.replace(/index\.html$/, ""));
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});
