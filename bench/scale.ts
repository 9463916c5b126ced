// Scale benchmark: N generated documents (bench/corpus.ts) ingested and built into a temporary folder. Prints
// where the time goes (ingest, Astro's content sync, MDX compile + bundle, rendering, Pagefind), time per page,
// dist/ and search index size, cold search latency and peak memory.
//   npm run bench:scale -- 100        (the bundled document is always one of the N)
// One run per figure (a 100-document build takes minutes); run it for two sizes to see how time grows.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { parseDocument } from "../src/ingest/parse.ts";
import { launchChromium } from "../test/e2e/support/browser.ts";
import { listFiles } from "../test/e2e/support/dist.ts";
import { serveStatic } from "../test/e2e/support/static-server.ts";
import { generateCorpus } from "./corpus.ts";
import { timeQueries } from "./search-timing.ts";
import { summarize } from "./stats.ts";

const root = resolve(import.meta.dirname, "..");
const n = Number(process.argv[2] ?? 100);
if (!Number.isInteger(n) || n < 1) throw new Error(`usage: npm run bench:scale -- N (a whole number of documents); got ${process.argv[2]}`);
const TIME = "/usr/bin/time";
const MEMORY_LIMIT_MB = 4096;

const work = mkdtempSync(join(tmpdir(), `bench-scale-${n}-`));
const seeds = join(work, "seeds");
const content = join(work, "content");
const out = join(work, "dist");
mkdirSync(seeds);

const bundled = parseDocument(readFileSync(join(root, "seeds/luan-zjtx-2022.txt")), { id: "luan-zjtx-2022", file: "luan-zjtx-2022.txt" });
if (!bundled.ok) throw new Error("the bundled document does not parse");
const corpus = generateCorpus(bundled.document, n - 1);
writeFileSync(join(seeds, "luan-zjtx-2022.txt"), readFileSync(join(root, "seeds/luan-zjtx-2022.txt")));
for (const doc of corpus) writeFileSync(join(seeds, `${doc.name}.txt`), doc.text);
const files = [join(seeds, "luan-zjtx-2022.txt"), ...corpus.map((d) => join(seeds, `${d.name}.txt`))];

interface Step {
  ms: number;
  maxRssMb?: number;
  stdout: string;
}

