// The cacheKey of each page a route's getStaticPaths returns, for Astro's incremental builds
// (experimental.incrementalBuild): Astro copies a page from the last build instead of rendering it when its key and
// its code's module graph are the same as then. A key digests everything the page reads that is not code:
//   - every page: the library as the shards see it (each list's brief: id, title, source, dates, government, units,
//     whether it has reports), the plans and contacts files, the build day (the 到期 tables) and SEARCH_SITES;
//   - a list's own pages: that list's model too (its task items' MDX Astro tracks itself);
//   - a department's pages: the models of the lists that name it;
//   - a plan's pages (its page, its coverage matrix, a page per superior measure): the view the page lays out, which
//     holds what it shows of each list (src/site/plans.ts);
//   - the other pages over every list (lists index, figures chooser, plans index, progress): every model.
// Editing one list's measures so re-renders its pages, its departments', the plan pages that show what changed and
// the few pages over every list; adding a list, or changing a list's title or units, changes the library and every
// page is rendered again.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildDay } from "./build-date.ts";
import { CONTACTS_FILE, PLANS_FILE, contentDir } from "./content-files.ts";
import { briefSource } from "./library.ts";
import type { LibrarySource } from "./library.ts";

const sha = (...parts: string[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 32);
};

/** A site file of content/_site/ as bytes, or "" when the ingest wrote none. */
function siteFile(name: string): string {
  const file = join(contentDir(), name);
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

let site: { sources: readonly LibrarySource[]; key: string } | undefined;

/** What every page reads beside its own data: the library's briefs, plans, contacts, build day, other sites. */
export function siteKey(sources: readonly LibrarySource[], env: Record<string, string | undefined> = process.env): string {
  if (site?.sources === sources) return site.key;
  const briefs = JSON.stringify(sources.map(briefSource));
  const key = sha(briefs, siteFile(PLANS_FILE), siteFile(CONTACTS_FILE), buildDay(env), env["SEARCH_SITES"] ?? "");
  site = { sources, key };
  return key;
}

const models = new WeakMap<object, string>();

/** One list's model, digested once. */
export function modelKey(doc: object): string {
  let key = models.get(doc);
  if (key === undefined) models.set(doc, (key = sha(JSON.stringify(doc))));
  return key;
}

/**
 * The key of a page that lays out `view` (plain data: what JSON keeps is all it shows) and the site. A plan's measure
 * page shows sixteen lists' measures for it and the lists that leave it out; keyed by every model, all of a plan's
 * pages were rendered again when one list changed (918 of the 1,055 pages a thousand-list rebuild rendered).
 */
export function viewKey(sources: readonly LibrarySource[], view: unknown): string {
  return sha(siteKey(sources), JSON.stringify(view));
}

/** The key of a page that reads the lists `docs` (its own list, a department's, or every one) and the site. */
export function pageKey(sources: readonly LibrarySource[], docs: readonly object[]): string {
  return sha(siteKey(sources), ...docs.map(modelKey));
}
