// An incremental rebuild (Astro's experimental incrementalBuild with each page's cacheKey, src/site/cache-keys.ts;
// kept shards and search-index parts, scripts/build.ts) after one list's measure changed gives the same bytes as a
// full build of the changed lists into a fresh folder and cache, while most pages are copied, not rendered.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInto, runBuild } from "./support/build.ts";
import { listFiles } from "./support/dist.ts";
import { TEST_SITE_URL } from "./support/site.ts";
import { shardOf } from "../../src/site/shard.ts";

const root = resolve(import.meta.dirname, "../..");
const LIBRARY = ["seeds/luan-zjtx-2022.txt", "test/fixtures/library/luan-shuzi-2023.txt", "test/fixtures/library/luan-yingshang-2024.html"];
const CHANGED = "luan-shuzi-2023.txt";
let work: string;

/** scripts/build.ts from `content` into `out` with Astro's cache in `cache`; its output (verbose: one line a page). */
function build(content: string, out: string, cache: string, args: string[] = []): string {
  const result = runBuild(["--out", out, "--skip-ingest", "--content", content, "--site", TEST_SITE_URL, "--verbose", ...args], { ASTRO_CACHE_DIR: cache });
  if (result.status !== 0) throw new Error(`build into ${out} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout.replace(/\x1b\[[0-9;]*m/g, "");
}

/** Files of two folders that differ in name or bytes. */
function differences(a: string, b: string): string[] {
  const files = listFiles(a);
  const other = listFiles(b);
  const missing = [...files.filter((f) => !other.includes(f)), ...other.filter((f) => !files.includes(f))];
  return [...missing, ...files.filter((f) => other.includes(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f))))];
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "incremental-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each([
  { name: "one build", args: [] as string[], shards: 0 },
  { name: "in three shards", args: ["--shards", "3", "--jobs", "2"], shards: 3 },
])("one list changed, $name", ({ name, args, shards }) => {
  let first: string;
  let again: string;
  let incremental: string;
  let fresh: string;

  beforeAll(() => {
    const dir = join(work, name.replace(/\W+/g, "-"));
    const seeds = join(dir, "seeds");
    const content = join(dir, "content");
    mkdirSync(seeds, { recursive: true });
    // The list to change is a copy (it has no settings file beside it); the others are read where they are.
    const changed = join(seeds, CHANGED);
    copyFileSync(join(root, "test/fixtures/library", CHANGED), changed);
    ingestInto(LIBRARY.map((f) => (f.endsWith(CHANGED) ? changed : join(root, f))), content);
    const out = join(dir, "site");
    first = build(content, out, join(dir, "cache"), args);
    // Nothing changed: every keyed page is copied.
    again = build(content, out, join(dir, "cache"), args);
    // One measure of one list reworded, that list ingested again, the site rebuilt into the same folder and cache.
    const text = readFileSync(changed, "utf8");
    expect(text).toContain("推动专精特新企业与高校共建实验室");
    writeFileSync(changed, text.replace("推动专精特新企业与高校共建实验室", "推进专精特新企业与高校共建实验室"));
    ingestInto([changed], content);
    incremental = build(content, out, join(dir, "cache"), args);
    build(content, join(dir, "fresh"), join(dir, "cache-fresh"), args);
    fresh = join(dir, "fresh");
  });

  const count = (log: string, mark: RegExp) => log.split("\n").filter((l) => mark.test(l)).length;
  // Astro's verbose log: "  ├─ /path/index.html (+4ms)" for a page rendered, "(cached)" or "(restored)" for one copied.
  const COPIED = /├─ \S+ \((?:cached|restored)\)\s*$/;
  const RENDERED = /├─ \S+ \(\+[\d.]+m?s\)\s*$/;

  it("a first build renders every page", () => {
    expect(count(first, COPIED)).toBe(0);
    expect(count(first, RENDERED)).toBeGreaterThan(40);
  });

  it("a rebuild with nothing changed copies every keyed page (sharded: keeps every shard, no Astro run)", () => {
    if (shards) {
      expect(again).toContain(`build: ${shards} of ${shards} shards unchanged since their last build, kept`);
      expect(count(again, RENDERED) + count(again, COPIED)).toBe(0);
    } else {
      expect(count(again, COPIED)).toBeGreaterThan(40);
      expect(count(again, RENDERED)).toBeLessThan(count(again, COPIED) / 4);
    }
  });

  it("after the change, the changed list's pages are rendered again and the others copied or kept", () => {
    expect(incremental).toMatch(/├─ \/luan-shuzi-2023\/tasks\/4\/index\.html \(\+/);
    // The library's pages of the unchanged departments are copied.
    expect(count(incremental, COPIED)).toBeGreaterThan(10);
    if (shards) {
      // The library shard and the changed list's run again; a list shard without it is kept.
      const own = shardOf(CHANGED.replace(/\.txt$/, ""), shards);
      const others = Array.from({ length: shards - 1 }, (_, i) => i + 2).filter((i) => i !== own);
      expect(incremental).toContain(`shards unchanged since their last build, kept: ${others.map((i) => `${i}/${shards}`).join(", ")}`);
      expect(incremental).toContain(`astro (shard ${own}/${shards}) done`);
      for (const i of others) expect(incremental).not.toContain(`astro (shard ${i}/${shards}) done`);
    } else {
      expect(incremental).toMatch(/├─ \/luan-zjtx-2022\/tasks\/1\/index\.html \((?:cached|restored)\)/);
      expect(count(incremental, COPIED)).toBeGreaterThan(count(incremental, RENDERED));
    }
  });

  it("gives the same bytes as a full build of the changed lists", () => {
    expect(listFiles(fresh).filter((f) => f.endsWith(".html")).length).toBeGreaterThan(40);
    expect(differences(join(work, name.replace(/\W+/g, "-"), "site"), fresh)).toEqual([]);
    expect(readFileSync(join(fresh, "luan-shuzi-2023/tasks/4/index.html"), "utf8")).toContain("推进专精特新企业与高校共建实验室");
  });
});

// A plan's pages show parts of many lists, each keyed by the view it lays out (src/site/cache-keys.ts, viewKey):
// one list's measure reworded renders again the measure page that shows it, and the plan's other pages are copied.
describe("one list of a plan changed, one build", () => {
  const PLAN = "/plans/wan-zheng-ban-2022-2-hao";
  let dir: string;
  let incremental: string;

  beforeAll(() => {
    dir = join(work, "plan");
    const seeds = join(dir, "seeds");
    const content = join(dir, "content");
    mkdirSync(seeds, { recursive: true });
    const changed = join(seeds, "bailu-zjtx-2022.txt");
    copyFileSync(join(root, "test/fixtures/plan/bailu-zjtx-2022.txt"), changed);
    ingestInto([join(root, "seeds/luan-zjtx-2022.txt"), changed, join(root, "test/fixtures/plan/yunxi-zjtx-2022.html")], content);
    build(content, join(dir, "site"), join(dir, "cache"));
    // Task 1 of 白鹭's list carries the plan's first measure; one character of its own words (not the province's).
    const text = readFileSync(changed, "utf8");
    expect(text).toContain("大学生创业园等双创载体");
    writeFileSync(changed, text.replace("大学生创业园等双创载体", "大学生创业港等双创载体"));
    ingestInto([changed], content);
    incremental = build(content, join(dir, "site"), join(dir, "cache"));
    build(content, join(dir, "fresh"), join(dir, "cache-fresh"));
  });

  const pageLine = (path: string, copied: boolean) => new RegExp(`├─ ${path.replace(/[.]/g, "\\.")} \\(${copied ? "(?:cached|restored)" : "\\+[\\d.]+m?s"}\\)`);

  it("renders again the measure page that shows the reworded measure, and copies the plan's other pages", () => {
    expect(incremental).toMatch(pageLine(`${PLAN}/measures/1/index.html`, false));
    for (const n of [2, 7, 20]) expect(incremental).toMatch(pageLine(`${PLAN}/measures/${n}/index.html`, true));
    expect(incremental).toMatch(pageLine(`${PLAN}/coverage/index.html`, true));
    expect(incremental).toMatch(pageLine(`${PLAN}/index.html`, true));
  });

  it("gives the same bytes as a full build of the changed lists", () => {
    expect(differences(join(dir, "site"), join(dir, "fresh"))).toEqual([]);
    expect(readFileSync(join(dir, "fresh", "plans/wan-zheng-ban-2022-2-hao/measures/1/index.html"), "utf8")).toContain("大学生创业港等双创载体");
  });
});
