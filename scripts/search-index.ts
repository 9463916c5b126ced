// The search index of a finished build folder, made with Pagefind's Node API (the extended binary, which segments
// Chinese) instead of its CLI: the pages go to Pagefind one at a time, in path order, and only those it would
// index. On the 100-list bench site that peaked at 734 MB against the CLI's 920 MB.
//
// Pagefind keeps every page it is given until it writes (about 220 KB a page), so a site of more than
// SEARCH_INDEX_PAGES indexed pages is written in parts (src/site/search.ts): each part by a Pagefind process of
// its own, closed before the next starts, so the peak is one part's.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { SEARCH_PARTS_FILE, searchPartFolder, searchPartsJson } from "../src/site/search.ts";
import { indexedHtml } from "../src/site/search-text.ts";
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

/** Indexes dir's HTML pages into dir/pagefind/ (in parts of at most `partPages`); returns the pages and parts. */
export async function writeSearchIndex(dir: string, partPages = partPagesOf(process.env["SEARCH_INDEX_PAGES"])): Promise<{ pages: number; parts: number }> {
  // Pages that mark no part for the index are left out by Pagefind whenever some page marks one (the task pages
  // do): not handing them over saves parsing them. (Were none marked, every page would be indexed whole.)
  const pages = siteFiles(dir).filter((f) => f.endsWith(".html"));
  const marked = pages.filter((file) => readFileSync(join(dir, file), "utf8").includes(MARK));
  const offered = marked.length ? marked : pages;
  const parts = splitIntoParts(offered, partPages);
  const bundle = join(dir, "pagefind");
  for (const [i, files] of parts.entries()) await writePart(dir, files, i === 0 ? bundle : join(bundle, searchPartFolder(i + 1)));
  mkdirSync(bundle, { recursive: true });
  writeFileSync(join(bundle, SEARCH_PARTS_FILE), searchPartsJson(parts.length));
  return { pages: offered.length, parts: parts.length };
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
