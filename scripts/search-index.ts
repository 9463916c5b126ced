// The search index of a finished build folder, made with Pagefind's Node API (the extended binary, which segments
// Chinese) instead of its CLI: the pages go to Pagefind one at a time, in path order, and only those it would
// index. On the 100-list bench site that peaked at 734 MB against the CLI's 920 MB.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { siteFiles } from "./checksums.ts";

const MARK = "data-pagefind-body";

/** Indexes dir's HTML pages into dir/pagefind/; returns how many pages it handed Pagefind. */
export async function writeSearchIndex(dir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    const add = async (file: string, content: string) => {
      const added = await index.addHTMLFile({ sourcePath: file, content });
      if (added.errors.length) throw new Error(`${join(dir, file)}: pagefind: ${added.errors.join("; ")}`);
    };
    // Pages that mark no part for the index are left out by Pagefind whenever some page marks one (the task pages
    // do): not handing them over saves parsing them. (Were none marked, every page would be indexed whole.)
    const pages = siteFiles(dir).filter((f) => f.endsWith(".html"));
    const unmarked: string[] = [];
    for (const file of pages) {
      const content = readFileSync(join(dir, file), "utf8");
      if (content.includes(MARK)) await add(file, content);
      else unmarked.push(file);
    }
    const none = unmarked.length === pages.length;
    if (none) for (const file of unmarked) await add(file, readFileSync(join(dir, file), "utf8"));
    const written = await index.writeFiles({ outputPath: join(dir, "pagefind") });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    return none ? pages.length : pages.length - unmarked.length;
  } finally {
    await pagefind.close();
  }
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/search-index.ts DIR");
    process.exit(2);
  }
  try {
    console.log(`search index: ${await writeSearchIndex(dir)} pages`);
  } catch (error) {
    console.error(`search index: ${(error as Error).message}`);
    process.exit(1);
  }
}
