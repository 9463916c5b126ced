// Full site build: ingest (seeds/ → content/) → astro build → pagefind index, into one output folder.
//   npm run build                                   → dist/
//   node scripts/build.ts --out DIR [--base /zjtx/] [--site URL] [--skip-ingest] [--content DIR]
// --content builds from another ingest's output (default content/; with it, ingest yourself and pass --skip-ingest).
// Every step runs on this Node (process.execPath), so `npm run build` uses the project's Node 24.
// SEARCH_SITES (or searchSites in src/site/config.ts) names other sites the search page merges: it is checked
// before anything is built, reaches Astro through the environment, and the build ends by printing the
// Content-Security-Policy this site then needs (README, "Many sites searched as one").
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { contentSecurityPolicy, searchSitesOf } from "../src/site/config.ts";
import type { SearchSite } from "../src/site/config.ts";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    out: { type: "string", default: "dist" },
    base: { type: "string" },
    site: { type: "string" },
    "skip-ingest": { type: "boolean", default: false },
    content: { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});

const outDir = resolve(root, values.out ?? "dist");
const env: NodeJS.ProcessEnv = { ...process.env, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: "1" };
if (values.base !== undefined) env["BASE_PATH"] = values.base;
if (values.site !== undefined) env["SITE_URL"] = values.site;
if (values.content !== undefined) env["CONTENT_DIR"] = resolve(root, values.content);

let searchSites: SearchSite[];
try {
  searchSites = searchSitesOf(undefined, env);
} catch (error) {
  console.error((error as Error).message.replace(/^/gm, "build: "));
  process.exit(1);
}

function step(name: string, script: string, args: string[]): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, [resolve(root, script), ...args], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`build: ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`build: ${name} done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

/** Whether a process of this machine is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Astro writes and then reads .astro/content-modules.mjs in the project folder whatever OUT_DIR and the cache
// are, so two builds of one checkout at once (test files, a bench, a person) could render each other's
// content. One Astro build at a time: a lock folder holding the owner's pid; a dead owner's lock is taken over.
const lock = resolve(root, "node_modules/.cache/astro-build.lock");
function withAstroLock(run: () => void): void {
  mkdirSync(resolve(lock, ".."), { recursive: true });
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      let owner: number | undefined;
      try {
        owner = Number(readFileSync(resolve(lock, "pid"), "utf8"));
      } catch {
        // Not written yet (the owner is between two calls), or the lock has just gone.
      }
      if (owner !== undefined && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(nap, 0, 0, 200);
    }
  }
  writeFileSync(resolve(lock, "pid"), String(process.pid));
  const release = () => rmSync(lock, { recursive: true, force: true });
  process.once("exit", release);
  run();
  release();
  process.off("exit", release);
}

if (!values["skip-ingest"]) step("ingest", "scripts/ingest.ts", []);
withAstroLock(() => step("astro", "node_modules/astro/bin/astro.mjs", values.verbose ? ["build"] : ["build", "--silent"]));
// The extended Pagefind binary segments Chinese; the language comes from <html lang="zh-CN">.
step("pagefind", "node_modules/pagefind/lib/runner/bin.cjs", ["--site", outDir, "--quiet"]);

if (searchSites.length) {
  const siteUrl = env["SITE_URL"]?.trim();
  const origin = siteUrl && URL.canParse(siteUrl) ? new URL(siteUrl).origin : "<this site's origin>";
  console.log(`build: search merges ${searchSites.map((s) => `${s.name} (${s.url})`).join(", ")}`);
  console.log(`build: Content-Security-Policy for SEARCH_SITES: ${contentSecurityPolicy(searchSites)}`);
  console.log(`build: each of those sites sends on its pagefind/ files: Access-Control-Allow-Origin: ${origin}`);
  if (origin.startsWith("https:")) {
    const plain = searchSites.filter((s) => s.url.startsWith("http:"));
    if (plain.length) console.log(`build: warning: an https page cannot fetch http:// addresses (mixed content): ${plain.map((s) => s.name).join(", ")}`);
  }
}
