import { describe, expect, it } from "vitest";
import { buildShard, inShard, MAX_SHARDS, parseShard, shardOf } from "../../src/site/shard.ts";

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

describe("shardOf", () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `corpus-${String(i + 1).padStart(3, "0")}-${i % 7}`);

  it("puts every key in exactly one shard of K", () => {
    for (const count of [1, 2, 3, 4, 8]) {
      for (const id of ids.slice(0, 50)) {
        const owners = Array.from({ length: count }, (_, i) => inShard(id, { index: i + 1, count })).filter(Boolean);
        expect(owners).toHaveLength(1);
        expect(shardOf(id, count)).toBeGreaterThanOrEqual(1);
        expect(shardOf(id, count)).toBeLessThanOrEqual(count);
      }
    }
  });

  it("spreads a thousand lists within a fifth of an even split over 4 shards", () => {
    const sizes = [1, 2, 3, 4].map((index) => ids.filter((id) => inShard(id, { index, count: 4 })).length);
    expect(sizes.reduce((a, b) => a + b)).toBe(1000);
    for (const size of sizes) expect(Math.abs(size - 250)).toBeLessThan(50);
  });

  it("does not move a list when other lists are added, and is the same on every run", () => {
    expect(shardOf("luan-zjtx-2022", 4)).toBe(shardOf("luan-zjtx-2022", 4));
    // FNV-1a of the key: fixed values, so a change of the hash (which would split old shards differently) shows.
    expect([shardOf("luan-zjtx-2022", 3), shardOf("corpus-002-1", 3), shardOf("layout-c-label-lines", 3)]).toEqual([3, 1, 2]);
  });

  it("renders every page without a shard", () => {
    expect(ids.every((id) => inShard(id, undefined))).toBe(true);
  });
});
