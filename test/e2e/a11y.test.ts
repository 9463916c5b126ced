// axe-core on the main page types (in normal and large text), plus the skip link and keyboard focus.
import { AxeBuilder } from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./support/browser.ts";
import { readResults } from "./support/search.ts";
import { DOC_ID, sites } from "./support/site.ts";

const site = sites().root;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage(); // AxeBuilder needs a page from an explicit context
});
afterAll(async () => {
  await browser?.close();
});

async function violations(): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("axe finds no violations", () => {
  const pages: Array<[string, string]> = [
    ["home", ""],
    ["a task page", `${DOC_ID}/tasks/1/`],
    ["a unit page", "units/lu-an-shi-shi-jing-xin-ju/"],
    ["the units index", "units/"],
    ["a list's own page", `${DOC_ID}/`],
    ["the lists index", "lists/"],
    ["the figures chooser", "figures/"],
    ["the 404 page", "404.html"],
  ];
  it.each(pages)("on %s", async (_, path) => {
    await page.goto(site.url + path);
    expect(await violations()).toEqual([]);
  });

  it("on search with results shown", async () => {
    await page.goto(`${site.url}search/?q=${encodeURIComponent("奖补")}`);
    expect((await readResults(page)).length).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  it("on a phone-width task page in large text", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.url}${DOC_ID}/tasks/14/`);
    await page.click("[data-text-size-toggle]");
    expect(await violations()).toEqual([]);
    await page.click("[data-text-size-toggle]");
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});

describe("keyboard", () => {
  it("the first Tab reaches the skip link, which moves focus to the main content", async () => {
    await page.goto(`${site.url}${DOC_ID}/tasks/2/`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    expect(await page.isVisible(".skip-link")).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });

  it("focused links show a visible outline", async () => {
    await page.goto(site.url);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    expect(outline.style).toBe("solid");
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });
});
