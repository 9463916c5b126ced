// The site built with BASE_PATH=/zjtx/ and served only under /zjtx/: links, assets, downloads and search
// all stay under the sub-path (the server answers 404 everywhere else, so a slip fails here).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, watchPage } from "./support/browser.ts";
import { readResults, taskNumbers } from "./support/search.ts";
import { DOC_ID, sites } from "./support/site.ts";

const site = sites().subpath;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("under /zjtx/", () => {
  it("every link reachable from the home page resolves, with no failed request", async () => {
    const problems = watchPage(page, new URL(site.url).origin);
    const seen = new Set<string>();
    const queue = [site.url];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      if (!(response?.headers()["content-type"] ?? "").startsWith("text/html")) continue;
      const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const target = new URL(href);
        target.hash = "";
        if (target.origin !== new URL(site.url).origin) continue;
        expect(target.pathname, `link on ${url}`).toMatch(/^\/zjtx\//);
        if (!/\.(csv|json|ics)$/.test(target.pathname)) queue.push(target.href);
        else if (!seen.has(target.href)) {
          seen.add(target.href);
          const download = await page.request.get(target.href);
          expect(download.status(), target.href).toBe(200);
        }
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(20 + 21 + 3 + 3);
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });

  it("search loads its index, every part of it, from /zjtx/pagefind/ and links results under /zjtx/", async () => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}search/?q=${encodeURIComponent("小巨人")}`);
    const results = await readResults(page);
    // Tasks 2, 6 and 14 are in three different parts (pages go to parts in path order, eight or fewer a part).
    expect(taskNumbers(results, DOC_ID)).toEqual([2, 6, 14]);
    expect(results.every((r) => r.href.startsWith(`/zjtx/${DOC_ID}/`))).toBe(true);
    const { parts } = JSON.parse(readFileSync(join(site.dir, "pagefind/parts.json"), "utf8")) as { parts: string[] };
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(requests).toContain("/zjtx/pagefind/parts.json");
    for (const part of parts) expect(requests).toContain(`/zjtx/pagefind/${part}pagefind-entry.json`);
    expect(requests.filter((p) => !p.startsWith("/zjtx/"))).toEqual([]);
  });
});
