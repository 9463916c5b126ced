// Sharded builds: the site's pages split into K groups, each rendered by its own Astro process (on one machine in
// turn, or on several), then merged into one folder and indexed once (scripts/build.ts --shard / --merge).
// A page belongs to a shard by a hash of its key (a list's id for the list's pages, a department's slug for its
// pages), so the split needs no list of all keys, is the same on every machine, and keeps a list in its shard
// when other lists are added. Pages of the whole library (home, search, support, units index) are rendered by
// every shard from the same data; the merge keeps one copy and checks the others are the same bytes.

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Most shards a build may be split into: more would only add each process's fixed start-up cost. */
export const MAX_SHARDS = 64;

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
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The shard (1-based) a page key belongs to among `count`. */
export function shardOf(key: string, count: number): number {
  return (hash(key) % count) + 1;
}

/** Whether the page keyed `key` is rendered by `shard` (every page is, without a shard). */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(key, shard.count) === shard.index;
}

/** This build's shard, from the SHARD environment variable scripts/build.ts sets; undefined when unsharded. */
export function buildShard(env: Record<string, string | undefined> = process.env): Shard | undefined {
  const value = env["SHARD"];
  return value === undefined || value === "" ? undefined : parseShard(value);
}
