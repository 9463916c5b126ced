// Full site build: ingest (seeds/ → content/) → astro build → sitemap → search index (Pagefind), into one folder.
//   npm run build                                   → dist/
//   node scripts/build.ts --out DIR [--base /zjtx/] [--site URL] [--skip-ingest] [--content DIR]
// --content builds from another ingest's output (default content/; with it, ingest yourself and pass --skip-ingest).
// Sharded (src/site/shard.ts; README, "Building in shards"): the pages split into K groups, each rendered by its
// own Astro process, merged into one folder, then the sitemap and the search index are made once over it:
//   --shards K [--jobs J]           all K shards on this machine, J at a time (default 1), merged into --out
//   (none of these, past LISTS_PER_SHARD lists: as --shards with K from src/site/shard.ts, --jobs or two at a time)
//   --shard I/K --out DIR           shard I only, into DIR (no sitemap, no search index); on any machine
//   --merge DIR… --out DIR          the K shard folders → one site: sitemap and search index
// The result is the same bytes as an unsharded build of the same lists (test/e2e/shards.test.ts).
// Every step runs on this Node (process.execPath), so `npm run build` uses the project's Node 24.
// SEARCH_SITES (or searchSites in src/site/config.ts) names other sites the search page merges: it is checked
// before anything is built, reaches Astro through the environment, and the build ends by printing the
// Content-Security-Policy this site then needs (README, "Many sites searched as one").
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { NO_SITE_URL_WARNING, normaliseBase, siteUrlOf } from "../src/site/address.ts";
import { contentSecurityPolicy, searchSitesOf } from "../src/site/config.ts";
import type { SearchSite } from "../src/site/config.ts";
import { parseSynonyms, SYNONYMS_FILE } from "../src/site/synonyms.ts";
import { autoShardCount, libraryInShard, LISTS_PER_SHARD, parseShard } from "../src/site/shard.ts";
import type { Shard } from "../src/site/shard.ts";
import { siteFiles } from "./checksums.ts";
import { buildDay } from "../src/site/build-date.ts";
import { countSetting } from "./settings.ts";
import { listIds } from "../src/site/content-files.ts";
import { builtFrom, checkShards, codeDigest, INPUTS, keepListShardFiles, listsOf, mergeShards, shardInputs, writeManifest } from "./shards.ts";
import type { ShardSettings } from "./shards.ts";
import { partPagesOf, writeSearchIndex } from "./search-index.ts";
import { writeSitemap } from "./sitemap.ts";

const root = resolve(import.meta.dirname, "..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string", default: "dist" },
    base: { type: "string" },
    site: { type: "string" },
    "skip-ingest": { type: "boolean", default: false },
    content: { type: "string" },
    verbose: { type: "boolean", default: false },
    shard: { type: "string" },
    shards: { type: "string" },
    merge: { type: "boolean", default: false },
    jobs: { type: "string" },
  },
});

/** Prints "build: message" lines and stops with exit 1: no stack trace for a mistake in the command. */
function fail(message: string): never {
  console.error(message.replace(/^/gm, "build: "));
  process.exit(1);
}

const outDir = resolve(root, values.out ?? "dist");
const env: NodeJS.ProcessEnv = { ...process.env, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: "1" };
if (values.base !== undefined) env["BASE_PATH"] = values.base;
if (values.site !== undefined) env["SITE_URL"] = values.site;
if (!siteUrlOf(env)) console.log(`build: ${NO_SITE_URL_WARNING}`);
// Absolute, as Astro resolves the collections' folder from its root, which a shard moves (ASTRO_ROOT).
env["CONTENT_DIR"] = resolve(root, values.content ?? env["CONTENT_DIR"] ?? "content");

