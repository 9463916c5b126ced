// Search quality: precision and recall of every query in bench/search-queries.ts, run through the real search
// page of the library site (three lists) in headless Chromium, the way a visitor searches: the query in the
// address, every page of results (the "more" button pressed until it is gone), the result links read.
//   node bench/search-quality.ts [--dist DIR]
// Without --dist it ingests and builds the library site into a temporary folder and removes it afterwards; with
// --dist it reuses the build in DIR when there is one (DIR/pagefind/), else builds there and keeps it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/e2e/support/browser.ts";
import { buildSite, ingestInto } from "../test/e2e/support/build.ts";
import { serveStatic } from "../test/e2e/support/static-server.ts";
import { LIBRARY_SOURCES, SEARCH_QUERIES } from "./search-queries.ts";

const root = resolve(import.meta.dirname, "..");

export interface LibrarySite {
  dir: string;
  /** Removes the build when it was made in a temporary folder. */
  dispose(): void;
}

/** The library site built from LIBRARY_SOURCES: reused from `dist` when built there, else built (into `dist` or a temporary folder). */
export function prepareLibrarySite(dist?: string): LibrarySite {
  if (dist && existsSync(join(dist, "pagefind"))) return { dir: resolve(dist), dispose: () => {} };
  const work = mkdtempSync(join(tmpdir(), "bench-search-"));
  const out = dist ? resolve(dist) : join(work, "dist");
  console.error(`building the library site into ${out} …`);
  ingestInto(LIBRARY_SOURCES.map((f) => join(root, f)), join(work, "content"));
  buildSite({ out, cache: join(work, "cache"), content: join(work, "content") });
  if (dist) {
    rmSync(work, { recursive: true, force: true });
    return { dir: out, dispose: () => {} };
  }
  return { dir: out, dispose: () => rmSync(work, { recursive: true, force: true }) };
}

const OUTCOME = /找到|没有找到|失败/;

/** Every result of a query as paths under the site (the "more" button pressed until it is gone). */
export async function allResults(page: Page, siteUrl: string, query: string): Promise<string[]> {
  await page.goto(`${siteUrl}search/?${new URLSearchParams({ q: query })}`);
  await page.waitForFunction((pattern) => new RegExp(pattern).test(document.querySelector("[data-search-status]")?.textContent ?? ""), OUTCOME.source);
  const count = () => page.locator("[data-search-results] > li.search-result").count();
  for (;;) {
    const more = page.locator("[data-search-results] .search-results__more button");
    if ((await more.count()) === 0) break;
    const before = await count();
    await more.click();
    // More results on the page, or (a search page that marks its list busy) the step done without any.
    await page.waitForFunction((n) => {
      const list = document.querySelector("[data-search-results]");
      return (list?.querySelectorAll(":scope > li.search-result").length ?? 0) > n || list?.getAttribute("aria-busy") === "false";
    }, before);
  }
  const hrefs = await page.$$eval("[data-search-results] > li.search-result a", (links) => links.map((a) => a.getAttribute("href") ?? ""));
  const path = new URL(siteUrl).pathname;
  return hrefs.map((h) => new URL(h, siteUrl).pathname.slice(path.length));
}

export interface QueryQuality {
  query: string;
  found: number;
  expected: number;
  relevant: number;
  precision: number;
  recall: number;
  wrong: string[];
  missed: string[];
}

export function score(query: string, found: string[], expected: string[]): QueryQuality {
  const want = new Set(expected);
  const got = new Set(found);
  const relevant = [...got].filter((p) => want.has(p)).length;
  return {
    query,
    found: got.size,
    expected: want.size,
    relevant,
    // No results for a query that should find none is right; a query that should find none and finds some scores 0.
    precision: got.size === 0 ? 1 : relevant / got.size,
    recall: want.size === 0 ? 1 : relevant / want.size,
    wrong: [...got].filter((p) => !want.has(p)),
    missed: [...want].filter((p) => !got.has(p)),
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: "string" } } });
  const site = prepareLibrarySite(values.dist);
  const server = await serveStatic(site.dir);
  const browser = await launchChromium();
  const page = await browser.newPage();
  const rows: QueryQuality[] = [];
  try {
    for (const q of SEARCH_QUERIES) rows.push(score(q.query, await allResults(page, server.url, q.query), q.expected));
  } finally {
    await browser.close();
    await server.close();
    site.dispose();
  }
  const f = (x: number) => x.toFixed(2);
  // Pads to a width in terminal columns: a Chinese character takes two.
  const pad = (text: string, columns: number) => text + " ".repeat(Math.max(0, columns - [...text].reduce((n, c) => n + (/[\u1100-\uffef]/u.test(c) ? 2 : 1), 0)));
  const short = (p: string) => p.replace(/^luan-/, "").replace("/tasks/", "#").replace(/\/$/, "");
  const lines = [`search quality — ${rows.length} queries on the library site (${LIBRARY_SOURCES.length} lists)`, ""];
  lines.push(`${pad("query", 12)}  found  expected  precision  recall`);
  for (const r of rows) {
    const off = [...r.wrong.map((p) => `+${short(p)}`), ...r.missed.map((p) => `-${short(p)}`)];
    const detail = off.length ? `  ${off.slice(0, 6).join(" ")}${off.length > 6 ? ` … (${off.length})` : ""}` : "";
    lines.push(`${pad(r.query, 12)}  ${String(r.found).padStart(5)}  ${String(r.expected).padStart(8)}  ${f(r.precision).padStart(9)}  ${f(r.recall).padStart(6)}${detail}`);
  }
  const sum = (k: "found" | "expected" | "relevant") => rows.reduce((n, r) => n + r[k], 0);
  const mean = (k: "precision" | "recall") => rows.reduce((n, r) => n + r[k], 0) / rows.length;
  const [found, expected, relevant] = [sum("found"), sum("expected"), sum("relevant")];
  lines.push("");
  lines.push(`total (all results pooled)   precision ${f(found ? relevant / found : 1)} (${relevant}/${found})   recall ${f(expected ? relevant / expected : 1)} (${relevant}/${expected})`);
  lines.push(`mean of the queries          precision ${f(mean("precision"))}   recall ${f(mean("recall"))}`);
  lines.push("(+page: found but not expected; -page: expected but not found)");
  console.log(lines.join("\n"));
}
