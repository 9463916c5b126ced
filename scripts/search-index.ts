// The search index of a finished build folder, made with Pagefind's Node API (the extended binary, which segments
// Chinese) instead of its CLI: the pages go to Pagefind one at a time, in path order, and only those it would
// index. On the 100-list bench site that peaked at 734 MB against the CLI's 920 MB.
//
// Pagefind keeps every page it is given until it writes (about 220 KB a page), so a site of more than
// SEARCH_INDEX_PAGES indexed pages is written in parts (src/site/search.ts): each part by a Pagefind process of
// its own, closed before the next starts, so the peak is one part's. The parts go by group of lists, and a part
// whose pages did not change since the last build into the same folder is copied from a cache, not indexed again.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as pagefind from "pagefind";
import { SEARCH_PARTS_FILE, searchPartFolder, searchPartsJson } from "../src/site/search.ts";
import { indexedHtml } from "../src/site/search-text.ts";
import { stableHash } from "../src/site/shard.ts";
import { siteFiles } from "./checksums.ts";
import { countSetting } from "./settings.ts";

const MARK = "data-pagefind-body";
/**
 * Pages per part unless SEARCH_INDEX_PAGES says otherwise: at about 220 KB a page, some 2.2 GB of Pagefind's
 * memory. A thousand-list site (about 28,000 indexed pages) is written in three parts; one of 300 lists in one.
 */
export const DEFAULT_PART_PAGES = 10_000;

/** SEARCH_INDEX_PAGES: a whole number of pages, at least 1; unset or empty is the default. */
export function partPagesOf(setting: string | undefined): number {
  return countSetting("SEARCH_INDEX_PAGES", setting, DEFAULT_PART_PAGES, "pages");
}

/** The pages split into as few parts of at most `most` pages as will do, as even as they can be, in order. */
export function splitIntoParts<T>(pages: readonly T[], most: number): T[][] {
  const count = Math.max(1, Math.ceil(pages.length / most));
  const parts: T[][] = [];
  for (let i = 0, from = 0; i < count; i++) {
    const to = from + Math.floor(pages.length / count) + (i < pages.length % count ? 1 : 0);
    parts.push(pages.slice(from, to));
    from = to;
  }
  return parts;
}

