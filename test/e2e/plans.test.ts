// One plan across its cities: the bundled 六安 list and three made-up cities' lists of 皖政办〔2022〕2号 (a text table,
// a web page that leaves two tasks out, a Word file that edits the provincial text), built as a library under the
// strict CSP. The plan page, a superior measure's page (side by side at 1280 px, one after another at 375 px), the
// coverage matrix, the targets summed, the search filter and the department pages' plan line, with axe.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planSourceFiles } from "../plans/lists.ts";
import { axeViolations } from "./support/axe.ts";
import { buildLibrarySite, type LibrarySite } from "./support/library-site.ts";

let site: LibrarySite;
let page: Page;
const PLAN = "plans/wan-zheng-ban-2022-2-hao/";

beforeAll(async () => {
  site = await buildLibrarySite("plans", (work) => planSourceFiles(work));
  page = site.page;
}, 300_000);

afterAll(async () => {
  await site?.close();
});

const axe = () => axeViolations(page);
const open = (path: string, width?: number) => site.open(path, width);
const text = (selector?: string) => site.text(selector);

describe("a plan implemented by four cities", () => {
  it("the plans index and the plan page name the document and its four lists", async () => {
    await open("plans/");
    expect(await text()).toContain("《安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知》（皖政办〔2022〕2号）");
    expect(await text()).toContain("4 个地方的 4 份清单，20 条上级举措");
    await open(PLAN);
    expect(await text(".plan-number")).toBe("文号：皖政办〔2022〕2号");
    const rows = await page.$$eval(".plan-lists tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim())));
    expect(rows.map((r) => [r[0], r[3]])).toEqual([["白鹭市", "6 / 20"], ["六安市", "20 / 20"], ["松溪市", "6 / 20"], ["云溪市", "4 / 20"]]);
    expect(await page.$$eval(".plan-measures li a", (as) => as.length)).toBe(20);
    expect(await axe()).toEqual([]);
  });

  it("a superior measure's page sets the cities side by side on a wide screen, with units, shares and the targets summed", async () => {
    await open(`${PLAN}measures/2/`);
    expect(await page.textContent("h1")).toBe("上级举措 2：实施梯度培育工程。");
    const cards = page.locator(".plan-city");
    expect(await cards.count()).toBe(4);
    const tops = await cards.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops[1]).toBe(tops[0]);
    const songxi = await text(".plan-city:nth-child(3)");
    expect(songxi).toContain("松溪市");
    expect(songxi).toMatch(/所印上级举措与方案原文的相似度 9\d%（所印上级举措有删改）/);
    expect(songxi).toMatch(/牵头责任单位 市经信局/);
    expect(await page.getAttribute(".plan-city:nth-child(3) .units a", "href")).toBe("/units/song-xi-shi-shi-jing-xin-ju/");
    expect(await text()).toContain("合计 84家（4 个地方），为上级目标 500家 的 16.8%。");
    expect(await axe()).toEqual([]);
  });

  it("on a phone the cities come one after another, and nothing but a table scrolls sideways", async () => {
    await open(`${PLAN}measures/2/`, 375);
    const boxes = await page.locator(".plan-city").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, width: r.width })));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom);
    expect(boxes.every((b) => b.width <= 375)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axe()).toEqual([]);
  });

  it("a measure a city leaves out names it under 未列入", async () => {
    await open(`${PLAN}measures/3/`);
    expect(await page.locator(".plan-city").count()).toBe(3);
    expect(await text("main")).toMatch(/未列入的清单 .*未列入 云溪市/);
  });

  it("the coverage matrix is an SVG with a table of the same cells; 未列入 is a word, not a blank", async () => {
    await open(`${PLAN}coverage/`);
    const svg = page.locator("#chart-coverage svg[role='img']");
    expect(await svg.count()).toBe(1);
    const words = await svg.locator("text").allTextContents();
    const cells = await page.$$eval("#chart-coverage table tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())));
    expect(cells).toHaveLength(20);
    const absentInTable = cells.flat().filter((c) => c === "未列入").length;
    expect(words.filter((w) => w === "未列入").length).toBe(absentInTable);
    // 云溪 (the last column) leaves out 3 and 5; 白鹭 and 松溪 carry only 1–6.
    expect(cells[2]![3]).toBe("未列入");
    expect(cells[0]!.every((c) => c !== "未列入")).toBe(true);
    expect(absentInTable).toBe(3 * 14 + 2);
    expect(await axe()).toEqual([]);
    await open(`${PLAN}coverage/`, 375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it("task pages name the plan (the search page's 落实方案 filter), and department pages say which plan a list implements", async () => {
    await open("yunxi-zjtx-2022/tasks/1/");
    const plan = page.locator(".task-plan a");
    expect(await plan.getAttribute("data-pagefind-filter")).toBe("plan[data-plan-filter]");
    expect(await plan.getAttribute("href")).toBe(`/${PLAN}`);
    await open("search/");
    const options = await page.$$eval("#filter-plan option", (os) => os.map((o) => o.textContent));
    expect(options).toEqual(["全部", "《安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知》（皖政办〔2022〕2号）"]);
    await open("units/yun-xi-shi-shi-jing-xin-ju/");
    expect(await page.getAttribute(".unit-list .plan-line a", "href")).toBe(`/${PLAN}`);
    expect(site.problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});
