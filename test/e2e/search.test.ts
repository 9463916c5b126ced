// Chinese search in a real browser: the queries an enterprise would type, the filters, and the result display; a
// Chinese query matches the phrase as typed, on the bundled site and on a library of three lists.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { paths } from "../../src/site/paths.ts";
import { launchBrowser, watchPage } from "./support/browser.ts";
import type { PageProblems } from "./support/browser.ts";
import { buildSite, ingestInto } from "./support/build.ts";
import { readResults, taskNumbers } from "./support/search.ts";
import type { SeenResult } from "./support/search.ts";
import { DOC_ID, sites, TEST_SITE_URL } from "./support/site.ts";
import { compareWithOracle, siteSynonyms } from "../../bench/search-oracle.ts";
import { SEARCH_QUERIES } from "../../bench/search-queries.ts";
import { CJK } from "../../src/site/search-text.ts";
import { serveStatic } from "./support/static-server.ts";
import type { StaticServer } from "./support/static-server.ts";

const site = sites().root;
const BUNDLED_TITLE = (JSON.parse(readFileSync(resolve(import.meta.dirname, "../../content", `${DOC_ID}.json`), "utf8")) as { title: string }).title;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  browser = await launchBrowser();
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
    // With its synonyms (src/site/synonyms.json): task 14 prints 补贴, not 奖补.
    ["奖补", [1, 2, 3, 6, 7, 8, 11, 14, 15, 16]],
    ["小巨人", [2, 6, 14]],
    ["知识产权", [1, 3, 16]],
    ["亩均论英雄", [12]],
    ["担保", [9]],
    ["北交所", [11]],
    ["首台套", [5]],
    // A phrase: not the tasks that hold 发展 … 会 or 展 … 大会 apart.
    ["展会", [15]],
    ["台套", [5]],
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
    const results = await search("", { lead: "六安市 · 市人社局" });
    expect(taskNumbers(results, DOC_ID)).toEqual([14]);
  });

  it("a filter narrows a query: 奖补 with chapter 三 gives tasks 6, 7, 8", async () => {
    await page.goto(`${site.url}search/`);
    await page.fill("[data-search-input]", "奖补");
    await page.selectOption('[data-search-filter="chapter"]', { label: "三、数字化赋能提质降本增效" });
    await page.press("[data-search-input]", "Enter");
    const results = await readResults(page);
    expect(taskNumbers(results, DOC_ID)).toEqual([6, 7, 8]);
    // The value names the list (and its government) as well: two lists' 三、 are two chapters.
    expect(new URL(page.url()).searchParams.get("chapter")).toBe(`六安市 · ${BUNDLED_TITLE} › 三、数字化赋能提质降本增效`);
  });

  it("the cooperating-unit and document filters list their values", async () => {
    await page.goto(`${site.url}search/`);
    const support = await page.$$eval('[data-search-filter="support"] option', (o) => o.map((x) => x.textContent));
    expect(support).toContain("六安市 · 各县区政府（管委）");
    // One option per department of a government: the printed name alone is never a value.
    expect(support).not.toContain("各县区政府（管委）");
    const documents = await page.$$eval('[data-search-filter="document"] option', (o) => o.length);
    expect(documents).toBe(2); // "全部" and the bundled document
    const results = await search("", { support: "六安市 · 市税务局" });
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

  it("a phrase is marked where it stands, not its characters elsewhere", async () => {
    const [hit, ...rest] = await search("展会");
    expect(rest).toEqual([]);
    expect(hit?.excerptHtml).toContain("<mark>展会</mark>");
    expect(hit?.excerptHtml.match(/<mark>[^<]*<\/mark>/g)?.every((m) => m === "<mark>展会</mark>")).toBe(true);
  });

  it("a unit's name finds its unit page", async () => {
    const results = await search("市人社局");
    expect(results.some((r) => r.type === "unit" && r.href.endsWith(`/${paths.unit("lu-an-shi-shi-ren-she-ju")}`))).toBe(true);
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

// ---- a library of three lists ----

const LIBRARY = ["seeds/luan-zjtx-2022.txt", "test/fixtures/library/luan-shuzi-2023.txt", "test/fixtures/library/luan-yingshang-2024.html"];
const ZJTX = "luan-zjtx-2022";
const SHUZI = "luan-shuzi-2023";
const YINGSHANG = "luan-yingshang-2024";

describe("a Chinese query matches the phrase as typed, in a library of three lists", () => {
  let work: string;
  let server: StaticServer;
  let library: Page;
  let libraryProblems: PageProblems;

  beforeAll(async () => {
    const root = resolve(import.meta.dirname, "../..");
    work = mkdtempSync(join(tmpdir(), "search-library-"));
    ingestInto(LIBRARY.map((f) => join(root, f)), join(work, "content"));
    buildSite({ out: join(work, "dist"), cache: join(work, "cache"), content: join(work, "content"), site: TEST_SITE_URL });
    server = await serveStatic(join(work, "dist"));
    library = await browser.newPage();
    libraryProblems = watchPage(library, new URL(server.url).origin);
  });
  afterAll(async () => {
    await library?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Every result (the "more" button pressed until it is gone), as "doc#n" for tasks and the path for the rest. */
  async function searchAll(query: string, filters: Record<string, string> = {}): Promise<string[]> {
    await library.goto(`${server.url}search/?${new URLSearchParams({ q: query, ...filters })}`);
    const seen: SeenResult[] = await readResults(library);
    for (let more = library.locator(".search-results__more button"); (await more.count()) > 0; ) {
      await more.click();
      await library.waitForFunction(() => document.querySelector("[data-search-results]")?.getAttribute("aria-busy") === "false");
      seen.splice(0, seen.length, ...(await readResults(library)));
    }
    return seen.map((r) => {
      const path = new URL(r.href, server.url).pathname.slice(1);
      const task = /^([^/]+)\/tasks\/(\d+)\/$/.exec(path);
      return task ? `${task[1]}#${task[2]}` : path;
    });
  }

  it("展会 finds the three tasks that hold it, one in each list, and no task with 发展 … 会", async () => {
    expect((await searchAll("展会")).sort()).toEqual([`${SHUZI}#2`, `${YINGSHANG}#4`, `${ZJTX}#15`]);
    const excerpts = await library.$$eval("[data-search-results] .search-result__excerpt", (ps) => ps.map((p) => p.innerHTML));
    for (const excerpt of excerpts) expect(excerpt).toContain("<mark>展会</mark>");
  });

  it("a phrase that cuts across the segmenter's words is found (台套 in 首台套, 业上云 in 企业上云)", async () => {
    expect(await searchAll("台套")).toEqual([`${ZJTX}#5`]);
    expect(await searchAll("业上云")).toEqual([`${ZJTX}#6`]);
  });

  it("a phrase found nowhere gives no results, though each of its characters is everywhere", async () => {
    expect(await searchAll("会展")).toEqual([]);
    expect(await library.textContent("[data-search-status]")).toBe("没有找到结果。");
  });

  it("two words separated by a space: pages that hold both", async () => {
    expect((await searchAll("人才 补贴")).sort()).toEqual([`${SHUZI}#3`, `${ZJTX}#14`]);
  });

  it("the filters still apply: lead, cooperating unit, document, chapter", async () => {
    expect(await searchAll("展会", { lead: "六安市 · 市商务局" })).toEqual([`${SHUZI}#2`]);
    expect(await searchAll("展会", { support: "六安市 · 市商务局" })).toEqual([`${ZJTX}#15`]);
    expect(await searchAll("人才", { document: "六安市2023年制造业数字化转型重点任务分工方案" })).toEqual([`${SHUZI}#3`]);
    expect(await searchAll("人才", { chapter: "六安市2023年制造业数字化转型重点任务分工方案 › 二、强化人才支撑" })).toEqual([`${SHUZI}#3`]);
  });

  it("the index answers every Chinese query of the quality set with exactly the pages whose indexed text holds it", async () => {
    const dist = join(work, "dist");
    const synonyms = siteSynonyms(dist);
    expect(Object.keys(synonyms).length).toBeGreaterThan(0);
    const queries = SEARCH_QUERIES.map((q) => q.query).filter((q) => CJK.test(q));
    const answers = await compareWithOracle(browser, server.url, dist, queries, synonyms);
    // The oracle finds something for most queries (it is not comparing empty sets), and the index agrees exactly.
    expect(answers.filter((a) => a.expected.length > 0).length).toBeGreaterThan(queries.length * 0.8);
    for (const a of answers) expect({ query: a.query, found: [...a.found].sort() }).toEqual({ query: a.query, found: [...a.expected].sort() });
  });

  it("more than a page: ten at a time, every one holding the phrase, the count exact", async () => {
    await library.goto(`${server.url}search/?q=${encodeURIComponent("专精特新")}`);
    expect(await readResults(library)).toHaveLength(10);
    expect(await library.textContent("[data-search-status]")).toBe("找到 22 项结果");
    const all = await searchAll("专精特新");
    expect(all).toHaveLength(22);
    expect(new Set(all).size).toBe(22);
    expect(all.filter((r) => r.startsWith(ZJTX))).toHaveLength(19);
    expect(all).not.toContain(`${ZJTX}#13`); // the one task of the bundled list without the phrase
  });

  it("奖补 also finds the measures worded 补贴 or 奖励 (the synonym table), and says so", async () => {
    const all = await searchAll("奖补");
    expect(all).toContain(`${ZJTX}#14`); // 补贴 only
    expect(await library.textContent("[data-search-status]")).toMatch(/^找到 \d+ 项结果（同时查找了奖励、补助、补贴）$/);
  });

  it("the chapter filter groups each list's chapters under it, their values naming the list", async () => {
    await library.goto(`${server.url}search/`);
    const groups = await library.$$eval('[data-search-filter="chapter"] optgroup', (gs) =>
      gs.map((g) => ({ label: g.getAttribute("label") ?? "", values: [...g.querySelectorAll("option")].map((o) => [o.value, o.textContent]) })),
    );
    expect(groups).toHaveLength(LIBRARY.length);
    for (const group of groups) {
      expect(group.values.length).toBeGreaterThan(0);
      for (const [value, text] of group.values) expect(value).toBe(`${group.label} › ${text}`);
    }
    // Both lists have a 一、: two choices, each filtering its own list.
    const firsts = groups.flatMap((g) => g.values.filter(([, text]) => text?.startsWith("一、")).map(([value]) => value!));
    expect(new Set(firsts).size).toBe(firsts.length);
    expect(firsts.length).toBeGreaterThan(1);
    for (const value of firsts) {
      const list = value.startsWith(`六安市 · ${BUNDLED_TITLE}`) ? ZJTX : value.includes("数字化转型") ? SHUZI : YINGSHANG;
      const results = await searchAll("", { chapter: value });
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((r) => !r.startsWith(`${list}#`))).toEqual([]);
    }
  });

  it("a library past SEARCH_CHAPTER_OPTIONS lists no chapters in the page: the chosen list's come from the index, in its order", async () => {
    await library.goto(`${server.url}search/`);
    const inline = await library.$$eval('[data-search-filter="chapter"] optgroup', (gs) =>
      gs.map((g) => ({ label: g.getAttribute("label") ?? "", values: [...g.querySelectorAll("option")].map((o) => [o.value, o.textContent ?? ""]) })),
    );
    const dist = join(work, "dist-by-list");
    buildSite({ out: dist, cache: join(work, "cache-by-list"), content: join(work, "content"), site: TEST_SITE_URL, env: { SEARCH_CHAPTER_OPTIONS: "1" } });
    const byList = await serveStatic(dist);
    const other = await browser.newPage();
    try {
      await other.goto(`${byList.url}search/`);
      const chapter = other.locator('[data-search-filter="chapter"]');
      expect(await chapter.locator("option").count()).toBe(1);
      const shuzi = inline.find((g) => g.label.includes("数字化转型"))!;
      await other.selectOption('[data-search-filter="document"]', shuzi.label);
      await other.waitForFunction(() => document.querySelectorAll('[data-search-filter="chapter"] option').length > 1);
      const filled = await chapter.locator("option").evaluateAll((os) => os.slice(1).map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ""]));
      expect(filled).toEqual(shuzi.values);
      // From the address: the list and its chapter chosen, the search run under both.
      const [value] = shuzi.values.at(-1)!;
      await other.goto(`${byList.url}search/?${new URLSearchParams({ document: shuzi.label, chapter: value! })}`);
      await other.waitForFunction(() => /找到|没有找到/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
      expect(await chapter.inputValue()).toBe(value);
      const links = await other.$$eval("[data-search-results] a.search-result__link", (as) => as.map((a) => a.getAttribute("href") ?? ""));
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect(href).toContain(`/${SHUZI}/tasks/`);
      expect(readFileSync(join(dist, "search/index.html"), "utf8").length).toBeLessThan(readFileSync(join(work, "dist", "search/index.html"), "utf8").length);
    } finally {
      await other.close();
      await byList.close();
    }
  });

  it("with no results, the nearest words the site knows are offered as searches", async () => {
    expect(await searchAll("专精特心")).toEqual([]);
    expect(await library.textContent("[data-search-status]")).toBe("没有找到结果。");
    const offered = library.locator("[data-search-suggestions] a");
    await offered.first().waitFor();
    const words = await offered.allTextContents();
    expect(words).toContain("专精特新");
    await offered.filter({ hasText: /^专精特新$/ }).click();
    await library.waitForURL(/q=%E4%B8%93%E7%B2%BE%E7%89%B9%E6%96%B0(&|$)/);
    expect((await readResults(library)).length).toBeGreaterThan(0);
    expect(await library.isHidden("[data-search-suggestions]")).toBe(true);
  });

  it("with no results under a filter, the same query without it is offered", async () => {
    expect(await searchAll("北交所", { lead: "六安市 · 市商务局" })).toEqual([]);
    const widen = library.locator("[data-search-suggestions] a", { hasText: "不加筛选条件搜索“北交所”" });
    await widen.click();
    await library.waitForURL((url) => url.searchParams.get("q") === "北交所" && !url.searchParams.has("lead"));
    expect((await readResults(library)).map((r) => r.href).some((h) => h.endsWith(`/${ZJTX}/tasks/11/`))).toBe(true);
  });

  it("no request failed, none left the site, no console error", () => {
    expect(libraryProblems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});
