// Byte budgets per page type (gzip): HTML + the CSS it links + the JS that runs before any interaction.
// These are facts of the build, so they are tests; timings stay in `npm run bench`. KB = 1,024 bytes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { contextWithoutScripts, launchBrowser } from "./support/browser.ts";
import { listFiles } from "./support/dist.ts";
import { DOC_ID, sites } from "./support/site.ts";
import { pageWeight, staticImports } from "./support/weight.ts";

const KB = 1024;

interface Budget {
  type: string;
  /** Which built HTML files are of this type (paths relative to the build folder). */
  pattern: RegExp;
  /** HTML + CSS + JS, gzip. */
  total: number;
  /** JavaScript that runs before any interaction, gzip. */
  js: number;
}

// First match wins; "other" catches page types added later (they get a generous budget until they get their own).
const BUDGETS: Budget[] = [
  { type: "home", pattern: /^index\.html$/, total: 30 * KB, js: 4 * KB },
  { type: "task", pattern: /^[^/]+\/tasks\/\d+\/index\.html$/, total: 30 * KB, js: 4 * KB },
  { type: "unit", pattern: /^units\/[^/]+\/(\d+\/)?index\.html$/, total: 40 * KB, js: 4 * KB },
  { type: "search", pattern: /^search\/index\.html$/, total: 30 * KB, js: 12 * KB },
  { type: "other", pattern: /\.html$/, total: 60 * KB, js: 24 * KB },
];

const site = sites().root;
const pages = listFiles(site.dir).filter((f) => f.endsWith(".html"));
const typeOf = (page: string) => BUDGETS.find((b) => b.pattern.test(page))!;

describe("byte budgets (gzip)", () => {
  it("every page type is present", () => {
    for (const type of ["home", "task", "unit", "search"]) expect(pages.some((p) => typeOf(p).type === type), type).toBe(true);
  });

  it.each(BUDGETS.map((b) => [b.type, b] as const))("%s pages stay within their budget", (_, budget) => {
    const over: string[] = [];
    for (const page of pages.filter((p) => typeOf(p) === budget)) {
      const w = pageWeight(site.dir, site.base, page);
      if (w.total.gzip > budget.total) over.push(`${page}: ${w.total.gzip} B total > ${budget.total} B`);
      if (w.js.gzip > budget.js) over.push(`${page}: ${w.js.gzip} B of JavaScript > ${budget.js} B`);
    }
    expect(over).toEqual([]);
  });

  it("counts the linked stylesheet and module scripts (the measure itself is sound)", () => {
    const w = pageWeight(site.dir, site.base, `${DOC_ID}/tasks/1/index.html`);
    expect(w.assets.some((a) => a.endsWith(".css"))).toBe(true);
    expect(w.assets.some((a) => a.endsWith(".js"))).toBe(true);
    expect(w.css.gzip).toBeGreaterThan(500);
    expect(w.total.gzip).toBe(w.html.gzip + w.css.gzip + w.js.gzip);
  });

  it("follows static imports and leaves dynamic ones out", () => {
    expect(staticImports(`import{a as b}from"./x.js";import "./y.js";export{c}from'./z.js';import("./lazy.js")`)).toEqual([
      "./x.js",
      "./y.js",
      "./z.js",
    ]);
  });
});

describe("reading needs no JavaScript", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a task page shows its measures and units with JavaScript off", async () => {
    const page = await (await contextWithoutScripts(browser)).newPage();
    await page.goto(`${site.url}${DOC_ID}/tasks/14/`);
    const text = await page.locator("main").innerText();
    expect(await page.locator("main h1").innerText()).toContain("加强企业人才供给");
    expect(text).toContain("按月向定向培养生发放在校学习补助"); // the superior measure
    expect(text).toContain("高级经营管理人才"); // a local measure
    expect(text).toContain("市人社局");
  });
});
