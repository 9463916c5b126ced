// The figures page (目标与指标): every chart is an accessible SVG with its data table, the quantity table sorts
// by keyboard, task pages mark their quantities and link them to the table, and axe finds nothing.
import { AxeBuilder } from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { contextWithoutScripts, launchBrowser, watchPage } from "./support/browser.ts";
import type { PageProblems } from "./support/browser.ts";
import { DOC_ID, sites } from "./support/site.ts";

const site = sites().root;
const FIGURES = `${site.url}${DOC_ID}/figures/`;
const CHART_IDS = ["chart-targets", "chart-subsidies", "chart-growth", "chart-deadlines", "chart-responsibilities"];
/** axe checks every node's contrast; two runs over a long page take a while on a loaded 2-core machine. */
const AXE_TIMEOUT = 180_000;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  problems = watchPage(page, new URL(site.url).origin);
});
afterAll(async () => {
  await browser?.close();
});

/** The value cells' sort keys of the quantity table, in the order shown. */
const valueKeys = () =>
  page.$$eval(".quantities tbody tr", (rows) => rows.map((r) => Number((r.children[3] as HTMLElement).dataset["sort"])));

describe("charts", () => {
  it("every chart renders an <svg role=img> with an accessible name, a description and a data table", async () => {
    await page.goto(FIGURES);
    const charts = await page.$$eval("figure.chart", (figures) =>
      figures.map((f) => {
        const svg = f.querySelector("svg[role=img]");
        const text = (attr: string) =>
          (svg?.getAttribute(attr) ?? "").split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
        const box = svg?.getBoundingClientRect();
        return {
          id: f.id,
          name: text("aria-labelledby"),
          width: box?.width ?? 0,
          marks: svg?.querySelectorAll("rect, circle, path, line").length ?? 0,
          tableRows: f.querySelectorAll("table tbody tr").length,
          caption: f.querySelector("figcaption")?.textContent ?? "",
        };
      }),
    );
    expect(charts.map((c) => c.id)).toEqual(CHART_IDS);
    for (const chart of charts) {
      expect(chart.name.length, chart.id).toBeGreaterThan(4);
      expect(chart.width, chart.id).toBeGreaterThan(200);
      expect(chart.marks, chart.id).toBeGreaterThan(3);
      expect(chart.tableRows, chart.id).toBeGreaterThan(0);
      expect(chart.caption, chart.id).not.toBe("");
    }
    // The targets chart shows the 13 aligned pairs; its table has a row for each.
    expect(charts[0]!.tableRows).toBe(13);
  });

  it("the subsidies table holds the 100万元 小巨人 award of task 2", async () => {
    await page.goto(FIGURES);
    const rows = await page.$$eval("#chart-subsidies tbody tr", (trs) => trs.map((tr) => tr.textContent ?? ""));
    expect(rows.some((r) => r.includes("小巨人") && r.includes("100"))).toBe(true);
  });
});

describe("the quantity table", () => {
  it("lists every quantity with its own anchor and task link", async () => {
    await page.goto(FIGURES);
    const ids = await page.$$eval(".quantities tbody tr", (rows) => rows.map((r) => r.id));
    expect(ids).toHaveLength(83);
    expect(ids).toContain("q-t2-s-4");
    const row = page.locator("#q-t2-s-4");
    expect(await row.locator("td").nth(2).textContent()).toBe("100万元");
    expect(await row.locator("th a").getAttribute("href")).toBe(`/${DOC_ID}/tasks/2/`);
  });

  it("sorts by value with the keyboard: ascending, then descending, announced with aria-sort", async () => {
    await page.goto(FIGURES);
    const first = page.locator(".quantities th button").first();
    expect(await first.textContent()).toBe("任务");
    await first.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab"); // 任务 → 栏目 → 对象或事项 → 数值（原文）
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("数值（原文）");
    const header = page.locator(".quantities thead th").nth(3);
    expect(await header.getAttribute("aria-sort")).toBe("none");

    await page.keyboard.press("Enter");
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await valueKeys();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(ascending[0]).toBeLessThan(ascending.at(-1)!);

    await page.keyboard.press("Space");
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const descending = await valueKeys();
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    expect(await page.textContent(".quantities [role=status]")).toBe("已按“数值（原文）”降序排列");
    expect(await page.locator(".quantities thead th").first().getAttribute("aria-sort")).toBe("none");
  });

  it("without JavaScript is a plain table in the source's order, without sort buttons", async () => {
    const noJs = await contextWithoutScripts(browser);
    const plain = await noJs.newPage();
    await plain.goto(FIGURES);
    expect(await plain.locator(".quantities th button").count()).toBe(0);
    const first = await plain.$$eval(".quantities tbody tr", (rows) => rows.slice(0, 2).map((r) => r.id));
    expect(first).toEqual(["q-t2-s-1", "q-t2-s-2"]); // the model's order: task 2's superior measure first
    expect(await plain.locator("figure.chart svg[role=img]").count()).toBe(5);
    await noJs.close();
  });
});

describe("task pages", () => {
  it("mark each quantity in the measure text and link it to its row on the figures page", async () => {
    await page.goto(`${site.url}${DOC_ID}/tasks/2/`);
    const marks = await page.$$eval(".measure--upper a.q", (as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(marks.slice(0, 5)).toEqual([
      ["2000家", `/${DOC_ID}/figures/#q-t2-s-1`],
      ["500家", `/${DOC_ID}/figures/#q-t2-s-2`],
      ["80万元", `/${DOC_ID}/figures/#q-t2-s-3`],
      ["100万元", `/${DOC_ID}/figures/#q-t2-s-4`],
      ["200万元", `/${DOC_ID}/figures/#q-t2-s-5`],
    ]);
    // The text reads exactly as printed around the marks.
    expect(await page.textContent(".measure--upper .measure__text")).toContain("每年培育创新型中小企业2000家，遴选省专精特新企业500家，");
    expect(await page.locator(".measure--local mark").filter({ hasText: "10万元" }).count()).toBe(2);

    await page.click('.measure--upper a.q[data-quantity="t2-s-4"]');
    await page.waitForURL(`**/figures/#q-t2-s-4`);
    expect(await page.locator("tr:target td").nth(2).textContent()).toBe("100万元");
  });
});

describe("the page", () => {
  it("links the quantities CSV, which has a row per quantity", async () => {
    await page.goto(FIGURES);
    const href = await page.getAttribute(`a[href$=".quantities.csv"]`, "href");
    expect(href).toBe(`/downloads/${DOC_ID}.quantities.csv`);
    const response = await page.request.get(new URL(href!, site.url).href);
    const lines = (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^编号,任务序号,/);
    expect(lines).toHaveLength(1 + 83);
  });

  it("axe finds no violations, before and after sorting", async () => {
    await page.goto(FIGURES);
    const analyse = async () =>
      (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    expect(await analyse()).toEqual([]);
    await page.locator(".quantities th button").nth(3).click();
    expect(await analyse()).toEqual([]);
   }, AXE_TIMEOUT);

  it("no request failed, none left the site, no console error", () => {
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});