let searchSites: SearchSite[];
let partPages: number;
let listsPerShard: number;
let shard: Shard | undefined;
let shardCount: number | undefined;
try {
  searchSites = searchSitesOf(undefined, env);
  // The search page's synonym table: a mistake is reported at its line before anything is built.
  const synonyms = parseSynonyms(SYNONYMS_FILE, readFileSync(resolve(root, SYNONYMS_FILE), "utf8"));
  if (!synonyms.ok) throw new Error(synonyms.problems.join("\n"));
  partPages = partPagesOf(env["SEARCH_INDEX_PAGES"]);
  listsPerShard = countSetting("LISTS_PER_SHARD", env["LISTS_PER_SHARD"], LISTS_PER_SHARD, "lists");
  const modes = [values.shard !== undefined, values.shards !== undefined, values.merge].filter(Boolean).length;
  if (modes > 1) throw new Error("--shard, --shards and --merge: one at a time");
  if (values.merge && (values.base !== undefined || values.site !== undefined || values.content !== undefined)) {
    throw new Error("--merge: the sub-path, origin and content are the shards' own (give them when building the shards); drop --base, --site and --content");
  }
  if (positionals.length && !values.merge) throw new Error(`unexpected argument ${positionals[0]}; only --merge takes folders`);
  if (values.shard !== undefined) shard = parseShard(values.shard, "--shard");
  if (values.shards !== undefined) shardCount = parseShard(`1/${values.shards}`, "--shards").count;
  if (values.jobs !== undefined && !/^[1-9]\d*$/.test(values.jobs)) throw new Error(`--jobs: "${values.jobs}" is not a number of shards to build at once`);
  if (values.jobs !== undefined && (values.shard !== undefined || values.merge)) throw new Error("--jobs: shards built at once on this machine; not with --shard or --merge");
} catch (error) {
  fail((error as Error).message);
}

/** "12.34 s" since `started` (performance.now()), for the "done in" lines bench:scale reads. */
const since = (started: number) => `${((performance.now() - started) / 1000).toFixed(2)} s`;

