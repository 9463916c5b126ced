// Search latency as a visitor sees it, measured in headless Chromium against a served build: after submitting
// a query (timeQueries, used by bench/site.ts and bench/scale.ts) and while typing one (timeTyping).
//   node bench/search-timing.ts [--dist DIR] [--runs 5]
// prints both on the library site (bench/search-quality.ts builds it, or reuses DIR), medians of the runs.
import { parseArgs } from "node:util";
import type { Browser, Request } from "playwright-core";
import { launchChromium } from "../test/e2e/support/browser.ts";
import { serveStatic } from "../test/e2e/support/static-server.ts";
import { prepareLibrarySite } from "./search-quality.ts";
import { summarize } from "./stats.ts";

export interface QueryTiming {
  /** Submit → the first outcome announced (with other sites configured: this site's own answer). */
  ms: number;
  /** Submit → an outcome announced with the other sites' indexes merged in; only when asked for (`merged`). */
  mergedMs?: number;
  bytes: Record<string, number>;
}

/**
 * Opens the search page in a new browser context (empty cache), then for each query: fills the box, submits the
 * form and times, inside the page, until the status line reports the outcome. The first query is the cold one:
 * it loads pagefind.js, the wasm, the index chunks and fragments. Also counts the bytes each query fetched.
 */
