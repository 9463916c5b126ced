// Progress on two lists (test/fixtures/progress/: the bundled 六安 list with an Excel and a Word report, a county's
// Excel list with two reports), built as a library under the strict CSP: a task page's status and history, a
// list's 落实情况 page and every list's, a department's measures overdue first and its Atom feed, the status
// search filter; with axe. And the bundled site, which has no reports, shows none of it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressSourceFiles } from "../progress/sources.ts";
import { axeViolations } from "./support/axe.ts";
import { buildLibrarySite, type LibrarySite } from "./support/library-site.ts";
import { readResults, taskNumbers } from "./support/search.ts";
import { sites } from "./support/site.ts";

let site: LibrarySite;
let page: Page;
const LIST = "luan-zjtx-2022";
const UNIT = "units/lu-an-shi-shi-jing-xin-ju/";

beforeAll(async () => {
  site = await buildLibrarySite("progress", (work) => progressSourceFiles(work));
  page = site.page;
}, 300_000);

afterAll(async () => {
  await site?.close();
});

const axe = () => axeViolations(page);
const open = (path: string, width?: number) => site.open(path, width);
const text = (selector?: string) => site.text(selector);
const rowsOf = (selector: string) => page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim())));

describe("progress on a library's lists", () => {
  it("a task page shows the latest status in words, the report's date, and every report with what changed", async () => {
    await open(`${LIST}/tasks/2/`);
    const panel = page.locator(".task-progress");
    expect(await panel.locator(".task-progress__status .status-badge").allTextContents()).toEqual(["序时推进", "超期"]);
    expect(await text(".task-progress")).toContain("截至 2026-03-31 完成时限 2025-12-31");
    expect(await text(".task-progress")).toContain("2025年度目标未全部完成，新认定市专精特新企业累计86家。");
    await panel.locator("summary").click();
    expect(await panel.locator(".task-progress__history li").count()).toBe(2);
    expect(await panel.locator(".task-progress__history li").first().locator("del, ins").count()).toBeGreaterThan(0);
    expect(await axe()).toEqual([]);
    await open(`${LIST}/tasks/4/`);
    expect(await page.locator(".task-progress").count()).toBe(0);
  });

  it("a list's 落实情况 page counts the states, lists the overdue measures with their lead units, and charts them with their tables", async () => {
    await open(`${LIST}/progress/`);
    expect(await page.textContent("h1")).toMatch(/^落实情况：/);
    const overdue = await rowsOf("#progress-overdue + .table-scroll");
    expect(overdue.map((r) => r[0]!.split(".")[0])).toEqual(["2", "8", "11"]);
    expect(overdue.map((r) => r[1])).toEqual(["市经信局", "市经信局", "市经信局、市金融监管局"]);
    expect(await page.getAttribute("#progress-overdue + .table-scroll tbody tr:first-child td a", "href")).toBe(`/${UNIT}`);
    expect(await page.locator(".chart svg[role='img']").count()).toBe(2);
    expect(await page.locator(".chart table tbody tr").count()).toBeGreaterThan(7);
    expect(await text(".progress-counts")).toContain("超期 3");
    const csv = await page.getAttribute("a[href$='.progress.csv']", "href");
    const download = await page.request.get(new URL(csv!, site.server.url).href);
    expect(download.status()).toBe(200);
    expect((await download.text()).split("\r\n")[0]).toMatch(/^\uFEFF?报告日期,报告,任务序号/);
    expect(await axe()).toEqual([]);
    await open(`${LIST}/progress/`, 375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it("every list's page puts the longest overdue first, and the header links it", async () => {
    await open("progress/");
    const overdue = await rowsOf("#progress-overdue + .table-scroll");
    expect(overdue.map((r) => [r[0]!.split(".")[0], r[1]!.slice(0, 3)])).toEqual([["2", "安平县"], ["2", "关于贯"], ["8", "关于贯"], ["11", "关于贯"]]);
    expect(await page.getAttribute(".site-nav a[aria-current]", "href")).toBe("/progress/");
    expect(await axe()).toEqual([]);
  });

  it("a department's page puts its overdue measures first, and its Atom feed carries its updates", async () => {
    await open(UNIT);
    const rows = await rowsOf(".unit-progress");
    expect(rows.slice(0, 3).map((r) => r[0]!.split(".")[0])).toEqual(["2", "8", "11"]);
    expect(rows.slice(0, 3).every((r) => r.some((c) => c.includes("超期")))).toBe(true);
    expect(await axe()).toEqual([]);
    const feed = await page.getAttribute(".unit-progress a[href$='progress.xml']", "href");
    const response = await page.request.get(new URL(feed!, site.server.url).href);
    expect(response.status()).toBe(200);
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    expect(readFileSync(join(site.out, UNIT, "progress.xml"), "utf8")).toBe(xml);
    expect(xml.match(/<entry>/g)!.length).toBeGreaterThanOrEqual(12);
  });

  it("the search filters by status", async () => {
    await open("search/?q=专精特新");
    const all = taskNumbers(await readResults(page), LIST);
    expect(await page.$$eval("#filter-status option", (os) => os.map((o) => o.textContent))).toEqual(["全部", "滞后", "序时推进", "已完成", "未标明"]);
    await open("search/?q=专精特新&status=滞后");
    const behind = taskNumbers(await readResults(page), LIST);
    expect(behind).toEqual([8, 11]);
    expect(all.length).toBeGreaterThan(behind.length);
    expect(site.problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});

describe("a site without reports", () => {
  it("has no 落实情况 page, link, section or filter", () => {
    const dir = sites().root.dir;
    expect(existsSync(join(dir, "progress"))).toBe(false);
    expect(existsSync(join(dir, LIST, "progress"))).toBe(false);
    const home = readFileSync(join(dir, "index.html"), "utf8");
    expect(home).not.toContain("落实情况");
    expect(readFileSync(join(dir, LIST, "tasks/2/index.html"), "utf8")).not.toContain("task-progress");
    expect(readFileSync(join(dir, "search/index.html"), "utf8")).not.toContain("filter-status");
  });
});
