// Sharded builds: the site's pages split into K groups, each rendered by its own Astro process (on one machine, two
// at a time, or on several), then merged into one folder and indexed once (scripts/build.ts --shards / --shard /
// --merge). Shard 1 renders the library's pages, which read every list whole (home, lists index, departments,
// support finder, search, calendars), and no list's own pages. Shards 2…K render the lists' own pages (tasks,
// figures, comparison, support, downloads), each list in the shard a hash of its id gives: the split needs no
// list of all lists, is the same on every machine, and keeps a list in its shard when others are added. A list
// shard reads its own lists whole and of the others only what the library index holds (ids, titles, dates, units).

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Most shards a build may be split into: more would only add each process's fixed start-up cost. */
export const MAX_SHARDS = 64;

/**
 * Lists per shard when the build splits itself: one Astro process held about 1.8 GB for 100 lists and 4.3 GB for
 * 300 (bench:scale), so past this many a plain build is split into a library shard and a list shard for each
 * LISTS_PER_SHARD lists.
 */
export const LISTS_PER_SHARD = 150;

/** The shards a build of `lists` lists is split into unasked: none (one build) up to `perShard` lists. */
export function autoShardCount(lists: number, perShard = LISTS_PER_SHARD): number | undefined {
  return lists <= perShard ? undefined : Math.min(MAX_SHARDS, 1 + Math.ceil(lists / perShard));
}

/** "2/4" → { index: 2, count: 4 }; a message naming the setting when it is not of that form. */
export function parseShard(value: string, setting = "SHARD"): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new Error(`${setting}: "${value}" is not a shard; write I/K with 1 ≤ I ≤ K ≤ ${MAX_SHARDS}, e.g. 2/4`);
  }
  return { index, count };
}

/** FNV-1a (32 bit) over the key's UTF-16 code units: small, stable across machines and Node versions. */
export function stableHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The shard (1-based) whose build renders the pages of the list `id`, among `count` (2…count; 1 when alone). */
export function shardOf(id: string, count: number): number {
  return count === 1 ? 1 : 2 + (stableHash(id) % (count - 1));
}

/** Whether `shard` renders the list's own pages (every build does, unsharded). */
export function listInShard(id: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(id, shard.count) === shard.index;
}

/** Whether `shard` renders the library's pages: the first does (and every unsharded build). */
export function libraryInShard(shard: Shard | undefined): boolean {
  return shard === undefined || shard.index === 1;
}

/** A glob no file matches (an empty list of patterns would match every file). */
const NOTHING = "no-list-in-this-shard/*";

/**
 * The content a shard loads, as the collections' glob patterns over content/ (list ids → `<id>.json` models and
 * `<id>/*.mdx` task items): the library shard every model and no task item; a list shard its own lists' both.
 */
export function collectionPatterns(ids: readonly string[], shard: Shard | undefined): { documents: string | string[]; tasks: string | string[] } {
  if (shard === undefined || shard.count === 1) return { documents: "*.json", tasks: "*/*.mdx" };
  if (libraryInShard(shard)) return { documents: "*.json", tasks: NOTHING };
  const own = ids.filter((id) => listInShard(id, shard));
  return own.length ? { documents: own.map((id) => `${id}.json`), tasks: own.map((id) => `${id}/*.mdx`) } : { documents: NOTHING, tasks: NOTHING };
}

/** This build's shard, from the SHARD environment variable scripts/build.ts sets; undefined when unsharded. */
export function buildShard(env: Record<string, string | undefined> = process.env): Shard | undefined {
  const value = env["SHARD"];
  return value === undefined || value === "" ? undefined : parseShard(value);
}
