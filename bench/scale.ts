// Scale benchmark: N generated documents (bench/corpus.ts, in every format and some in other layouts) ingested and
// built into a temporary folder. Prints where the time goes (ingest, Astro's content sync, MDX compile + bundle,
// rendering, the shard merge, sitemap, Pagefind), time per page, dist/ and search index size, search latency cold
// and warm (this site alone, and merged with a second origin), precision and recall against the index oracle, the
// heaviest page, peak memory, and the rebuild after one list changed ("one list changed", seconds), with each Astro
// run's split (sharded) and, for the rebuild, its steps and the pages it rendered by folder.
//   npm run bench:scale -- 100                    (the bundled document is always one of the N)
//   npm run bench:scale -- 1000 --shards 8 --jobs 2   (built as scripts/build.ts --shards 8 --jobs 2; without
//                                                  --shards, as npm run build would: split past LISTS_PER_SHARD lists)
//   npm run bench:scale -- 100 --heap-prof DIR    (each build process's heap profile; bench/heap-profile.ts reads it)
//   npm run bench:scale -- 300 --keep DIR         (keeps the built site in DIR)
// One run per figure (a 100-document build takes minutes); run it for two sizes to see how time grows.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { launchChromium } from "../test/e2e/support/browser.ts";
import { listFiles } from "../test/e2e/support/dist.ts";
import { serveStatic } from "../test/e2e/support/static-server.ts";
import { writeCorpusFiles } from "./corpus-files.ts";
import { compareWithOracle, siteSynonyms } from "./search-oracle.ts";
import { timeQueries } from "./search-timing.ts";
import { summarize } from "./stats.ts";
import { watchTreeMemory } from "./tree-memory.ts";

const root = resolve(import.meta.dirname, "..");
const { positionals, values } = parseArgs({ allowPositionals: true, options: { shards: { type: "string" }, jobs: { type: "string" }, "heap-prof": { type: "string" }, keep: { type: "string" } } });
const n = Number(positionals[0] ?? 100);
if (!Number.isInteger(n) || n < 1) throw new Error(`usage: npm run bench:scale -- N [--shards K] [--heap-prof DIR]  (N documents, built in K shards); got ${positionals[0]}`);
const shards = values.shards === undefined ? [] : ["--shards", values.shards, ...(values.jobs ? ["--jobs", values.jobs] : [])];
const TIME = "/usr/bin/time";
// V8's heap limit for the build's processes; BENCH_HEAP_MB raises it to measure a build that needs more.
const MEMORY_LIMIT_MB = Number(process.env["BENCH_HEAP_MB"] ?? 4096);

const work = mkdtempSync(join(tmpdir(), `bench-scale-${n}-`));
const seeds = join(work, "seeds");
const content = join(work, "content");
const out = join(work, "dist");
mkdirSync(seeds);

const files = await writeCorpusFiles(seeds, n);

interface Step {
  ms: number;
  /** The largest single process's peak (GNU time). */
  maxRssMb?: number;
  /** The peak of all the step's processes together, and the largest ones (sampled from /proc). */
  treeRssMb?: number;
  processes: { label: string; peakMb: number }[];
  stdout: string;
}