function step(name: string, script: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, [resolve(root, script), ...args], { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  if (result.status !== 0) fail(`${name} failed (exit ${result.status ?? result.signal})`);
  console.log(`build: ${name} done in ${since(started)}`);
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

/**
 * Writes the library index the shards read (scripts/shards.ts prepare, in a process of its own) and returns what
 * every shard of this build records, so a merge can refuse shards of another build.
 */
function prepareShards(libraryIndex: string): ShardSettings {
  mkdirSync(dirname(libraryIndex), { recursive: true });
  const result = spawnSync(process.execPath, [resolve(root, "scripts/shards.ts"), "prepare", contentDir(), libraryIndex], { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) fail(`reading ${relative(root, contentDir())} for the shards failed:\n${result.stderr.trim()}`);
  return {
    base: normaliseBase(env["BASE_PATH"]),
    site: env["SITE_URL"]?.trim() ?? "",
    searchSites: searchSites.map((s) => `${s.name}=${s.url}`).join(","),
    content: result.stdout.trim(),
  };
}

const astroArgs = () => (values.verbose ? ["build"] : ["build", "--silent"]);

const contentDir = () => env["CONTENT_DIR"]!;

/** A shard's own environment: which pages it renders, the library index, and a content cache of its own. */
function shardEnv(dir: string, part: Shard, libraryIndex: string): NodeJS.ProcessEnv {
  const cache = resolve(env["ASTRO_CACHE_DIR"] ?? resolve(root, "node_modules/.astro"), `shard-${part.index}-of-${part.count}`);
  return { OUT_DIR: dir, SHARD: `${part.index}/${part.count}`, ASTRO_CACHE_DIR: cache, LIBRARY_INDEX: libraryIndex };
}

/** Astro into `dir`: the whole site, or one shard's pages. One at a time in the project's own root (the lock). */
function astro(dir: string, part?: Shard, libraryIndex?: string): void {
  const label = part ? `astro (shard ${part.index}/${part.count})` : "astro";
  withAstroLock(() => step(label, "node_modules/astro/bin/astro.mjs", astroArgs(), part ? shardEnv(dir, part, libraryIndex!) : { OUT_DIR: dir }));
  if (part) keepOwn(dir, part);
}

/** A list shard's folder keeps only its own lists' files (scripts/shards.ts, keepListShardFiles). */
function keepOwn(dir: string, part: Shard): void {
  if (libraryInShard(part)) return;
  const ids = listsOf(contentDir(), part);
  const removed = keepListShardFiles(dir, ids, siteFiles(resolve(root, "public")));
  console.log(`build: shard ${part.index}/${part.count} holds ${ids.length} lists' pages (${removed} files of the library's pages left to shard 1)`);
}

/** A short digest naming this build's own folders (its output folder's path): two builds at once never share them. */
const buildName = createHash("sha256").update(outDir).digest("hex").slice(0, 12);

/**
 * Astro for one shard of `--shards`, alongside others: each in a root of its own (ASTRO_ROOT, .astro-roots/NAME-I-K/,
 * removed after), so none waits for the lock. The root's name and the shard's cache folder stay the same from one
 * build into this output folder to the next, so the incremental cache (pages whose cacheKey is unchanged) holds.
 * Its output is printed in one piece when it ends, not interleaved.
 */
function astroAlongside(dir: string, part: Shard, libraryIndex: string): Promise<void> {
  const label = `astro (shard ${part.index}/${part.count})`;
  const name = `${buildName}-${part.index}-of-${part.count}`;
  const astroRoot = resolve(root, ".astro-roots", name);
  rmSync(astroRoot, { recursive: true, force: true });
  mkdirSync(astroRoot, { recursive: true });
  const started = performance.now();
  // Run from the root too: Astro puts its server build for prerendering in the working folder's .astro/ when the
  // output folder is outside it, which would be shared by every shard.
  // (Astro joins --config to the root, so it is given relative to it.)
  const args = [...astroArgs(), "--root", astroRoot, "--config", relative(astroRoot, resolve(root, "astro.config.mjs"))];
  // The content cache holds paths relative to the root, whose path is the same each time.
  const cache = resolve(env["ASTRO_CACHE_DIR"] ?? resolve(root, "node_modules/.astro"), `shard-${name}`);
  const child = spawn(process.execPath, [resolve(root, "node_modules/astro/bin/astro.mjs"), ...args], {
    cwd: astroRoot,
    env: { ...env, ...shardEnv(dir, part, libraryIndex), ASTRO_ROOT: astroRoot, ASTRO_CACHE_DIR: cache },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((done) => {
    child.on("close", (code, signal) => {
      rmSync(astroRoot, { recursive: true, force: true });
      process.stdout.write(Buffer.concat(output));
      if (code !== 0) fail(`${label} failed (exit ${code ?? signal})`);
      console.log(`build: ${label} done in ${since(started)}`);
      keepOwn(dir, part);
      done();
    });
  });
}

/**
 * All `count` shards into folders under `parts`, `jobs` at a time; returns the folders in shard order. A shard whose
 * folder was built from the same inputs (scripts/shards.ts, shardInputs: code, settings, library, its lists) is
 * kept as it is; so after one list changed, the library shard and that list's shard are built again.
 */
async function buildShards(parts: string, count: number, jobs: number): Promise<string[]> {
  const libraryIndex = resolve(parts, "library.json");
  const settings = prepareShards(libraryIndex);
  const code = codeDigest(root);
  const day = buildDay(env);
  const all = Array.from({ length: count }, (_, i) => ({ index: i + 1, count }));
  const dirOf = (part: Shard) => resolve(parts, String(part.index));
  const inputs = new Map(all.map((part) => [part.index, shardInputs(part, { code, settings, libraryIndex, day, contentDir: contentDir() })]));
  const stale = all.filter((part) => !builtFrom(dirOf(part), inputs.get(part.index)!));
  const kept = all.length - stale.length;
  if (kept) console.log(`build: ${kept} of ${count} shards unchanged since their last build, kept: ${all.filter((p) => !stale.includes(p)).map((p) => `${p.index}/${count}`).join(", ")}`);
  // A shard's stamp goes before it is built, so a build stopped half-way never passes for a finished one.
  for (const part of stale) rmSync(resolve(dirOf(part), INPUTS), { force: true });
  if (jobs === 1) {
    for (const part of stale) astro(dirOf(part), part, libraryIndex);
  } else {
    // The library shard holds every list's model (3.3 GB at a thousand lists, beside a list shard's 2.4 GB:
    // bench:scale), so it runs alone; then the list shards, `jobs` at a time.
    const queue = [...stale];
    if (queue[0]?.index === 1) await astroAlongside(dirOf(queue[0]), queue.shift()!, libraryIndex);
    const worker = async () => {
      for (let part = queue.shift(); part; part = queue.shift()) await astroAlongside(dirOf(part), part, libraryIndex);
    };
    await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, worker));
  }
  for (const part of all) {
    writeManifest(dirOf(part), part, settings);
    writeFileSync(resolve(dirOf(part), INPUTS), inputs.get(part.index)!);
  }
  return all.map(dirOf);
}

/** The steps over a whole site's folder: the sitemap, then the search index. */
async function finish(dir: string): Promise<void> {
  const started = performance.now();
  const site = siteUrlOf(env);
  if (site) {
    const pages = await writeSitemap(dir, site, normaliseBase(env["BASE_PATH"]));
    console.log(`build: sitemap of ${pages} pages done in ${since(started)}`);
  } else console.log(`build: no sitemap: SITE_URL is not set`);
  // The extended Pagefind binary segments Chinese; the language comes from <html lang="zh-CN">. (In this process:
  // a process of its own for it measured 112 MB more at a thousand lists, when Pagefind's one part held 5.8 GB.)
  const indexing = performance.now();
  // The parts of the index kept for the next build into this output folder (only its unchanged parts are reused).
  const cache = resolve(env["ASTRO_CACHE_DIR"] ?? resolve(root, "node_modules/.astro"), `search-${buildName}`);
  const { pages: offered, parts, reused } = await writeSearchIndex(dir, partPages, cache);
  const inParts = parts === 1 ? "" : ` in ${parts} parts of about ${partPages}${reused ? `, ${reused} unchanged and copied` : ""}`;
  console.log(`build: pagefind (${offered} pages${inParts}) done in ${since(indexing)}`);
}

/** Merges shard folders into outDir through a folder beside it, so a failed merge leaves no half-made site. */
async function merge(dirs: string[], link = false): Promise<void> {
  const inside = dirs.find((d) => d === outDir || d.startsWith(outDir + sep) || outDir.startsWith(d + sep));
  if (inside) fail(`--merge: ${relative(root, inside) || inside} and --out ${relative(root, outDir)} overlap; merge into another folder`);
  let folders: ReturnType<typeof checkShards>;
  try {
    folders = checkShards(dirs);
    // The site is the shards' own: their sub-path, origin and other sites, whatever this command's environment says.
    const { base, site, searchSites: sites } = folders[0]!.settings;
    Object.assign(env, { BASE_PATH: base, SITE_URL: site, SEARCH_SITES: sites });
    searchSites = searchSitesOf(undefined, env);
  } catch (error) {
    fail((error as Error).message);
  }
  const partial = `${outDir}.merging-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  // Whatever fails from here ends this process (fail()), and the half-merged folder goes with it.
  const discard = () => rmSync(partial, { recursive: true, force: true });
  process.once("exit", discard);
  try {
    const started = performance.now();
    const { copied, shared } = mergeShards(folders, partial, link);
    console.log(`build: merged ${folders.length} shards (${copied} files, ${shared} written by more than one shard and the same) in ${since(started)}`);
    await finish(partial);
  } catch (error) {
    fail((error as Error).message);
  }
  rmSync(outDir, { recursive: true, force: true });
  renameSync(partial, outDir);
  process.off("exit", discard);
}

if (values.merge) {
  await merge(positionals.map((d) => resolve(d)));
} else {
  if (!values["skip-ingest"]) step("ingest", "scripts/ingest.ts", []);
  if (shard) {
    const libraryIndex = resolve(root, "node_modules/.cache", `library-index-${process.pid}.json`);
    const settings = prepareShards(libraryIndex);
    astro(outDir, shard, libraryIndex);
    rmSync(libraryIndex);
    writeManifest(outDir, shard, settings);
    console.log(`build: shard ${shard.index}/${shard.count} in ${relative(root, outDir)}; merge all ${shard.count} with --merge`);
  } else {
    // A large library is split unasked (src/site/shard.ts): one Astro process would hold every list.
    let lists = 0;
    try {
      lists = listIds(contentDir()).length;
    } catch (error) {
      fail(`${relative(root, contentDir()) || "."}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such folder (run the ingest first)" : (error as Error).message}`);
    }
    const auto = shardCount === undefined ? autoShardCount(lists, listsPerShard) : undefined;
    const count = shardCount ?? auto;
    if (count) {
      // Two at a time unless told: two cores' worth; 4.7 GB at a thousand lists, the library shard alone first (bench:scale).
      const jobs = values.jobs !== undefined ? Number(values.jobs) : auto ? Math.min(2, availableParallelism()) : 1;
      const why = auto ? ` (more than ${listsPerShard} lists; --shards K --jobs J or LISTS_PER_SHARD to choose)` : "";
      console.log(`build: ${lists} lists in ${count} shards, ${jobs} at a time${why}`);
      // The shard folders are this build's own, kept beside the site for the next build: their files are linked
      // into it, not copied.
      const parts = `${outDir}.shards`;
      await merge(await buildShards(parts, count, jobs), true);
    } else {
      astro(outDir);
      try {
        await finish(outDir);
      } catch (error) {
        fail((error as Error).message);
      }
    }
  }
}

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
