// Benchmark of the whole site: ingest and build times, what each page type weighs, search latency and bytes in
// headless Chromium, and Lighthouse scores and layout shift (CLS) (mobile). Prints a table and writes bench/results.json.
//   npm run bench [-- --runs 3] [--no-lighthouse] [--gzip]
// --gzip: Lighthouse fetches the pages gzip-compressed, as a web server serves them (the test server sends them raw,
// so a long page's transfer, not its rendering, sets its first paint).
// Builds into a temporary folder from a temporary ingest of seeds/, so content/ and dist/ are left alone.
import { spawnSync } from "node:child_process";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { createGzip } from "node:zlib";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromiumPath, launchChromium } from "../test/e2e/support/browser.ts";
import { listFiles } from "../test/e2e/support/dist.ts";
import { serveStatic } from "../test/e2e/support/static-server.ts";
import { pageWeight } from "../test/e2e/support/weight.ts";
import type { PageWeight } from "../test/e2e/support/weight.ts";
import { timeQueries } from "./search-timing.ts";
import type { QueryTiming } from "./search-timing.ts";
import { summarize } from "./stats.ts";
import type { Summary } from "./stats.ts";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, "no-lighthouse": { type: "boolean", default: false }, gzip: { type: "boolean", default: false } } });
const RUNS = Math.max(1, Number(values.runs));
const DOC = "luan-zjtx-2022";
const work = mkdtempSync(join(tmpdir(), "bench-site-"));
const seeds = readdirSync(join(root, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => join(root, "seeds", f));

function run(args: string[], env: NodeJS.ProcessEnv = {}): { ms: number; stdout: string } {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return { ms, stdout: result.stdout };
}

/** Ingest of seeds/ into a fresh folder, as a CLI run (Node start-up included: what a person waits for). */
function ingest(content: string): number {
  rmSync(content, { recursive: true, force: true });
  return run(["scripts/ingest.ts", ...seeds, "--out", content]).ms;
}

/** ingest + astro + pagefind, cold (no Astro cache), the way CI builds. Returns the total and each step. */
function fullBuild(out: string): Record<string, number> {
  const content = join(work, "content");
  const cache = join(work, "cache");
  rmSync(cache, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  const ingestMs = ingest(content);
  const build = run(["scripts/build.ts", "--out", out, "--content", content, "--skip-ingest"], { ASTRO_CACHE_DIR: cache });
  const steps: Record<string, number> = { ingest: ingestMs, total: ingestMs + build.ms };
  for (const m of build.stdout.matchAll(/^build: (\w+) done in ([\d.]+) s$/gm)) steps[m[1]!] = Number(m[2]) * 1000;
  return steps;
}

const dirSize = (dir: string) => listFiles(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

// ---- ingest and build ----
console.error(`bench: ${RUNS} runs; working in ${work}`);
const ingestRuns = summarize(Array.from({ length: Math.max(5, RUNS) }, () => ingest(join(work, "content"))));
const dist = join(work, "dist");
const builds = Array.from({ length: RUNS }, () => fullBuild(dist));
const buildRuns = Object.fromEntries(Object.keys(builds[0]!).map((k) => [k, summarize(builds.map((b) => b[k]!))]));
const files = listFiles(dist);
const pages = files.filter((f) => f.endsWith(".html"));

// ---- page weights ----
const pageTypes: Record<string, string> = {
  home: "index.html",
  task: `${DOC}/tasks/1/index.html`,
  unit: "units/lu-an-shi-shi-jing-xin-ju/index.html",
  figures: `${DOC}/figures/index.html`,
  support: `${DOC}/support/index.html`,
  search: "search/index.html",
};
const weights: Record<string, PageWeight> = {};
for (const [type, page] of Object.entries(pageTypes)) if (pages.includes(page)) weights[type] = pageWeight(dist, "/", page);

// ---- search in Chromium ----
const server = await serveStatic(dist);
const QUERIES = ["小巨人", "奖补", "人才", "融资", "数字化", "专精特新"];

const browser = await launchChromium();
const cold: QueryTiming[] = [];
const warm: QueryTiming[] = [];
for (let i = 0; i < Math.max(5, RUNS); i++) {
  // A new context has an empty cache: the first query loads pagefind.js, the wasm, the index and fragments.
  const [first, ...rest] = await timeQueries(browser, server.url, [QUERIES[i % QUERIES.length]!, ...QUERIES.filter((_, k) => k !== i % QUERIES.length)]);
  cold.push(first!);
  warm.push(...rest);
}
await browser.close();
const coldBytes = cold[0]!.bytes;

// ---- Lighthouse ----
const lighthousePages: Record<string, string> = {
  home: "",
  task: `${DOC}/tasks/1/`,
  unit: "units/lu-an-shi-shi-jing-xin-ju/",
  search: `search/?q=${encodeURIComponent("小巨人")}`,
  figures: `${DOC}/figures/`,
  support: "support/",
  "support (list)": `${DOC}/support/`,
};
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const lighthouse: Record<string, Record<string, Summary>> = {};
const lighthouseFailures: Record<string, string[]> = {};

/** The site behind a gzip-compressing proxy, as a web server sends text (Content-Encoding: gzip when asked for). */
async function gzipped(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const proxy = createServer((req, res) => {
    const headers = { ...req.headers, "accept-encoding": "identity" };
    const forward = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (answer) => {
      const text = /^(text\/|application\/(javascript|json|xml)|image\/svg)/.test(String(answer.headers["content-type"] ?? ""));
      const zip = text && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && req.method !== "HEAD";
      const out = { ...answer.headers };
      if (zip) {
        delete out["content-length"];
        out["content-encoding"] = "gzip";
        out["vary"] = "Accept-Encoding";
      }
      res.writeHead(answer.statusCode ?? 502, out);
      (zip ? answer.pipe(createGzip()) : answer).pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    close: () => new Promise<void>((resolve) => { proxy.closeAllConnections(); proxy.close(() => resolve()); }),
  };
}

if (!values["no-lighthouse"]) {
  const served = values.gzip ? await gzipped(server.url) : { url: server.url, close: async () => {} };
  const { default: runLighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    for (const [type, path] of Object.entries(lighthousePages)) {
      const scores: Record<string, number[]> = {};
      for (let i = 0; i < RUNS; i++) {
        // The default config is Lighthouse's mobile one: a Moto G Power-sized screen, simulated slow 4G and CPU ×4.
        const result = await runLighthouse(served.url + path, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
        if (result.lhr.runtimeError) throw new Error(`Lighthouse could not load ${path}: ${result.lhr.runtimeError.message}`);
        for (const c of CATEGORIES) (scores[c] ??= []).push(Math.round((result.lhr.categories[c]?.score ?? 0) * 100));
        // CLS as measured (the layout shift the page makes while it loads), not its score.
        (scores["cls"] ??= []).push(Number(result.lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN));
        if (i === 0) {
          lighthouseFailures[type] = Object.values(result.lhr.audits)
            .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
            .map((a) => `${a.id} (${a.score})`);
        }
      }
      lighthouse[type] = Object.fromEntries([...CATEGORIES, "cls"].map((c) => [c, summarize(scores[c]!)]));
    }
  } finally {
    chrome.kill();
    await served.close();
  }
}
await server.close();

// ---- report ----
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const s = (x: Summary, unit: (n: number) => string) => `${unit(x.median)} (${unit(x.min)}–${unit(x.max)})`;
const sec = (n: number) => `${(n / 1000).toFixed(2)} s`;
const msf = (n: number) => `${n.toFixed(0)} ms`;
const lines: string[] = [];
const row = (label: string, value: string) => lines.push(`${label.padEnd(34)} ${value}`);
lines.push(`site benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}; median (min–max) of ${RUNS} runs unless noted`);
row("ingest (CLI, bundled document)", `${s(ingestRuns, msf)}, ${ingestRuns.runs} runs`);
row("full build (ingest+astro+pagefind)", s(buildRuns["total"]!, sec));
for (const step of ["astro", "pagefind"]) if (buildRuns[step]) row(`  of which ${step}`, s(buildRuns[step], sec));
row("pages built", `${pages.length} HTML pages, ${files.length} files`);
row("dist/ size", `${kb(dirSize(dist))}, of which pagefind/ ${kb(dirSize(join(dist, "pagefind")))}`);
lines.push("", "page type   HTML raw/gzip        CSS raw/gzip         JS before interaction raw/gzip   total gzip");
for (const [type, w] of Object.entries(weights)) {
  const pair = (b: { raw: number; gzip: number }) => `${kb(b.raw)} / ${kb(b.gzip)}`.padEnd(21);
  lines.push(`${type.padEnd(11)} ${pair(w.html)}${pair(w.css)}${pair(w.js)}            ${kb(w.total.gzip)}`);
}
const missing = Object.keys(pageTypes).filter((t) => !weights[t]);
if (missing.length) lines.push(`(no ${missing.join(", ")} page in this build)`);
lines.push("");
row("search, cold (first query)", `${s(summarize(cold.map((c) => c.ms)), msf)}, ${cold.length} runs (fresh browser cache each)`);
row("search, warm (later queries)", `${s(summarize(warm.map((c) => c.ms)), msf)}, ${warm.length} queries`);
row("  (submit → results shown; typing searches at each keystroke once the index is loaded: npm run bench:search-timing)", "");
row("bytes for one cold query", Object.entries(coldBytes).map(([k, v]) => `${k} ${kb(v)}`).join(", ") + `; total ${kb(Object.values(coldBytes).reduce((a, b) => a + b, 0))}`);
if (Object.keys(lighthouse).length) {
  lines.push("", `Lighthouse ${RUNS > 1 ? `(median of ${RUNS})` : ""}, mobile${values.gzip ? ", gzip" : ""}`.padEnd(34) + " performance  accessibility  best-practices  seo    CLS");
  for (const [type, scores] of Object.entries(lighthouse)) {
    lines.push(`${type.padEnd(34)} ${CATEGORIES.map((c) => String(scores[c]!.median).padStart(c.length)).join("  ")}  ${scores["cls"]!.median.toFixed(3).padStart(5)}`);
  }
  for (const [type, failed] of Object.entries(lighthouseFailures)) if (failed.length) lines.push(`  ${type}: audits below 1: ${failed.join(", ")}`);
}
console.log(lines.join("\n"));

const results = {
  node: process.version,
  cpus: cpus().length,
  runs: RUNS,
  ingestMs: ingestRuns,
  buildMs: buildRuns,
  pages: pages.length,
  files: files.length,
  distBytes: dirSize(dist),
  pagefindBytes: dirSize(join(dist, "pagefind")),
  pageWeights: weights,
  search: { coldMs: summarize(cold.map((c) => c.ms)), warmMs: summarize(warm.map((c) => c.ms)), coldQueryBytes: coldBytes },
  lighthouse,
  lighthouseGzip: values.gzip,
  lighthouseFailures,
};
writeFileSync(join(root, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
rmSync(work, { recursive: true, force: true });