/** Runs a Node script; under GNU time when it is installed, for the peak memory of the largest process. */
async function step(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Step> {
  const timed = existsSync(TIME);
  const command = timed ? TIME : process.execPath;
  const argv = timed ? ["-v", process.execPath, ...args] : args;
  const t0 = performance.now();
  const child = spawn(command, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const memory = watchTreeMemory(child.pid!);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => stdout.push(b));
  child.stderr.on("data", (b: Buffer) => stderr.push(b));
  const status = await new Promise<number | null>((done) => child.on("close", done));
  const ms = performance.now() - t0;
  const { peakMb: treeRssMb, processes } = memory.stop();
  const out = Buffer.concat(stdout).toString("utf8");
  const err = Buffer.concat(stderr).toString("utf8");
  if (status !== 0) throw new Error(`${args.join(" ")} failed:\n${out.slice(-4000)}\n${err.slice(-4000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1];
  return { ms, maxRssMb: rss ? Number(rss) / 1024 : undefined, treeRssMb, processes, stdout: out };
}

console.error(`bench:scale: ${n} documents in ${work}`);
// Merged search: the site is built naming another site (SEARCH_SITES) that is this same build served on a
// second port with CORS, so a merged query searches twice N lists across origins.
const otherPort = await freePort();
const otherSite = `http://127.0.0.1:${otherPort}`;
const ingest = await step(["scripts/ingest.ts", ...files, "--out", content]);
const buildArgs = ["scripts/build.ts", "--out", out, "--content", content, "--skip-ingest", "--verbose", ...shards];
const buildEnv = {
  ASTRO_CACHE_DIR: join(work, "cache"),
  SEARCH_SITES: `对照站=${otherSite}/`,
  // --heap-prof DIR: each build process writes what it holds at exit there (read with bench/heap-profile.ts).
  NODE_OPTIONS: [process.env["NODE_OPTIONS"] ?? "", `--max-old-space-size=${MEMORY_LIMIT_MB}`, ...(values["heap-prof"] ? ["--heap-prof", `--heap-prof-dir=${resolve(values["heap-prof"])}`] : [])].join(" ").trim(),
};
const build = await step(buildArgs, buildEnv);

// Astro's own log: "Collecting build info… ✓ Completed in" (content sync, types), "Building static
// entrypoints… ✓ Completed in" (MDX compile and bundle, and the rendering inside it), the routes' "✓ Completed
// in" (rendering).
/** Astro's durations: "390ms", "4.54s", "1m 19s". */
function seconds(s: string | undefined): number {
  const m = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(s ?? "");
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60 + Number(m[2]) / (m[3] === "ms" ? 1000 : 1);
}
/** Where a build's time went, read from its log (`--verbose`, colours removed). */
function timesOf(log: string) {
  /** The duration following each `marker` (one per Astro run: a sharded build has one per shard), summed. */
  const after = (marker: string, pattern: RegExp) => {
    let sum = 0;
    for (let at = log.indexOf(marker); at >= 0; at = log.indexOf(marker, at + 1)) sum += seconds(pattern.exec(log.slice(at))?.[1]);
    return sum;
  };
  const sync = after("Collecting build info", /\[build\] ✓ Completed in ((?:\d+m )?[\d.]+m?s)/);
  const render = after("generating static routes", /^\d\d:\d\d:\d\d ✓ Completed in ((?:\d+m )?[\d.]+m?s)/m);
  // The entrypoints' figure includes the rendering that follows it.
  const compile = after("Building static entrypoints", /\[build\] ✓ Completed in ((?:\d+m )?[\d.]+m?s)/) - render;
  /** build.ts's "build: NAME done in X s" lines ("astro (shard 2/4)" counts as astro), summed. */
  const stepSeconds = (name: string) =>
    [...log.matchAll(new RegExp(`^build: ${name}(?: \\([^)]*\\))?(?: of \\d+ pages)? done in ([\\d.]+) s$`, "gm"))].reduce((sum, m) => sum + Number(m[1]), 0);
  const merge = Number(/^build: merged \d+ shards .* in ([\d.]+) s$/m.exec(log)?.[1] ?? 0);
  return { sync, render, compile, astro: stepSeconds("astro"), pagefind: stepSeconds("pagefind"), sitemap: stepSeconds("sitemap"), merge };
}
/**
 * Each Astro run of a build (one, or one per shard built), with its own split: the log up to a run's
 * "build: astro … done in" line is that run's (a shard's output is printed in one piece when it ends).
 */
function astroRuns(log: string): string[] {
  const runs: string[] = [];
  let from = 0;
  for (const m of log.matchAll(/^build: (astro(?: \([^)]*\))?) done in ([\d.]+) s$/gm)) {
    const t = timesOf(log.slice(from, m.index));
    runs.push(`${m[1]} ${m[2]} s (sync ${t.sync.toFixed(1)}, MDX + bundle ${t.compile.toFixed(1)}, render ${t.render.toFixed(1)})`);
    from = m.index + m[0].length;
  }
  return runs;
}
const log = build.stdout.replace(/\x1b\[[0-9;]*m/g, "");
const { sync, render, compile, astro, pagefind, sitemap, merge } = timesOf(log);
// How the build split itself (asked with --shards, or unasked past LISTS_PER_SHARD lists): its own line.
const split = /^build: \d+ lists in (\d+) shards, (\d+) at a time/m.exec(log);
const inShards = split ? `${split[1]} shards, ${split[2]} at a time` : "";
const indexParts = Number(/^build: pagefind \(\d+ pages in (\d+) parts/m.exec(log)?.[1] ?? 1);

const all = listFiles(out);
const pages = all.filter((f) => f.endsWith(".html"));
const taskPages = pages.filter((f) => /^[^/]+\/tasks\/\d+\/index\.html$/.test(f)).length;
const size = (files: string[], dir = out) => files.reduce((s, f) => s + statSync(join(dir, f)).size, 0);
const distBytes = size(all);
const indexBytes = size(all.filter((f) => f.startsWith("pagefind/")));

const server = await serveStatic(out);
const other = await serveStatic(out, { port: otherPort, headers: { "Access-Control-Allow-Origin": "*" } });
const browser = await launchChromium();
const QUERIES = ["小巨人", "奖补", "人才", "融资", "数字化"];
const cold: number[] = [];
const warm: number[] = [];
const mergedCold: number[] = [];
const mergedWarm: number[] = [];
for (let i = 0; i < 5; i++) {
  const queries = [QUERIES[i]!, ...QUERIES.filter((_, k) => k !== i)];
  // Local: the other site's requests fail at once, so this site's index answers alone.
  const [first, ...rest] = await timeQueries(browser, server.url, queries, { block: otherSite });
  cold.push(first!.ms);
  warm.push(...rest.map((r) => r.ms));
  const [mFirst, ...mRest] = await timeQueries(browser, server.url, queries, { merged: true });
  mergedCold.push(mFirst!.mergedMs!);
  mergedWarm.push(...mRest.map((r) => r.mergedMs!));
}
// Precision and recall of the same queries against the oracle (every indexed page's text read from the index's
// fragments: bench/search-oracle.ts), with exact counts.
const oracle = await compareWithOracle(browser, server.url, out, QUERIES, siteSynonyms(out));
await browser.close();
await server.close();
await other.close();

// One list changed: a measure of one generated .txt list reworded, that list ingested again into the same content
// folder and the site rebuilt into the same folder with the same caches (incremental: kept shards, copied pages
// and search-index parts), as a web team does after replacing one file of seeds/.
const changedFile = files.find((f) => f.endsWith(".txt") && !f.endsWith("luan-zjtx-2022.txt") && readFileSync(f, "utf8").includes("推动"));
if (!changedFile) throw new Error("bench:scale: no generated .txt list holds 推动 to reword");
writeFileSync(changedFile, readFileSync(changedFile, "utf8").replace("推动", "推进"));
const changedIngest = await step(["scripts/ingest.ts", changedFile, "--out", content]);
const rebuild = await step(buildArgs, buildEnv);
const rebuildLog = rebuild.stdout.replace(/\x1b\[[0-9;]*m/g, "");
const rendered = rebuildLog.split("\n").filter((l) => /├─ \S+ \(\+[\d.]+m?s\)\s*$/.test(l)).length;
const copied = rebuildLog.split("\n").filter((l) => /├─ \S+ \((?:cached|restored)\)\s*$/.test(l)).length;
const keptShards = /^build: (\d+ of \d+) shards unchanged/m.exec(rebuildLog)?.[1];
const copiedParts = /(\d+) unchanged and copied/.exec(rebuildLog)?.[1] ?? "0";
const rebuildTimes = timesOf(rebuildLog);
/** The rendered pages by their first folder ("units", a list's id…), the most first. */
const renderedBy = new Map<string, number>();
for (const m of rebuildLog.matchAll(/├─ \/([^/\s]+)\S* \(\+[\d.]+m?s\)\s*$/gm)) renderedBy.set(m[1]!, (renderedBy.get(m[1]!) ?? 0) + 1);

const s = (x: number) => `${x.toFixed(2)} s`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const total = ingest.ms / 1000 + astro + merge + sitemap + pagefind;
const share = (x: number) => `${((x / total) * 100).toFixed(0)}%`;
const c = summarize(cold);
const w = summarize(warm);
console.log(`scale benchmark: ${n} documents${inShards ? ` in ${inShards}` : ", one build"}, ${taskPages} task pages, ${pages.length} HTML pages (one run each step)`);
console.log(`  ingest                    ${s(ingest.ms / 1000)}  ${share(ingest.ms / 1000)}`);
console.log(`  astro build               ${s(astro)}  ${share(astro)}`);
console.log(`    content sync + types    ${s(sync)}`);
console.log(`    MDX compile + bundle    ${s(compile)}`);
console.log(`    rendering pages         ${s(render)}`);
if (split) console.log(`    each Astro run          ${astroRuns(log).join("; ")}`);
if (split) console.log(`  merge of ${split[1]} shards       ${s(merge)}  ${share(merge)}`);
console.log(`  sitemap                   ${s(sitemap)}  ${share(sitemap)}`);
console.log(`  pagefind                  ${s(pagefind)}  ${share(pagefind)}`);
console.log(`  wall clock                ${s((ingest.ms + build.ms) / 1000)} (ingest + build${split ? `, shards ${split[2]} at a time` : ""})`);
console.log(`  steps summed              ${s(total)}; ${((total * 1000) / pages.length).toFixed(1)} ms per page, ${((total * 1000) / taskPages).toFixed(1)} ms per task page`);
console.log(`  dist/                     ${mb(distBytes)} in ${all.length} files; search index (pagefind/) ${mb(indexBytes)} in ${indexParts} part${indexParts === 1 ? "" : "s"}`);
console.log(`  search, cold              ${c.median.toFixed(0)} ms (min ${c.min.toFixed(0)}, max ${c.max.toFixed(0)}, ${c.runs} runs)`);
console.log(`  search, warm              ${w.median.toFixed(0)} ms (min ${w.min.toFixed(0)}, max ${w.max.toFixed(0)}, ${w.runs} queries)`);
const mc = summarize(mergedCold);
const mw = summarize(mergedWarm);
console.log(`  merged search, cold       ${mc.median.toFixed(0)} ms (min ${mc.min.toFixed(0)}, max ${mc.max.toFixed(0)}, ${mc.runs} runs; this site + the same build on another origin)`);
console.log(`  merged search, warm       ${mw.median.toFixed(0)} ms (min ${mw.min.toFixed(0)}, max ${mw.max.toFixed(0)}, ${mw.runs} queries)`);
const pooled = (k: "found" | "expected") => oracle.reduce((n, a) => n + a[k].length, 0);
const relevant = oracle.reduce((n, a) => {
  const held = new Set(a.expected);
  return n + a.found.filter((id) => held.has(id)).length;
}, 0);
console.log(`  search precision, recall  ${(relevant / Math.max(1, pooled("found"))).toFixed(3)}, ${(relevant / Math.max(1, pooled("expected"))).toFixed(3)} (pooled over ${oracle.map((a) => `${a.query} ${a.found.length}/${a.expected.length}`).join(", ")}: found/held)`);
// The heaviest HTML page: a unit named in every list must not grow without bound (goal: ≤ 150 KB gzip).
const weights = pages.map((p) => {
  const raw = readFileSync(join(out, p));
  return { page: p, raw: raw.length, gzip: gzipSync(raw).length };
});
const largest = weights.reduce((a, b) => (b.gzip > a.gzip ? b : a));
const heaviest = weights.reduce((a, b) => (b.raw > a.raw ? b : a));
const met = (ok: boolean) => (ok ? "met" : "NOT met");
console.log(`  largest HTML page         ${heaviest.page}: ${(heaviest.raw / 1024).toFixed(0)} KB (goal ≤ 1 MB: ${met(heaviest.raw <= 1024 * 1024)}); pages over 1 MB: ${weights.filter((w) => w.raw > 1024 * 1024).length}`);
console.log(`  largest gzip              ${largest.page}: ${(largest.gzip / 1024).toFixed(1)} KB gzip (goal ≤ 150 KB gzip: ${met(largest.gzip <= 150 * 1024)})`);
const mbOr = (x: number | undefined, why: string) => (x === undefined ? `unknown (${why})` : `${x.toFixed(0)} MB`);
console.log(`  peak memory (build)       ${mbOr(build.treeRssMb, "no /proc")} all its processes together; largest process ${mbOr(build.maxRssMb, "no /usr/bin/time")}`);
const processMb = (p: { label: string; peakMb: number }) => `${p.label} ${p.peakMb.toFixed(0)} MB`;
console.log(`  largest build processes   ${build.processes.slice(0, 3).map(processMb).join("; ")}`);
// Pagefind's own process (one per part of the index): the largest of them.
const pagefindProcess = build.processes.find((p) => p.label.startsWith("pagefind"));
if (pagefindProcess) console.log(`  largest Pagefind process  ${processMb(pagefindProcess)} (${indexParts} part${indexParts === 1 ? "" : "s"})`);
console.log(`  peak memory (ingest)      ${mbOr(ingest.treeRssMb, "no /proc")}; V8 heap limit ${MEMORY_LIMIT_MB} MB a process`);
console.log(`  one list changed          ${s((changedIngest.ms + rebuild.ms) / 1000)}`);
console.log(`    (ingest of that list ${s(changedIngest.ms / 1000)}, rebuild ${s(rebuild.ms / 1000)}: ${rendered} pages rendered, ${copied} copied${keptShards ? `, ${keptShards} shards kept` : ""}, ${copiedParts} search-index parts copied; peak ${mbOr(rebuild.treeRssMb, "no /proc")})`);
console.log(`    rebuild's steps: ${[...astroRuns(rebuildLog), ...(rebuildTimes.merge ? [`merge ${rebuildTimes.merge.toFixed(2)} s`] : []), `pagefind ${rebuildTimes.pagefind.toFixed(2)} s`].join("; ")}`);
console.log(`    rebuild's rendered pages by folder: ${[...renderedBy].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([f, k]) => `${f} ${k}`).join(", ")}`);
// --keep DIR: the built site is moved there (e.g. to time another step on it) instead of deleted.
if (values.keep) {
  rmSync(resolve(values.keep), { recursive: true, force: true });
  try {
    renameSync(out, resolve(values.keep));
  } catch {
    cpSync(out, resolve(values.keep), { recursive: true }); // another file system
  }
}
rmSync(work, { recursive: true, force: true });

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}
