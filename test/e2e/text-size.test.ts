// The large-text switch (适老化): on every page, scales the text itself (not browser zoom), and is remembered.
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
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const rootFontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const bodyTextSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main p")!).fontSize));

describe("large-text switch", () => {
  it("is on every kind of page", async () => {
    for (const path of ["", `${DOC_ID}/tasks/3/`, "units/lu-an-shi-shi-ke-ji-ju/", "units/", "search/"]) {
      await page.goto(site.url + path);
      await expect.poll(() => page.isVisible("[data-text-size-toggle]"), { timeout: 5_000 }).toBe(true);
    }
  });

  it("enlarges the text, is remembered across pages and reloads, and switches back", async () => {
    await page.goto(site.url);
    const normal = await bodyTextSize();
    await page.click("[data-text-size-toggle]");
    expect(await page.getAttribute("[data-text-size-toggle]", "aria-pressed")).toBe("true");
    expect(await page.evaluate(() => document.documentElement.classList.contains("large-text"))).toBe(true);
    expect(await bodyTextSize()).toBeGreaterThanOrEqual(normal * 1.2);

    await page.goto(`${site.url}${DOC_ID}/tasks/5/`);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("large-text"))).toBe(true);
    expect(await page.getAttribute("[data-text-size-toggle]", "aria-pressed")).toBe("true");
    expect(await rootFontSize()).toBeGreaterThanOrEqual(22);

    await page.click("[data-text-size-toggle]");
    await page.reload();
    await page.waitForSelector("[data-text-size-toggle]:not([hidden])");
    expect(await page.getAttribute("[data-text-size-toggle]", "aria-pressed")).toBe("false");
    expect(await rootFontSize()).toBeLessThan(20);
  });

  it("works from the keyboard", async () => {
    await page.goto(site.url);
    await page.focus("[data-text-size-toggle]");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute("[data-text-size-toggle]", "aria-pressed")).toBe("true");
    await page.keyboard.press("Space");
    expect(await page.getAttribute("[data-text-size-toggle]", "aria-pressed")).toBe("false");
  });
});
