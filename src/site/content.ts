// Reads the content collections; the only module that touches astro:content besides the task pages' render().
import { getCollection } from "astro:content";
import type { Document } from "../model/schema.ts";
import { buildShard, inShard } from "./shard.ts";

let last: { data: readonly unknown[]; documents: readonly Document[] } | undefined;

/**
 * Every document in content/, in id order so builds are reproducible. Every page's header asks for them, so the
 * sorted list is kept while the collection holds the same entries: sorting a thousand lists on each of a hundred
 * thousand pages was a cost that grew with the library.
 */
export async function loadDocuments(): Promise<readonly Document[]> {
  const data = (await getCollection("documents")).map((e) => e.data);
  if (last && last.data.length === data.length && data.every((d, i) => d === last!.data[i])) return last.documents;
  const documents = [...data].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  last = { data, documents };
  return documents;
}

const shard = buildShard();

/**
 * The items whose pages this build renders, by their key (a list's id, a department's slug): all of them, or in a
 * sharded build (SHARD=I/K) the shard's own. Pages of the whole library are not filtered: every shard renders them.
 */
export function ownPages<T>(items: readonly T[], key: (item: T) => string): T[] {
  return shard ? items.filter((item) => inShard(key(item), shard)) : [...items];
}
