import { describe, expect, it } from "vitest";
import { autoShardCount, buildShard, collectionPatterns, libraryInShard, listInShard, LISTS_PER_SHARD, MAX_SHARDS, parseShard, shardOf } from "../../src/site/shard.ts";

describe("parseShard", () => {
  it("reads I/K", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShard(" 1 / 1 ")).toEqual({ index: 1, count: 1 });
  });

  it.each(["0/4", "5/4", "2", "2/0", "a/b", "-1/4", "1.5/4", `1/${MAX_SHARDS + 1}`, ""])("refuses %j, naming the setting", (value) => {
    expect(() => parseShard(value, "--shard")).toThrow(`--shard: "${value}" is not a shard; write I/K`);
  });

  it("comes from SHARD, and an unset or empty one means no shard", () => {
    expect(buildShard({ SHARD: "3/5" })).toEqual({ index: 3, count: 5 });
    expect(buildShard({})).toBeUndefined();
    expect(buildShard({ SHARD: "" })).toBeUndefined();
  });
});

describe("which shard renders what", () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `corpus-${String(i + 1).padStart(3, "0")}-${i % 7}`);

  it("puts every list in exactly one shard of K, never the first of several (the library's)", () => {
    for (const count of [1, 2, 3, 5, 9]) {
      for (const id of ids.slice(0, 50)) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => listInShard(id, { index, count }));
        expect(owners).toEqual([shardOf(id, count)]);
        if (count === 1) expect(owners[0]).toBe(1);
        else expect(owners[0]).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("gives the library's pages to the first shard only", () => {
    expect([1, 2, 3].map((index) => libraryInShard({ index, count: 3 }))).toEqual([true, false, false]);
    expect(libraryInShard({ index: 1, count: 1 })).toBe(true);
    expect(libraryInShard(undefined)).toBe(true);
  });

  it("spreads a thousand lists within a fifth of an even split over 4 list shards", () => {
    const sizes = [2, 3, 4, 5].map((index) => ids.filter((id) => listInShard(id, { index, count: 5 })).length);
    expect(sizes.reduce((a, b) => a + b)).toBe(1000);
    for (const size of sizes) expect(Math.abs(size - 250)).toBeLessThan(50);
  });

  it("does not move a list when other lists are added, and is the same on every machine", () => {
    // FNV-1a of the id: fixed values, so a change of the hash (which would split old shards differently) shows.
    expect([shardOf("luan-zjtx-2022", 3), shardOf("corpus-002-1", 3), shardOf("layout-c-label-lines", 3)]).toEqual([3, 2, 2]);
  });

  it("renders everything without a shard", () => {
    expect(ids.every((id) => listInShard(id, undefined))).toBe(true);
  });
});

describe("collectionPatterns", () => {
  const ids = ["a-list", "b-list", "c-list", "d-list"];

  it("loads everything unsharded or in one shard", () => {
    expect(collectionPatterns(ids, undefined)).toEqual({ documents: "*.json", tasks: "*/*.mdx" });
    expect(collectionPatterns(ids, { index: 1, count: 1 })).toEqual({ documents: "*.json", tasks: "*/*.mdx" });
  });

  it("loads every model and no task item in the library shard", () => {
    const { documents, tasks } = collectionPatterns(ids, { index: 1, count: 3 });
    expect(documents).toBe("*.json");
    expect(tasks).not.toContain("*/*.mdx");
  });

  it("loads a list shard's own lists only, and nothing when it has none", () => {
    const own = ids.filter((id) => shardOf(id, 3) === 2);
    expect(collectionPatterns(ids, { index: 2, count: 3 })).toEqual({ documents: own.map((id) => `${id}.json`), tasks: own.map((id) => `${id}/*.mdx`) });
    const none = collectionPatterns([], { index: 2, count: 3 });
    expect(none.documents).not.toEqual([]);
    expect(none.documents).not.toBe("*.json");
  });
});

describe("autoShardCount", () => {
  it("leaves a library of up to LISTS_PER_SHARD lists whole, and past it gives a library shard and one per LISTS_PER_SHARD lists", () => {
    expect(autoShardCount(1)).toBeUndefined();
    expect(autoShardCount(LISTS_PER_SHARD)).toBeUndefined();
    expect(autoShardCount(LISTS_PER_SHARD + 1)).toBe(3);
    expect(autoShardCount(1000)).toBe(1 + Math.ceil(1000 / LISTS_PER_SHARD));
    expect(autoShardCount(6, 3)).toBe(3);
    expect(autoShardCount(1_000_000)).toBe(MAX_SHARDS);
  });
});
