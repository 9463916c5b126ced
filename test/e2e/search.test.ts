// Chinese search in a real browser: the queries an enterprise would type, the filters, and the result display.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watchPage } from "./support/browser.ts";
import type { PageProblems } from "./support/browser.ts";
import { readResults, taskNumbers } from "./support/search.ts";
import { DOC_ID, sites } from "./support/site.ts";

const site = sites().root;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  problems = watchPage(page, new URL(site.url).origin);
});
afterAll(async () => {
  await browser?.close();
});

async function search(query: string, filters: Record<string, string> = {}) {
  const params = new URLSearchParams({ q: query, ...filters });
  await page.goto(`${site.url}search/?${params}`);
  return readResults(page);
}

describe("search finds every task whose text holds the word", () => {
  const cases: Array<[string, number[]]> = [
    ["奖补", [1, 2, 3, 6, 7, 8, 11, 15, 16]],
    ["小巨人", [2, 6, 14]],
    ["知识产权", [1, 3, 16]],
    ["亩均论英雄", [12]],
    ["担保", [9]],
    ["北交所", [11]],
    ["首台套", [5]],
  ];
  it.each(cases)("%s → tasks %j", async (query, expected) => {
    const results = await search(query);
    expect(taskNumbers(results, DOC_ID)).toEqual(expected);
    // Unit pages index only the unit's name: a unit result must be a unit named with the word (市担保公司).
    expect(results.filter((r) => r.type !== "task" && !r.title.includes(query))).toEqual([]);
  });
});

describe("filters", () => {
  it("lead unit 市人社局 alone gives task 14 only", async () => {
    const results = await search("", { lead: "市人社局" });
    expect(taskNumbers(results, DOC_ID)).toEqual([14]);
  });

  it("a filter narrows a query: 奖补 with chapter 三 gives tasks 6, 7, 8", async () => {
    await page.goto(`${site.url}search/`);
    await page.fill("[data-search-input]", "奖补");
    await page.selectOption('[data-search-filter="chapter"]', "三、数字化赋能提质降本增效");
    await page.press("[data-search-input]", "Enter");
    const results = await readResults(page);
    expect(taskNumbers(results, DOC_ID)).toEqual([6, 7, 8]);
    expect(new URL(page.url()).searchParams.get("chapter")).toBe("三、数字化赋能提质降本增效");
  });

  it("the cooperating-unit and document filters list their values", async () => {
    await page.goto(`${site.url}search/`);
    const support = await page.$$eval('[data-search-filter="support"] option', (o) => o.map((x) => x.textContent));
    expect(support).toContain("各县区政府（管委）");
    const documents = await page.$$eval('[data-search-filter="document"] option', (o) => o.length);
    expect(documents).toBe(2); // "全部" and the bundled document
    const results = await search("", { support: "市税务局" });
    expect(taskNumbers(results, DOC_ID).length).toBeGreaterThan(0);
  });
});

describe("results", () => {
  it("show the task number, the title and an excerpt with the hit marked", async () => {
    const results = await search("北交所");
    expect(results).toHaveLength(1);
    const [hit] = results;
    expect(hit?.title).toContain("任务 11");
    expect(hit?.title).toContain("。");
    // Pagefind may mark each segmented character: join adjacent marks before comparing.
    expect(hit?.excerptHtml.replaceAll("</mark><mark>", "")).toMatch(/<mark>北交所<\/mark>/);
  });

  it("a unit's name finds its unit page", async () => {
    const results = await search("市人社局");
    expect(results.some((r) => r.type === "unit" && r.href.endsWith(`/${DOC_ID}/units/shi-ren-she-ju/`))).toBe(true);
  });

  it("the header search box leads to the results", async () => {
    await page.goto(site.url);
    await page.fill("#site-search", "担保");
    await page.press("#site-search", "Enter");
    await page.waitForURL(/\/search\/\?q=/);
    expect(taskNumbers(await readResults(page), DOC_ID)).toEqual([9]);
  });

  it("no request failed, none left the site, no console error", () => {
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});
