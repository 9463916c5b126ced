// Search latency as a visitor sees it, measured in headless Chromium against a served build.
import type { Browser, Request } from "playwright-core";

export interface QueryTiming {
  ms: number;
  bytes: Record<string, number>;
}

/**
 * Opens the search page in a new browser context (empty cache), then for each query: fills the box, submits the
 * form and times, inside the page, until the status line reports the outcome. The first query is the cold one:
 * it loads pagefind.js, the wasm, the index chunks and fragments. Also counts the bytes each query fetched.
 */
export async function timeQueries(browser: Browser, siteUrl: string, queries: string[]): Promise<QueryTiming[]> {
  const context = await browser.newContext();
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
    const ms = await page.evaluate(async (q) => {
      const input = document.querySelector<HTMLInputElement>("[data-search-input]")!;
      const status = document.querySelector<HTMLElement>("[data-search-status]")!;
      const form = document.querySelector<HTMLFormElement>("[data-search-form]")!;
      status.textContent = "";
      const t0 = performance.now();
      const done = new Promise<number>((resolve) => {
        new MutationObserver((_, observer) => {
          if (/找到|没有找到|失败/.test(status.textContent ?? "")) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(status, { childList: true, characterData: true, subtree: true });
      });
      input.value = q;
      form.requestSubmit();
      return done;
    }, query);
    await page.waitForLoadState("networkidle");
    page.off("requestfinished", onFinished);
    timings.push({ ms, bytes });
  }
  await context.close();
  return timings;
}