/** Runs a Node script; under GNU time when it is installed, for the peak memory of the largest process. */
function step(args: string[], env: NodeJS.ProcessEnv = {}): Step {
  const timed = existsSync(TIME);
  const command = timed ? TIME : process.execPath;
  const argv = timed ? ["-v", process.execPath, ...args] : args;
  const t0 = performance.now();
  const result = spawnSync(command, argv, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
  return { ms, maxRssMb: rss ? Number(rss) / 1024 : undefined, stdout: result.stdout };
}

console.error(`bench:scale: ${n} documents in ${work}`);
const ingest = step(["scripts/ingest.ts", ...files, "--out", content]);
const build = step(["scripts/build.ts", "--out", out, "--content", content, "--skip-ingest", "--verbose"], {
  ASTRO_CACHE_DIR: join(work, "cache"),
  NODE_OPTIONS: `${process.env["NODE_OPTIONS"] ?? ""} --max-old-space-size=${MEMORY_LIMIT_MB}`.trim(),
});

// Astro's own log: "Collecting build info… ✓ Completed in" (content sync, types), "Building static
// entrypoints… ✓ Completed in" (MDX compile and bundle, and the rendering inside it), the routes' "✓ Completed
// in" (rendering).
const log = build.stdout.replace(/\x1b\[[0-9;]*m/g, "");
/** Astro's durations: "390ms", "4.54s", "1m 19s". */
function seconds(s: string | undefined): number {
  const m = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(s ?? "");
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60 + Number(m[2]) / (m[3] === "ms" ? 1000 : 1);
}
const after = (marker: string, pattern: RegExp) => {
  const at = log.indexOf(marker);
  return at < 0 ? undefined : pattern.exec(log.slice(at))?.[1];
};
const sync = seconds(after("Collecting build info", /\[build\] ✓ Completed in ((?:\d+m )?[\d.]+m?s)/));
const render = seconds(after("generating static routes", /^\d\d:\d\d:\d\d ✓ Completed in ((?:\d+m )?[\d.]+m?s)/m));
// The entrypoints' figure includes the rendering that follows it.
const compile = seconds(after("Building static entrypoints", /\[build\] ✓ Completed in ((?:\d+m )?[\d.]+m?s)/)) - render;
const stepSeconds = (name: string) => Number(new RegExp(`^build: ${name} done in ([\\d.]+) s$`, "m").exec(log)?.[1]);
const astro = stepSeconds("astro");
const pagefind = stepSeconds("pagefind");

const all = listFiles(out);
const pages = all.filter((f) => f.endsWith(".html"));
const taskPages = pages.filter((f) => /^[^/]+\/tasks\/\d+\/index\.html$/.test(f)).length;
const size = (files: string[], dir = out) => files.reduce((s, f) => s + statSync(join(dir, f)).size, 0);
const distBytes = size(all);
const indexBytes = size(all.filter((f) => f.startsWith("pagefind/")));

const server = await serveStatic(out);
const browser = await launchChromium();
const QUERIES = ["小巨人", "奖补", "人才", "融资", "数字化"];
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < 5; i++) {
  const [first, ...rest] = await timeQueries(browser, server.url, [QUERIES[i]!, ...QUERIES.filter((_, k) => k !== i)]);
  cold.push(first!.ms);
  warm.push(...rest.map((r) => r.ms));
}
await browser.close();
await server.close();

const s = (x: number) => `${x.toFixed(2)} s`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const total = ingest.ms / 1000 + astro + pagefind;
const share = (x: number) => `${((x / total) * 100).toFixed(0)}%`;
const c = summarize(cold);
const w = summarize(warm);
console.log(`scale benchmark: ${n} documents, ${taskPages} task pages, ${pages.length} HTML pages (one run each step)`);
console.log(`  ingest                    ${s(ingest.ms / 1000)}  ${share(ingest.ms / 1000)}`);
console.log(`  astro build               ${s(astro)}  ${share(astro)}`);
console.log(`    content sync + types    ${s(sync)}`);
console.log(`    MDX compile + bundle    ${s(compile)}`);
console.log(`    rendering pages         ${s(render)}`);
console.log(`  pagefind                  ${s(pagefind)}  ${share(pagefind)}`);
console.log(`  total                     ${s(total)}; ${((total * 1000) / pages.length).toFixed(1)} ms per page, ${((total * 1000) / taskPages).toFixed(1)} ms per task page`);
console.log(`  dist/                     ${mb(distBytes)} in ${all.length} files; search index (pagefind/) ${mb(indexBytes)}`);
console.log(`  search, cold              ${c.median.toFixed(0)} ms (min ${c.min.toFixed(0)}, max ${c.max.toFixed(0)}, ${c.runs} runs)`);
console.log(`  search, warm              ${w.median.toFixed(0)} ms (min ${w.min.toFixed(0)}, max ${w.max.toFixed(0)}, ${w.runs} queries)`);
// The heaviest HTML page: a unit named in every list must not grow without bound (goal: ≤ 150 KB gzip).
const weights = pages.map((p) => {
  const raw = readFileSync(join(out, p));
  return { page: p, raw: raw.length, gzip: gzipSync(raw).length };
});
const largest = weights.reduce((a, b) => (b.gzip > a.gzip ? b : a));
console.log(`  largest HTML page         ${largest.page}: ${(largest.raw / 1024).toFixed(0)} KB, ${(largest.gzip / 1024).toFixed(1)} KB gzip (goal ≤ 150 KB gzip: ${largest.gzip <= 150 * 1024 ? "met" : "NOT met"})`);
const peak = build.maxRssMb === undefined ? "unknown (no /usr/bin/time)" : `${build.maxRssMb.toFixed(0)} MB`;
console.log(`  peak memory (build)       ${peak}; ingest ${ingest.maxRssMb?.toFixed(0) ?? "?"} MB; limit ${MEMORY_LIMIT_MB} MB`);
rmSync(work, { recursive: true, force: true });
