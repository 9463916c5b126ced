// Whether the search index answers a query with exactly the pages that hold it. The oracle reads every fragment of
// a built site's index (each page's indexed text, in every part) and keeps the pages whose text holds one phrase of
// each Chinese word of the query (holdsTerms, with the synonym table); the index is asked as the search page asks
// it (searchPlan's exact searches in headless Chromium, every part merged, combineResults). Result ids are the
// fragments' names, so no fragment is loaded in the browser. Used by bench:scale and test/e2e/search.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { combineResults, holdsTerms, queryTerms, searchPartsFromJson, searchPlan, SEARCH_PARTS_FILE, synonymsFromData } from "../src/site/search.ts";
import type { Synonyms } from "../src/site/search.ts";
import { unspaced } from "../src/site/search-text.ts";

export interface IndexedPage {
  /** The fragment's name without its extension: Pagefind's result id. */
  id: string;
  url: string;
  /** The indexed text, unspaced. */
  content: string;
}

/** Every page of the index of the site in `dist`, from its fragments (all parts). */
export function indexedPages(dist: string): IndexedPage[] {
  const bundle = join(dist, "pagefind");
  const parts = [bundle, ...searchPartsFromJson(readFileSync(join(bundle, SEARCH_PARTS_FILE), "utf8"), "file:///").map((url) => join(bundle, new URL(url).pathname.replace(/^\/+|\/+$/g, "")))];
  const pages: IndexedPage[] = [];
  for (const part of parts) {
    const dir = join(part, "fragment");
    for (const name of readdirSync(dir)) {
      const text = gunzipSync(readFileSync(join(dir, name))).toString("utf8").replace(/^pagefind_dcd/, "");
      const { url, content } = JSON.parse(text) as { url: string; content: string };
      pages.push({ id: name.replace(/\.pf_fragment$/, ""), url, content: unspaced(content) });
    }
  }
  return pages;
}

// The browser's side, as source text: a test runner would rewrite a function's dynamic import for Node. Loads the
// site's Pagefind once (every part merged, as the search page does) and runs each group's searches.
const ASK = `async (base, plan) => {
  window.oraclePagefind ??= (async () => {
    const pf = await import(base + "pagefind/pagefind.js");
    await pf.options({ baseUrl: base });
    await pf.init();
    const parts = await (await fetch(base + "pagefind/parts.json")).json();
    for (const part of parts.parts) await pf.mergeIndex(new URL(part, new URL(base + "pagefind/", location.href)).href, { baseUrl: base });
    return pf;
  })();
  const pf = await window.oraclePagefind;
  return Promise.all(plan.map((group) => Promise.all(group.map(async (q) => (await pf.search(q)).results.map((r) => ({ id: r.id, score: r.score }))))));
}`;

/** The synonym table the site's search page carries (its form's data-search-synonyms). */
export function siteSynonyms(dist: string): Synonyms {
  const html = readFileSync(join(dist, "search/index.html"), "utf8");
  const attribute = /data-search-synonyms="([^"]*)"/.exec(html)?.[1] ?? "";
  return synonymsFromData(attribute.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&"));
}

export interface OracleAnswer {
  query: string;
  found: string[];
  expected: string[];
  precision: number;
  recall: number;
}

/**
 * Each query (with Chinese words: a query of Latin words alone is Pagefind's own matching, with stemming, and has
 * no oracle) asked of the index of the site served at `siteUrl` (built in `dist`), beside the oracle's pages.
 */
export async function compareWithOracle(browser: Browser, siteUrl: string, dist: string, queries: readonly string[], synonyms: Synonyms): Promise<OracleAnswer[]> {
  const pages = indexedPages(dist);
  const page = await browser.newPage();
  try {
    await page.goto(`${siteUrl}search/`);
    const base = new URL(siteUrl).pathname;
    const answers: OracleAnswer[] = [];
    for (const query of queries) {
      const terms = queryTerms(query, synonyms);
      if (terms.length === 0) throw new Error(`search oracle: "${query}" has no Chinese word to check`);
      const plan = searchPlan(query, terms);
      const ids = (await page.evaluate(`(${ASK})(${JSON.stringify(base)}, ${JSON.stringify(plan)})`)) as { id: string; score: number }[][][];
      const found = combineResults(ids).map((r) => r.id);
      const expected = pages.filter((p) => holdsTerms(p.content, terms)).map((p) => p.id);
      const want = new Set(expected);
      const relevant = found.filter((id) => want.has(id)).length;
      answers.push({
        query,
        found,
        expected,
        precision: found.length ? relevant / found.length : 1,
        recall: expected.length ? relevant / expected.length : 1,
      });
    }
    return answers;
  } finally {
    await page.close();
  }
}
