// A city's library: the bundled list (2022, a table) and two lists of our own (2023, label lines; 2024, a web page
// with unit parentheses) that name the same departments by their full names (市经济和信息化局 for 市经信局…). One
// page per department across the lists, newest first, with what falls due and a calendar to subscribe to; the units
// index lists each department once and filters by list; search finds a department by its other name.
import { AxeBuilder } from "@axe-core/playwright";
import ICAL from "ical.js";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageProblems } from "./support/browser.ts";
import { listFiles } from "./support/dist.ts";
import { buildLibrarySite, type LibrarySite } from "./support/library-site.ts";
import { readResults } from "./support/search.ts";
import { TEST_SITE_URL } from "./support/site.ts";
import type { StaticServer } from "./support/static-server.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const LISTS = [join(ROOT, "seeds/luan-zjtx-2022.txt"), join(ROOT, "test/fixtures/library/luan-shuzi-2023.txt"), join(ROOT, "test/fixtures/library/luan-yingshang-2024.html")];

let site: LibrarySite;
let out: string;
let ingestOutput: string;
let server: StaticServer;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  site = await buildLibrarySite("library", () => LISTS);
  ({ out, ingestOutput, server, page, problems } = site);
}, 300_000);

afterAll(async () => {
  await site?.close();
});

const text = async (selector = "main") => (await page.innerText(selector)).replace(/\s+/g, " ");

