// The search index in parts (scripts/search-index.ts): how pages are split, the setting's refusals, and a real
// Pagefind run over a small folder written in parts, each a bundle of its own named by pagefind/parts.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { siteFiles } from "../../scripts/checksums.ts";
import { DEFAULT_PART_PAGES, partPagesOf, searchGroups, splitIntoParts, writeSearchIndex } from "../../scripts/search-index.ts";

describe("splitIntoParts", () => {
  it("as few parts of at most N as will do, as even as can be, pages in order and none lost", () => {
    const pages = Array.from({ length: 7 }, (_, i) => i);
    expect(splitIntoParts(pages, 10)).toEqual([pages]);
    expect(splitIntoParts(pages, 7)).toEqual([pages]);
    expect(splitIntoParts(pages, 3)).toEqual([[0, 1, 2], [3, 4], [5, 6]]);
    expect(splitIntoParts(pages, 1)).toEqual(pages.map((p) => [p]));
    expect(splitIntoParts([], 5)).toEqual([[]]);
    const big = Array.from({ length: 28_108 }, (_, i) => i);
    const parts = splitIntoParts(big, DEFAULT_PART_PAGES);
    expect(parts.map((p) => p.length)).toEqual([9370, 9369, 9369]);
    expect(parts.flat()).toEqual(big);
  });
});

describe("SEARCH_INDEX_PAGES", () => {
  it("is a whole number of pages, the default when unset", () => {
    expect(partPagesOf(undefined)).toBe(DEFAULT_PART_PAGES);
    expect(partPagesOf(" ")).toBe(DEFAULT_PART_PAGES);
    expect(partPagesOf("500")).toBe(500);
    for (const bad of ["0", "-3", "2.5", "1e4", "many"]) expect(() => partPagesOf(bad)).toThrow(`SEARCH_INDEX_PAGES: "${bad}" is not a whole number of pages`);
  });
});

describe("searchGroups", () => {
  const isList = (folder: string) => folder.startsWith("list-");
  const pages = [
    ...["a", "b", "c", "d", "e", "f"].flatMap((l) => [1, 2].map((n) => `list-${l}/tasks/${n}/index.html`)),
    "units/x/index.html",
    "units/y/index.html",
  ];
  it("all in one part when they fit", () => {
    expect(searchGroups(pages, 14, isList)).toEqual([pages]);
  });
  it("past that, the library's pages apart and each list whole in one of ceil(list pages / most) parts", () => {
    const parts = searchGroups(pages, 4, isList);
    expect(parts[0]).toEqual(["units/x/index.html", "units/y/index.html"]);
    const listParts = parts.slice(1);
    expect(listParts.length).toBeLessThanOrEqual(3);
    expect(listParts.flat().sort()).toEqual(pages.filter((p) => p.startsWith("list-")).sort());
    for (const l of ["a", "b", "c", "d", "e", "f"]) expect(listParts.filter((part) => part.some((p) => p.startsWith(`list-${l}/`))).length).toBe(1);
    // A list's part does not move when another list joins.
    const more = searchGroups([...pages, "list-g/tasks/1/index.html"], 4, isList);
    const partOf = (ps: string[][], l: string) => ps.findIndex((part) => part.some((p) => p.startsWith(`list-${l}/`)));
    for (const l of ["a", "b", "c", "d", "e", "f"]) expect(more[partOf(more, l)]!.filter((p) => p.startsWith(`list-${l}/`))).toEqual(parts[partOf(parts, l)]!.filter((p) => p.startsWith(`list-${l}/`)));
  });
});

describe("writeSearchIndex", () => {
  const work = mkdtempSync(join(tmpdir(), "search-index-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const page = (title: string, body: string, marked = true) =>
    `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><nav>导航</nav><main ${marked ? "data-pagefind-body" : ""}><h1>${title}</h1><p>${body}</p></main></body></html>`;
  /** Five marked task pages (one in each of five lists) and one unmarked page, as a build writes them. */
  function site(name: string): string {
    const dir = join(work, name);
    for (let i = 1; i <= 5; i++) {
      mkdirSync(join(dir, `doc-${i}`, "tasks", "1"), { recursive: true });
      writeFileSync(join(dir, `doc-${i}`, "tasks", "1", "index.html"), page(`任务${i}`, `第${i}项任务：培育专精特新企业，编号${"甲乙丙丁戊"[i - 1]}。`));
    }
    writeFileSync(join(dir, "index.html"), page("首页", "不进索引的首页", false));
    return dir;
  }
  const entry = (bundle: string) => JSON.parse(readFileSync(join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  const pageCount = (bundle: string) => Object.values(entry(bundle).languages).reduce((sum, l) => sum + l.page_count, 0);

  it("one part: pagefind/ holds every marked page and parts.json names no other part", async () => {
    const dir = site("one");
    expect(await writeSearchIndex(dir, 10)).toEqual({ pages: 5, parts: 1, reused: 0 });
    expect(pageCount(join(dir, "pagefind"))).toBe(5);
    expect(JSON.parse(readFileSync(join(dir, "pagefind", "parts.json"), "utf8"))).toEqual({ parts: [] });
    expect(existsSync(join(dir, "pagefind", "part-2"))).toBe(false);
  });

  it("in parts: each part a bundle of its own, the pages shared out among them, parts.json naming the others", async () => {
    const dir = site("three");
    const { parts } = await writeSearchIndex(dir, 2);
    expect(parts).toBeGreaterThan(1);
    const bundles = [join(dir, "pagefind"), ...Array.from({ length: parts - 1 }, (_, i) => join(dir, "pagefind", `part-${i + 2}`))];
    expect(bundles.map(pageCount).reduce((a, b) => a + b)).toBe(5);
    for (const bundle of bundles) expect(existsSync(join(bundle, "pagefind.js"))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "pagefind", "parts.json"), "utf8"))).toEqual({ parts: bundles.slice(1).map((_, i) => `part-${i + 2}/`) });
  });

  it("with a cache, a part whose pages did not change is copied, and the index is the bytes a fresh one would be", async () => {
    const dir = site("cached");
    const cache = join(work, "cache");
    const first = await writeSearchIndex(dir, 2, cache);
    expect(first.reused).toBe(0);
    // One list's page changes: its part is written again, the others copied.
    writeFileSync(join(dir, "doc-3", "tasks", "1", "index.html"), page("任务3", "第3项任务：改为培育小巨人企业。"));
    rmSync(join(dir, "pagefind"), { recursive: true });
    const second = await writeSearchIndex(dir, 2, cache);
    expect(second.parts).toBe(first.parts);
    expect(second.reused).toBe(first.parts - 1);
    const fresh = site("fresh");
    writeFileSync(join(fresh, "doc-3", "tasks", "1", "index.html"), page("任务3", "第3项任务：改为培育小巨人企业。"));
    await writeSearchIndex(fresh, 2);
    const files = (d: string) => siteFiles(join(d, "pagefind"));
    expect(files(dir)).toEqual(files(fresh));
    for (const f of files(fresh)) expect(readFileSync(join(dir, "pagefind", f)).equals(readFileSync(join(fresh, "pagefind", f))), f).toBe(true);
  });
});