/** One part: a Pagefind process of its own, given `files`, writing into `outputPath`. */
async function writePart(dir: string, files: readonly string[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    for (const file of files) {
      // Each Chinese character a word of its own, so that a quoted query is a phrase the index decides.
      const added = await index.addHTMLFile({ sourcePath: file, content: indexedHtml(readFileSync(join(dir, file), "utf8"), join(dir, file)) });
      if (added.errors.length) throw new Error(`${join(dir, file)}: pagefind: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  } finally {
    // Ends the Pagefind process, and with it everything the part held.
    await pagefind.close();
  }
}

/**
 * The pages (paths in order) in parts by group, so that a change to one list rewrites few parts: all in one when
 * they fit in `most`; else the library's pages (those under no list's folder: departments…) in parts of their own,
 * then the lists' pages in ceil(their number / most) parts, each list whole in the part a hash of its id gives.
 * (A part may so hold a list's pages past `most`; empty parts are left out.)
 */
export function searchGroups(pages: readonly string[], most: number, isList: (folder: string) => boolean): string[][] {
  if (pages.length <= most) return [[...pages]];
  const library: string[] = [];
  const lists: string[] = [];
  for (const page of pages) (isList(page.split("/")[0]!) ? lists : library).push(page);
  const count = Math.max(1, Math.ceil(lists.length / most));
  const buckets: string[][] = Array.from({ length: count }, () => []);
  // The hash the shards use: a list's part is the same on every machine and as lists are added.
  for (const page of lists) buckets[stableHash(page.split("/")[0]!) % count]!.push(page);
  return [...(library.length ? splitIntoParts(library, most) : []), ...buckets.filter((b) => b.length)];
}

// What a part's index is made from besides its pages: the indexer's code and Pagefind's version.
const INDEXER = [resolve(import.meta.dirname, "search-index.ts"), resolve(import.meta.dirname, "../src/site/search-text.ts"), resolve(import.meta.dirname, "../node_modules/pagefind/package.json")];

/**
 * A digest of one part's pages (names and the digests of their bytes, `pageDigest`) and of the indexer: equal, the
 * part's index is the same bytes.
 */
function partDigest(files: readonly string[], pageDigest: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256");
  for (const file of INDEXER) hash.update(readFileSync(file)).update("\0");
  for (const file of files) hash.update(`${file}\0${pageDigest.get(file)}\0`);
  return hash.digest("hex");
}

/** Copies a part's bundle folder (without the other parts' folders inside the first). */
function copyBundle(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (/^part-\d+$/.test(entry)) continue;
    cpSync(join(from, entry), join(to, entry), { recursive: true });
  }
}

export interface SearchIndexResult {
  pages: number;
  parts: number;
  /** Parts copied from `cache` (made from the same pages last time) instead of written. */
  reused: number;
}

/**
 * Indexes dir's HTML pages into dir/pagefind/, in parts by group (searchGroups) of about `partPages`. With `cache`
 * (a folder of this output's own), each part written is kept there by its digest, and a part whose pages are those
 * of a kept one is copied instead of indexed again; the kept parts this build did not use are removed.
 */
export async function writeSearchIndex(dir: string, partPages = partPagesOf(process.env["SEARCH_INDEX_PAGES"]), cache?: string): Promise<SearchIndexResult> {
  // Pages that mark no part for the index are left out by Pagefind whenever some page marks one (the task pages
  // do): not handing them over saves parsing them. (Were none marked, every page would be indexed whole.)
  // Each page read once here: whether it is marked, and (with a cache) the digest of its bytes.
  const pages = siteFiles(dir).filter((f) => f.endsWith(".html"));
  const pageDigest = new Map<string, string>();
  const marked = pages.filter((file) => {
    const bytes = readFileSync(join(dir, file));
    if (cache) pageDigest.set(file, createHash("sha256").update(bytes).digest("hex"));
    return bytes.includes(MARK);
  });
  const offered = marked.length ? marked : pages;
  const lists = new Map<string, boolean>();
  const isList = (folder: string) => {
    let list = lists.get(folder);
    if (list === undefined) lists.set(folder, (list = existsSync(join(dir, folder, "tasks")) && statSync(join(dir, folder, "tasks")).isDirectory()));
    return list;
  };
  const parts = searchGroups(offered, partPages, isList);
  const bundle = join(dir, "pagefind");
  const used = new Set<string>();
  let reused = 0;
  for (const [i, files] of parts.entries()) {
    const target = i === 0 ? bundle : join(bundle, searchPartFolder(i + 1));
    const digest = cache ? partDigest(files, pageDigest) : "";
    const kept = cache ? join(cache, digest) : "";
    if (cache && existsSync(join(kept, "pagefind-entry.json"))) {
      copyBundle(kept, target);
      reused++;
    } else {
      await writePart(dir, files, target);
      if (cache) {
        rmSync(kept, { recursive: true, force: true });
        copyBundle(target, kept);
      }
    }
    used.add(digest);
  }
  if (cache && existsSync(cache)) for (const entry of readdirSync(cache)) if (!used.has(entry)) rmSync(join(cache, entry), { recursive: true, force: true });
  mkdirSync(bundle, { recursive: true });
  writeFileSync(join(bundle, SEARCH_PARTS_FILE), searchPartsJson(parts.length));
  return { pages: offered.length, parts: parts.length, reused };
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/search-index.ts DIR");
    process.exit(2);
  }
  try {
    const { pages, parts } = await writeSearchIndex(dir);
    console.log(`search index: ${pages} pages in ${parts} part${parts === 1 ? "" : "s"}`);
  } catch (error) {
    console.error(`search index: ${(error as Error).message}`);
    process.exit(1);
  }
}
