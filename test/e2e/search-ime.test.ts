// Typing into the search box: results follow each input without a fixed delay, and nothing is searched while an
// input method composes (pinyin letters in the box) — only the committed characters. The composition is a real
// one, driven through Chromium's DevTools protocol (Input.imeSetComposition, then Input.insertText to commit).
// What ran is read from the form's data-search-query-count / data-last-query and from the fragment requests.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { launchBrowser, watchPage } from "./support/browser.ts";
import type { PageProblems } from "./support/browser.ts";
import { readResults, taskNumbers } from "./support/search.ts";
import { DOC_ID, sites } from "./support/site.ts";

const site = sites().root;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let problems: PageProblems;
/** Pagefind fragment requests (one per result read), in order. */
let fragments: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  // A fresh context per test: an empty cache, so Pagefind loads anew and every fragment request is seen.
  context = await browser.newContext();
  page = await context.newPage();
  problems = watchPage(page, new URL(site.url).origin);
  fragments = [];
  page.on("request", (request) => {
    if (/\.pf_fragment$/.test(request.url())) fragments.push(request.url());
  });
  cdp = await context.newCDPSession(page);
  await page.goto(`${site.url}search/`);
});
afterEach(async () => {
  expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  await context?.close();
});

const form = "[data-search-form]";
const box = "[data-search-input]";

/** Searches the page has started, and the latest one's query. */
async function ran(): Promise<{ count: number; last: string | null }> {
  const count = Number((await page.getAttribute(form, "data-search-query-count")) ?? 0);
  return { count, last: await page.getAttribute(form, "data-last-query") };
}

/** Composes pinyin in the box, as an input method does before the reader picks the characters. */
async function compose(pinyin: string): Promise<void> {
  await cdp.send("Input.imeSetComposition", { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
}

/** Waits until Pagefind has loaded (a query ran to the end). */
async function loaded(): Promise<void> {
  await page.fill(box, "担保");
  await readResults(page);
  await page.fill(box, "");
  await page.waitForFunction(() => document.querySelector("[data-search-status]")?.textContent === "");
}

describe("an input method composing pinyin", () => {
  it("runs no query on the pinyin letters, and one on the committed characters", async () => {
    await page.focus(box);
    await loaded();
    const before = await ran();
    const fragmentsBefore = fragments.length;

    await compose("zhan");
    await compose("zhanhui");
    expect(await page.inputValue(box)).toBe("zhanhui"); // the letters are in the box, as the reader sees them
    // Give a search every chance to start (none should), then check nothing ran and nothing was fetched.
    await page.waitForTimeout(300);
    expect(await ran()).toEqual(before);
    expect(fragments.length).toBe(fragmentsBefore);
    // What a visitor would see of a search on "zhanhui": a status line, results, the query in the address.
    expect(await page.textContent("[data-search-status]")).toBe("");
    expect(await page.locator("[data-search-results] > li").count()).toBe(0);
    expect(new URL(page.url()).searchParams.has("q")).toBe(false);

    await cdp.send("Input.insertText", { text: "展会" }); // the reader picks 展会: the composition ends
    const results = await readResults(page);
    expect(taskNumbers(results, DOC_ID)).toEqual([15]);
    expect(await ran()).toEqual({ count: before.count + 1, last: "展会" });
    expect(new URL(page.url()).searchParams.get("q")).toBe("展会");
  });

  it("before Pagefind has loaded: the committed characters are searched as soon as it is ready", async () => {
    await page.focus(box);
    await compose("xiaojuren");
    await cdp.send("Input.insertText", { text: "小巨人" });
    expect(taskNumbers(await readResults(page), DOC_ID)).toEqual([2, 6, 14]);
    expect(await ran()).toEqual({ count: 1, last: "小巨人" });
  });

  it("a second word composed after a committed one: only the committed text is searched", async () => {
    await page.focus(box);
    await loaded();
    await compose("dan");
    await cdp.send("Input.insertText", { text: "担" });
    await compose("bao");
    await page.waitForTimeout(300);
    // 担 was searched on its commit; "担bao" was not.
    expect(await ran()).toMatchObject({ last: "担" });
    await cdp.send("Input.insertText", { text: "保" });
    expect(taskNumbers(await readResults(page), DOC_ID)).toEqual([9]);
    expect((await ran()).last).toBe("担保");
  });
});

describe("typing without an input method", () => {
  it("shows the results of what is typed, without pressing Enter", async () => {
    await page.focus(box);
    await page.locator(box).pressSequentially("北交所", { delay: 30 });
    const results = await readResults(page);
    expect(taskNumbers(results, DOC_ID)).toEqual([11]);
    expect((await ran()).last).toBe("北交所");
  });

  it("only the latest query's answer is shown when typing outruns the search", async () => {
    await page.focus(box);
    await loaded();
    // Each character is an input, and each starts a search; the answers for 奖 and 奖补 may still be on their way.
    await page.locator(box).pressSequentially("奖补", { delay: 0 });
    await page.locator(box).press("Backspace");
    await page.locator(box).press("Backspace");
    await page.locator(box).pressSequentially("担保", { delay: 0 });
    const results = await readResults(page);
    expect(taskNumbers(results, DOC_ID)).toEqual([9]);
    expect((await ran()).last).toBe("担保");
    // Nothing of an older answer arrives later.
    await page.waitForLoadState("networkidle");
    expect(taskNumbers(await readResults(page), DOC_ID)).toEqual([9]);
    expect(await page.textContent("[data-search-status]")).toBe("找到 2 项结果");
  });

  it("Enter after typing does not search again for the same query", async () => {
    await page.focus(box);
    await page.locator(box).pressSequentially("担保");
    await readResults(page);
    const before = await ran();
    await page.press(box, "Enter");
    await page.waitForTimeout(200);
    expect(await ran()).toEqual(before);
    expect(new URL(page.url()).pathname).toMatch(/\/search\/$/); // the page did not navigate
  });
});