export async function timeQueries(browser: Browser, siteUrl: string, queries: string[], options: { merged?: boolean; block?: string } = {}): Promise<QueryTiming[]> {
  const context = await browser.newContext();
  // `block`: an origin whose requests fail at once, as if that site were down (this site then answers alone).
  if (options.block) await context.route(`${options.block}/**`, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${siteUrl}search/`, { waitUntil: "load" });
  const timings: QueryTiming[] = [];
  for (const query of queries) {
    const bytes: Record<string, number> = {};
    const onFinished = async (request: Request) => {
      const sizes = await request.sizes().catch(() => undefined);
      const url = request.url();
      const kind = /wasm/.test(url) ? "wasm" : /pf_index/.test(url) ? "index" : /pf_fragment/.test(url) ? "fragments" : /pf_meta|pf_filter|entry\.json/.test(url) ? "meta+filters" : /\.js$/.test(url) ? "js" : "other";
      bytes[kind] = (bytes[kind] ?? 0) + (sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0);
    };
    page.on("requestfinished", onFinished);
    const { ms, mergedMs } = await page.evaluate(
      async ({ q, merged }) => {
        const input = document.querySelector<HTMLInputElement>("[data-search-input]")!;
        const status = document.querySelector<HTMLElement>("[data-search-status]")!;
        const form = document.querySelector<HTMLFormElement>("[data-search-form]")!;
        status.textContent = "";
        delete form.dataset["searchMerged"];
        const t0 = performance.now();
        return new Promise<{ ms: number; mergedMs?: number }>((resolve) => {
          let first: number | undefined;
          // The merged answer re-announces the outcome and sets data-search-merged on the form.
          new MutationObserver((_, observer) => {
            if (!/找到|没有找到|失败/.test(status.textContent ?? "")) return;
            first ??= performance.now() - t0;
            if (!merged) return observer.disconnect(), resolve({ ms: first });
            if (form.dataset["searchMerged"]) observer.disconnect(), resolve({ ms: first, mergedMs: performance.now() - t0 });
          }).observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ["data-search-merged"] });
          input.value = q;
          form.requestSubmit();
        });
      },
      { q: query, merged: options.merged ?? false },
    );
    await page.waitForLoadState("networkidle");
    page.off("requestfinished", onFinished);
    timings.push({ ms, ...(mergedMs === undefined ? {} : { mergedMs }), bytes });
  }
  await context.close();
  return timings;
}

export interface TypingTiming {
  query: string;
  /** Last keystroke → the first result of the query on the page. */
  firstResultMs: number;
  /** Last keystroke → the status line announcing the outcome. */
  statusMs: number;
}

/**
 * Typing latency once Pagefind is loaded: opens the search page, runs one query to load Pagefind, then for each
 * query empties the box, types the query a character at a time (as an input method commits characters, `delay` ms
 * apart) and times, inside the page, from the last keystroke (the last input event's timeStamp) to the first result
 * of that query on the page and to the status line's outcome. No form submission: what typing alone gives.
 */
export async function timeTyping(browser: Browser, siteUrl: string, queries: string[], delay = 120): Promise<TypingTiming[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${siteUrl}search/`, { waitUntil: "load" });
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>("[data-search-input]")!;
    const status = document.querySelector<HTMLElement>("[data-search-status]")!;
    const list = document.querySelector<HTMLElement>("[data-search-results]")!;
    const t = { lastInput: 0, firstResult: -1, status: -1 };
    (window as unknown as { __typing: typeof t }).__typing = t;
    input.addEventListener("input", (event) => {
      t.lastInput = event.timeStamp;
      t.firstResult = -1;
      t.status = -1;
    });
    new MutationObserver((records) => {
      const now = performance.now();
      const added = records.some((r) => [...r.addedNodes].some((n) => n instanceof HTMLElement && n.classList.contains("search-result")));
      if (added && t.firstResult < 0 && input.value.trim()) t.firstResult = now;
    }).observe(list, { childList: true });
    new MutationObserver(() => {
      if (t.status < 0 && input.value.trim() && /找到|没有找到|失败/.test(status.textContent ?? "")) t.status = performance.now();
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  const input = page.locator("[data-search-input]");
  const typeAndWait = async (query: string) => {
    await input.fill("");
    // Long enough for any debounced run of the empty box to finish and clear the results.
    await page.waitForTimeout(400);
    await input.pressSequentially(query, { delay });
    await page.waitForFunction(() => (window as unknown as { __typing: { status: number } }).__typing.status >= 0, undefined, { timeout: 15_000 });
    return page.evaluate(() => ({ ...(window as unknown as { __typing: { lastInput: number; firstResult: number; status: number } }).__typing }));
  };
  await input.focus();
  await typeAndWait(queries[0]!); // loads pagefind.js, the wasm and the index's metadata
  const timings: TypingTiming[] = [];
  for (const query of queries) {
    const t = await typeAndWait(query);
    timings.push({ query, firstResultMs: t.firstResult < 0 ? NaN : t.firstResult - t.lastInput, statusMs: t.status - t.lastInput });
  }
  await context.close();
  return timings;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: "string" }, runs: { type: "string", default: "5" } } });
  const runs = Math.max(1, Number(values.runs));
  const QUERIES = ["小巨人", "奖补", "人才", "融资", "展会", "知识产权"];
  const site = prepareLibrarySite(values.dist);
  const server = await serveStatic(site.dir);
  const browser = await launchChromium();
  const typed: TypingTiming[] = [];
  const submitted: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      typed.push(...(await timeTyping(browser, server.url, QUERIES)));
      const [, ...warm] = await timeQueries(browser, server.url, QUERIES);
      submitted.push(...warm.map((w) => w.ms));
    }
  } finally {
    await browser.close();
    await server.close();
    site.dispose();
  }
  const show = (samples: number[]) => {
    const s = summarize(samples.filter((x) => !Number.isNaN(x)));
    return `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)}), ${s.runs} samples`;
  };
  console.log(
    [
      `search latency once Pagefind is loaded — library site, queries ${QUERIES.join(" ")}; median (min–max) of ${runs} runs`,
      `typed, last keystroke → first result shown   ${show(typed.map((t) => t.firstResultMs))}`,
      `typed, last keystroke → status announced     ${show(typed.map((t) => t.statusMs))}`,
      `submitted (Enter) → status announced         ${show(submitted)}`,
      "",
      "per query, typed → first result shown (median):",
      ...QUERIES.map((q) => `  ${q}  ${summarize(typed.filter((t) => t.query === q).map((t) => t.firstResultMs)).median.toFixed(0)} ms`),
    ].join("\n"),
  );
}
