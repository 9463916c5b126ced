// A sharded build is the same site as an unsharded one. Six lists (the bundled one, two generated, three in other
// layouts and formats) are built once whole and once as three shards, each by its own process into its own folder
// the way several machines would (--shard I/3), then merged (--merge), and once on one machine two shards at a time
// (--shards 3 --jobs 2), and once unasked (a plain build of more lists than LISTS_PER_SHARD): each result must hold
// the same files, byte for byte, as the unsharded build. A merge that cannot be right (a shard missing or twice, shards of other
// lists, a shared file that differs) is refused with a message naming the folder, and leaves no site behind.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "../../src/ingest/parse.ts";
import { generateCorpus } from "../../bench/corpus.ts";
import { MANIFEST } from "../../scripts/shards.ts";
import { buildSite, ingestInto, runBuild } from "./support/build.ts";
import { listFiles } from "./support/dist.ts";
import { TEST_SITE_URL } from "./support/site.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const K = 3;
const BASE = "/zjtx/";

let work: string;
let content: string;
let whole: string;
let merged: string;
const shardDirs: string[] = [];
let mergeOutput: string;
let together: string;
let unasked: string;
let unaskedOutput: string;
let ids: string[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "shards-"));
  const seeds = join(work, "seeds");
  mkdirSync(seeds);
  const bundledText = readFileSync(join(ROOT, "seeds/luan-zjtx-2022.txt"));
  const bundled = parseDocument(bundledText, { id: "luan-zjtx-2022", file: "luan-zjtx-2022.txt" });
  if (!bundled.ok) throw new Error("the bundled list must parse");
  const files = [join(seeds, "luan-zjtx-2022.txt")];
  writeFileSync(files[0]!, bundledText);
  cpSync(join(ROOT, "seeds/luan-zjtx-2022.settings.json"), join(seeds, "luan-zjtx-2022.settings.json"));
  for (const doc of generateCorpus(bundled.document, 2)) {
    files.push(join(seeds, `${doc.name}.txt`));
    writeFileSync(files.at(-1)!, doc.text);
  }
  for (const fixture of ["layout-c-label-lines/input.txt", "layout-d-parenthesis/input.txt", "format-html-parenthesis/input.html"]) {
    const [name, input] = fixture.split("/") as [string, string];
    files.push(join(seeds, `${name}${input.slice(input.indexOf("."))}`));
    cpSync(join(ROOT, "test/fixtures", fixture), files.at(-1)!);
  }
  content = join(work, "content");
  ingestInto(files, content);
  ids = listFiles(content)
    // The lists' models; content/_site/ holds the library's own files (the plans), not lists.
    .filter((f) => f.endsWith(".json") && !f.startsWith("_site/"))
    .map((f) => f.replace(/\.json$/, ""));

  const common = { content, base: BASE, site: TEST_SITE_URL };
  whole = join(work, "whole");
  buildSite({ ...common, out: whole, cache: join(work, "cache-whole") });
  for (let i = 1; i <= K; i++) {
    const dir = join(work, `shard-${i}`);
    buildSite({ ...common, out: dir, cache: join(work, `cache-${i}`), args: ["--shard", `${i}/${K}`] });
    shardDirs.push(dir);
  }
  merged = join(work, "merged");
  const result = runBuild(["--merge", ...shardDirs, "--out", merged]);
  if (result.status !== 0) throw new Error(`merge failed:\n${result.stdout}\n${result.stderr}`);
  mergeOutput = result.stdout;
  // On one machine: all shards, two at a time, each Astro in a root of its own.
  together = join(work, "together");
  buildSite({ ...common, out: together, cache: join(work, "cache-together"), args: ["--shards", String(K), "--jobs", "2"] });
  // Unasked: a plain build of more lists than LISTS_PER_SHARD splits itself (here 6 lists, 3 a shard: 1 + 2 shards).
  unasked = join(work, "unasked");
  const plain = runBuild(["--skip-ingest", "--content", content, "--base", BASE, "--site", TEST_SITE_URL, "--out", unasked], { ASTRO_CACHE_DIR: join(work, "cache-unasked"), LISTS_PER_SHARD: "3" });
  if (plain.status !== 0) throw new Error(`the unasked split failed:\n${plain.stdout}\n${plain.stderr}`);
  unaskedOutput = plain.stdout;
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The lists whose task pages a build folder holds. */
const listsWithTasks = (dir: string) => [...new Set(listFiles(dir).flatMap((f) => /^([^/]+)\/tasks\/\d+\/index\.html$/.exec(f)?.[1] ?? []))].sort();