describe("a library of three lists sharing departments under different names", () => {
  it("the ingest prints every fold of a department's name", () => {
    expect(ingestOutput).toContain("unit names folded: 市经济和信息化局 → 市经信局");
    expect(ingestOutput).toMatch(/市发展和改革委员会 → 市发改委/);
    expect(ingestOutput).toMatch(/市市场监督管理局 → 市市场监管局/);
  });

  it("one page for 市经信局 holds its tasks from all three lists, newest list first, with the names each prints", async () => {
    await page.goto(`${server.url}units/lu-an-shi-shi-jing-xin-ju/`);
    expect(await page.textContent("h1")).toBe("六安市 · 市经信局");
    const lists = await page.$$eval(".unit-list h2", (hs) => hs.map((h) => h.textContent));
    expect(lists).toEqual(["六安市2024年优化营商环境重点任务", "六安市2023年制造业数字化转型重点任务分工方案", "关于贯彻落实《安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知》的通知"]);
    const sections = await page.$$eval(".unit-list", (ls) => ls.map((l) => [...l.querySelectorAll(".unit-task h4 a")].map((a) => a.getAttribute("href"))));
    expect(sections[0]).toEqual(["/luan-yingshang-2024/tasks/5/", "/luan-yingshang-2024/tasks/2/", "/luan-yingshang-2024/tasks/4/"]);
    expect(sections[1]).toEqual(["/luan-shuzi-2023/tasks/1/", "/luan-shuzi-2023/tasks/4/", "/luan-shuzi-2023/tasks/2/", "/luan-shuzi-2023/tasks/3/"]);
    expect(sections[2]).toHaveLength(18);
    const main = await text();
    expect(main).toContain("本清单写作：市经济和信息化局");
    expect(main).toContain("本清单写作：市经信局");
  });

  it("its 到期 list holds every dated deadline of its measures, by date, from the deadline column and the text", async () => {
    await page.goto(`${server.url}units/lu-an-shi-shi-jing-xin-ju/`);
    const rows = await page.$$eval(".due-table tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim())));
    const dates = await page.$$eval(".due-table time", (ts) => ts.map((t) => t.getAttribute("datetime")!));
    expect(dates).toEqual([...dates].sort());
    expect(rows).toContainEqual(expect.arrayContaining(["2023年6月30日", "2023年6月底前（文中）", "牵头"]));
    expect(rows).toContainEqual(expect.arrayContaining(["2024年9月30日", "2024年9月底前兑现", "牵头"]));
    // One row for the column's 2023年年底前 and the text's 年底前: the same measure and date.
    expect(rows).toContainEqual(expect.arrayContaining(["2023年12月31日", "2023年年底前；年底前（文中）", "牵头"]));
    expect(rows.some((r) => r[1]?.startsWith("长期坚持"))).toBe(false);
    // Every date of these lists is before the build day: all under 已过期限, and the day is printed.
    expect(await page.$$eval("#due-coming + .table-scroll tr, .due-table--coming tbody tr", (trs) => trs.length)).toBe(0);
    expect(await page.textContent("#due-past")).toBe(`已过期限（${rows.length} 项）`);
    expect(await text(".unit-due")).toMatch(/以本页生成日\d{4}年\d{1,2}月\d{1,2}日为界/);
    expect(await page.getAttribute(".unit-due a[type='text/calendar']", "href")).toBe("/units/lu-an-shi-shi-jing-xin-ju/calendar.ics");
  });

  it("its calendar parses as iCalendar and holds one all-day event per dated deadline, with stable UIDs", async () => {
    const feed = readFileSync(join(out, "units/lu-an-shi-shi-jing-xin-ju/calendar.ics"), "utf8");
    const calendar = new ICAL.Component(ICAL.parse(feed));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    await page.goto(`${server.url}units/lu-an-shi-shi-jing-xin-ju/`);
    const due = await page.$$eval(".due-table tbody tr", (trs) => trs.length);
    // The table merges a column's date and the text's for the same measure; the feed keeps each (its UIDs say which).
    expect(new Set(events.map((e) => `${e.component.getFirstPropertyValue("url")} ${e.startDate.toString()} ${e.summary}`)).size).toBe(due);
    for (const e of events) expect(e.startDate.isDate).toBe(true);
    expect(events.map((e) => e.startDate.toString())).toContain("2024-09-30");
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const yingshang = events.find((e) => e.startDate.toString() === "2024-09-30")!;
    expect(yingshang.description).toContain("六安市2024年优化营商环境重点任务");
    expect(String(yingshang.component.getFirstPropertyValue("url"))).toBe(`${TEST_SITE_URL}/luan-yingshang-2024/tasks/5/`);
    const all = new ICAL.Component(ICAL.parse(readFileSync(join(out, "calendar.ics"), "utf8")));
    expect(all.getAllSubcomponents("vevent").length).toBeGreaterThan(events.length);
  });

  it("a task page shows the deadline column's date and the dates its text sets", async () => {
    await page.goto(`${server.url}luan-shuzi-2023/tasks/1/`);
    const main = await text();
    expect(main).toContain("完成时限 2023年12月底前（截止 2023-12-31）");
    expect(main).toContain("文中时间节点 2023年6月底前（截止 2023-06-30）");
  });

  it("the units index lists each department once, and the list filter narrows it", async () => {
    await page.goto(`${server.url}units/`);
    const names = await page.$$eval("tbody tr th", (ths) => ths.map((t) => t.textContent));
    expect(names.filter((n) => n === "六安市 · 市经信局")).toHaveLength(1);
    expect(names).not.toContain("市经济和信息化局");
    const row = await page.$$eval("tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)).find((r) => r[0] === "六安市 · 市经信局"));
    expect(row).toEqual(["六安市 · 市经信局", "市经济和信息化局", "19", "6", "3"]);
    const all = await page.locator("tbody tr:visible").count();
    await page.selectOption("#units-list", "luan-shuzi-2023");
    const shown = await page.locator("tbody tr:visible").count();
    expect(shown).toBeLessThan(all);
    expect(shown).toBe(6); // 市经信局, 市财政局, 市科技局, 市商务局, 市人社局, 市教体局
    expect(await page.textContent("[data-units-count]")).toContain(String(shown));
    expect(new URL(page.url()).searchParams.get("list")).toBe("luan-shuzi-2023");
  });

  it("search for a department's other name finds its tasks", async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent("经济和信息化局")}`);
    const results = await readResults(page);
    const hrefs = results.map((r) => r.href);
    // The bundled list prints only 市经信局: its tasks are found by the other name alone.
    expect(hrefs.some((h) => h.startsWith("/luan-zjtx-2022/tasks/"))).toBe(true);
    // Each task result names its government and list.
    const bundled = results.find((r) => r.href.startsWith("/luan-zjtx-2022/tasks/"))!;
    expect(bundled.source).toBe("六安市 · 关于贯彻落实《安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知》的通知");
    for (const r of results.filter((x) => x.type === "task")) expect(r.source, r.href).toMatch(/^六安市 · /);
  });

  it("search finds a department by a name no list prints, which no page shows", async () => {
    // 市经信委 is in the alias table only: indexed from an attribute, never printed as one of its names.
    await page.goto(`${server.url}search/?q=${encodeURIComponent("市经信委")}`);
    // Every result: the tasks of the departments it names hold the name too (for the index only).
    await readResults(page);
    for (let more = page.locator(".search-results__more button"); (await more.count()) > 0; ) {
      await more.click();
      await page.waitForFunction(() => document.querySelector("[data-search-results]")?.getAttribute("aria-busy") === "false");
    }
    const hrefs = (await readResults(page)).map((r) => r.href);
    expect(hrefs).toContain("/units/lu-an-shi-shi-jing-xin-ju/");
    expect(hrefs.some((h) => h.startsWith("/luan-zjtx-2022/tasks/"))).toBe(true);
    await page.goto(`${server.url}units/lu-an-shi-shi-jing-xin-ju/`);
    expect(await text()).not.toContain("市经信委");
  });

  it("the header's 目标与指标 leads to a chooser of the lists, each row linking its figures page", async () => {
    await page.goto(server.url);
    const figures = await page.getAttribute(".site-nav a:text-is('目标与指标')", "href");
    expect(figures).toBe("/figures/");
    await page.goto(new URL(figures!, server.url).href);
    expect(await page.getAttribute(".site-nav a:text-is('目标与指标')", "aria-current")).toBe("page");
    const rows = await page.$$eval("tbody tr", (trs) => trs.map((tr) => [tr.querySelector("a")?.getAttribute("href"), tr.querySelector("td")?.textContent]));
    expect(rows).toEqual([
      ["/luan-yingshang-2024/figures/", "六安市"],
      ["/luan-shuzi-2023/figures/", "六安市"],
      ["/luan-zjtx-2022/figures/", "六安市"],
    ]);
    for (const [href] of rows) expect((await page.request.get(new URL(href!, server.url).href)).status()).toBe(200);
  });

  it("the home page opens with its three entries and one row per list, 浏览清单 leading to the lists index", async () => {
    await page.goto(server.url);
    expect(await page.$$eval("nav.entries a", (as) => as.map((a) => a.getAttribute("href")))).toEqual(["/support/", "/units/", "/lists/"]);
    expect(await page.$$eval("a[data-list-link]", (as) => as.map((a) => a.getAttribute("href")))).toEqual([
      "/luan-yingshang-2024/", "/luan-shuzi-2023/", "/luan-zjtx-2022/",
    ]);
  });

  it("axe finds no violations on a department page and the units index", async () => {
    for (const path of ["units/lu-an-shi-shi-jing-xin-ju/", "units/"]) {
      await page.goto(server.url + path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });

  it("every page of the library loads under the strict CSP with no violation or failed request", async () => {
    for (const file of listFiles(out).filter((f) => f.endsWith("index.html"))) await page.goto(server.url + file.replace(/index\.html$/, ""));
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});
