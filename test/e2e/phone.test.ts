// A phone (375 px wide), with and without 大字号: the home page stays short, chart text is at least 12 px and grows
// with 大字号, tables scroll under their first column rather than squeezing a cell below three characters, and
// no page is wider than the screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./support/browser.ts";
import { DOC_ID, sites } from "./support/site.ts";

const site = sites().root;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

interface Layout {
  height: number;
  width: number;
  /** The smallest chart text as drawn, in CSS px (font size × the SVG's scale); null without charts. */
  chartText: number | null;
  charts: number;
  cells: number;
  /** Table cells holding three or more characters whose content box is narrower than three of them. */
  narrowCells: string[];
}

const layout = (): Promise<Layout> =>
  page.evaluate(() => {
    let chartText = Infinity;
    let charts = 0;
    for (const svg of document.querySelectorAll<SVGSVGElement>("main svg[viewBox]")) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      charts++;
      for (const text of svg.querySelectorAll("text")) chartText = Math.min(chartText, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    const cells = [...document.querySelectorAll<HTMLElement>("main th, main td")].filter((c) => c.getClientRects().length > 0);
    const narrowCells = cells
      .filter((cell) => {
        const style = getComputedStyle(cell);
        const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return [...(cell.textContent ?? "").trim()].length >= 3 && inner < 3 * parseFloat(style.fontSize) - 0.5;
      })
      .map((cell) => (cell.textContent ?? "").trim().slice(0, 12));
    return {
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
      chartText: charts > 0 ? chartText : null,
      charts,
      cells: cells.length,
      narrowCells,
    };
  });

const PAGES = [`${DOC_ID}/figures/`, "units/lu-an-shi-shi-jing-xin-ju/", "units/", `${DOC_ID}/comparison/`, "lists/"];

describe("at 375 px", () => {
  it("the home page is under 3,000 px tall, with its three entries in the first screen", async () => {
    await page.goto(site.url);
    const { height, width } = await layout();
    expect(width).toBe(375);
    expect(height).toBeLessThan(3000);
    const lastEntry = await page.locator("nav.entries li").last().boundingBox();
    expect(lastEntry!.y + lastEntry!.height).toBeLessThan(800 * 1.5);
  });

  it("chart text is at least 12 px, tables keep every cell three characters wide, no page is wider than the screen", async () => {
    let charts = 0;
    let cells = 0;
    for (const path of PAGES) {
      await page.goto(site.url + path);
      const found = await layout();
      expect(found.width, path).toBe(375);
      expect(found.narrowCells, path).toEqual([]);
      if (found.chartText !== null) expect(found.chartText, path).toBeGreaterThanOrEqual(12);
      charts += found.charts;
      cells += found.cells;
    }
    expect(charts).toBeGreaterThanOrEqual(5);
    expect(cells).toBeGreaterThan(500);
  });

  it("a wide table scrolls inside its own box, its first column staying in view", async () => {
    await page.goto(`${site.url}${DOC_ID}/figures/`);
    const scroller = page.locator(".table-scroll").filter({ has: page.locator("table[data-sortable]") }).first();
    const first = scroller.locator("tbody tr:first-child > :first-child");
    const before = (await first.boundingBox())!.x;
    const scrolled = await scroller.evaluate((el) => ((el.scrollLeft = 400), el.scrollLeft));
    expect(scrolled).toBeGreaterThan(0);
    expect(Math.abs((await first.boundingBox())!.x - before)).toBeLessThan(1);
  });

  it("with 大字号 chart text grows with the text", async () => {
    await page.goto(`${site.url}${DOC_ID}/figures/`);
    const normal = (await layout()).chartText!;
    await page.click("[data-text-size-toggle]");
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("large-text"))).toBe(true);
    const large = await layout();
    expect(large.chartText!).toBeGreaterThanOrEqual(normal * 1.2);
    expect(large.narrowCells).toEqual([]);
    expect(large.width).toBe(375);
    await page.click("[data-text-size-toggle]");
  });
});