describe("a build in shards", () => {
  it("renders each list's pages in exactly one list shard, and every list shard has some", () => {
    expect(ids).toHaveLength(6);
    const [library, ...lists] = shardDirs.map(listsWithTasks);
    expect(library).toEqual([]);
    for (const held of lists) expect(held.length).toBeGreaterThan(0);
    expect(lists.flat().sort()).toEqual(ids);
    expect(listsWithTasks(whole)).toEqual(ids);
  });

  it("leaves the library's pages to shard 1, each list shard holding its own lists' folders and downloads only", () => {
    const top = (dir: string) => [...new Set(listFiles(dir).map((f) => f.split("/")[0]!))].filter((f) => f !== MANIFEST).sort();
    const library = top(shardDirs[0]!);
    expect(library).toEqual(expect.arrayContaining(["index.html", "lists", "units", "support", "search", "404.html", "calendar.ics", "_astro", "downloads"]));
    expect(library.filter((f) => ids.includes(f))).toEqual([]);
    for (const dir of shardDirs.slice(1)) {
      const own = listsWithTasks(dir);
      expect(top(dir)).toEqual(["_astro", "downloads", "favicon.svg", ...own].sort());
      expect(listFiles(join(dir, "downloads")).map((f) => f.replace(/\..*$/, "")).sort()).toEqual(own.flatMap((id) => [id, id, id]).sort());
    }
  });

  it("leaves the sitemap and the search index to the merge", () => {
    for (const dir of shardDirs) {
      expect(existsSync(join(dir, "pagefind"))).toBe(false);
      expect(existsSync(join(dir, "sitemap-index.xml"))).toBe(false);
      expect(JSON.parse(readFileSync(join(dir, MANIFEST), "utf8"))).toMatchObject({ base: BASE, site: TEST_SITE_URL });
    }
    expect(mergeOutput).toMatch(/merged 3 shards \(\d+ files, \d+ written by more than one shard and the same\)/);
  });

  it("merges into the same files as an unsharded build", () => {
    const files = listFiles(whole);
    expect(files.filter((f) => f.startsWith("pagefind/")).length).toBeGreaterThan(20);
    expect(files).toContain("sitemap-0.xml");
    expect(listFiles(merged)).toEqual(files);
  });

  it("byte for byte", () => {
    const differing = listFiles(whole).filter((f) => !readFileSync(join(whole, f)).equals(readFileSync(join(merged, f))));
    expect(differing).toEqual([]);
  });

  it("and so do all shards built on one machine, two at a time, leaving only the shard folders kept for the next build", () => {
    expect(listFiles(together)).toEqual(listFiles(whole));
    const differing = listFiles(whole).filter((f) => !readFileSync(join(whole, f)).equals(readFileSync(join(together, f))));
    expect(differing).toEqual([]);
    // Each shard's folder stays beside the site, stamped with what it was built from (scripts/shards.ts, INPUTS).
    expect(readdirSync(`${together}.shards`).filter((name) => existsSync(join(`${together}.shards`, name, ".shard-inputs"))).length).toBeGreaterThan(1);
    expect(readdirSync(work).filter((name) => name.startsWith("together.merging"))).toEqual([]);
  });

  it("and so does a plain build of more lists than LISTS_PER_SHARD, which splits itself and says so", () => {
    expect(unaskedOutput).toMatch(/^build: 6 lists in 3 shards, [12] at a time \(more than 3 lists; --shards K --jobs J or LISTS_PER_SHARD to choose\)$/m);
    expect(unaskedOutput).toMatch(/^build: merged 3 shards /m);
    expect(listFiles(unasked)).toEqual(listFiles(whole));
    const differing = listFiles(whole).filter((f) => !readFileSync(join(whole, f)).equals(readFileSync(join(unasked, f))));
    expect(differing).toEqual([]);
  });

  it("lists every page but the 404 in the sitemap, under the sub-path", () => {
    const pages = listFiles(whole).filter((f) => f.endsWith("index.html"));
    const sitemap = readFileSync(join(whole, "sitemap-0.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toHaveLength(pages.length);
    expect(locs).toContain(`${TEST_SITE_URL}${BASE}luan-zjtx-2022/tasks/1/`);
    expect(locs.some((l) => l!.includes("404"))).toBe(false);
  });
});

describe("a merge that cannot be right is refused", () => {
  const refused = (args: string[], out: string) => {
    const result = runBuild(["--merge", ...args, "--out", out]);
    expect(result.status).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    return result.stderr;
  };

  it("when a shard is missing", () => {
    expect(refused(shardDirs.slice(0, 2), join(work, "out-missing"))).toMatch(/^build: --merge: shard 3\/3 missing; a merge needs all 3$/m);
  });

  it("when a shard is given twice", () => {
    expect(refused([shardDirs[0]!, shardDirs[0]!, shardDirs[2]!], join(work, "out-twice"))).toContain(`${join(shardDirs[0]!, MANIFEST)}: shard 1/3 again`);
  });

  it("when a folder is not a shard", () => {
    expect(refused([...shardDirs.slice(0, 2), whole], join(work, "out-whole"))).toContain(`${join(whole, MANIFEST)}: missing`);
  });

  it("when a shard was built from other lists", () => {
    const other = join(work, "shard-3-other");
    cpSync(shardDirs[2]!, other, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(other, MANIFEST), "utf8"));
    writeFileSync(join(other, MANIFEST), JSON.stringify({ ...manifest, content: "0".repeat(64) }));
    expect(refused([...shardDirs.slice(0, 2), other], join(work, "out-other"))).toContain(`${join(other, MANIFEST)}: built with another content (the lists ingested) than`);
  });

  it("when a file two shards wrote differs", () => {
    const changed = join(work, "shard-2-changed");
    cpSync(shardDirs[1]!, changed, { recursive: true });
    // What two shards both write: the assets (and the public files).
    const css = listFiles(changed).find((f) => f.startsWith("_astro/") && f.endsWith(".css"))!;
    writeFileSync(join(changed, css), `${readFileSync(join(changed, css), "utf8")}\n.changed{}`);
    const message = refused([shardDirs[0]!, changed, shardDirs[2]!], join(work, "out-changed"));
    expect(message).toContain(`${join(changed, css)}: differs from shard 1's ${css}`);
    expect(readdirSync(work).filter((name) => name.startsWith("out-changed"))).toEqual([]);
  });

  it("when the build's counts are not counts", () => {
    const jobs = runBuild(["--jobs", "2", "--shard", "1/3", "--skip-ingest", "--out", join(work, "never")]);
    expect(jobs.status).toBe(1);
    expect(jobs.stderr).toContain("build: --jobs: shards built at once on this machine; not with --shard or --merge");
    const perShard = runBuild(["--skip-ingest", "--out", join(work, "never")], { LISTS_PER_SHARD: "0" });
    expect(perShard.status).toBe(1);
    expect(perShard.stderr).toContain('build: LISTS_PER_SHARD: "0" is not a whole number of lists (at least 1)');
    const pages = runBuild(["--skip-ingest", "--out", join(work, "never")], { SEARCH_INDEX_PAGES: "lots" });
    expect(pages.status).toBe(1);
    expect(pages.stderr).toContain('build: SEARCH_INDEX_PAGES: "lots" is not a whole number of pages (at least 1)');
    for (const result of [jobs, perShard, pages]) expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(work, "never"))).toBe(false);
  });

  it("when the shard setting is not I/K", () => {
    const result = runBuild(["--shard", "4/3", "--skip-ingest", "--out", join(work, "never")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('build: --shard: "4/3" is not a shard; write I/K with 1 ≤ I ≤ K ≤ 64, e.g. 2/4');
    expect(existsSync(join(work, "never"))).toBe(false);
  });
});
