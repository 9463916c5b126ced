// The site under the strict Content-Security-Policy government hosts send: every built page loads, and
// search and the large-text switch work, with no violation (a violation shows as a console error and a DOM
// event) and no console error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, STRICT_CSP, watchCsp, watchPage } from "./support/browser.ts";
import { pagePaths } from "./support/dist.ts";
import type { PageProblems } from "./support/browser.ts";
import { readResults, taskNumbers } from "./support/search.ts";
import { DOC_ID, sites } from "./support/site.ts";
import { serveStatic } from "./support/static-server.ts";
import type { StaticServer } from "./support/static-server.ts";

let server: StaticServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  server = await serveStatic(sites().root.dir, { headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launchBrowser();
  page = await browser.newPage();
  problems = watchPage(page, new URL(server.url).origin);
  await watchCsp(page, problems);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("under a strict CSP", () => {
  it("a violation is seen (control: an inline script is blocked and reported)", async () => {
    await page.goto(server.url);
    await page.addScriptTag({ content: "document.title = 'inline ran';" }).catch(() => undefined);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await page.title()).not.toBe("inline ran");
    expect(problems.consoleErrors.some((e) => e.startsWith("CSP: script-src"))).toBe(true);
    problems.consoleErrors.length = 0;
  });

  it("every built page loads with no violation, console error or failed request", async () => {
    const paths = pagePaths(sites().root.dir);
    expect(paths.length).toBeGreaterThan(40);
    const seen: string[] = [];
    for (const path of paths) {
      await page.goto(server.url + path, { waitUntil: "load" });
      // A violation event is queued as a task; let it arrive before reading the page's record.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
      for (const list of [problems.failed, problems.consoleErrors, problems.foreign]) {
        seen.push(...list.map((problem) => `${path || "/"}: ${problem}`));
        list.length = 0;
      }
    }
    expect(seen).toEqual([]);
  });

  it("search works", async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent("小巨人")}`);
    expect(taskNumbers(await readResults(page), DOC_ID)).toEqual([2, 6, 14]);
  });

  it("the large-text switch works", async () => {
    await page.goto(`${server.url}${DOC_ID}/tasks/1/`);
    await page.click("[data-text-size-toggle]");
    expect(await page.evaluate(() => document.documentElement.classList.contains("large-text"))).toBe(true);
    await page.click("[data-text-size-toggle]");
  });

  it("styles apply (the stylesheet is a file) and nothing was blocked", async () => {
    await page.goto(server.url);
    const headerBackground = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")!).backgroundColor);
    expect(headerBackground).toBe("rgb(11, 61, 122)");
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});
