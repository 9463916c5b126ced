// Each page's cacheKey (src/site/cache-keys.ts) changes with what the page reads, and only with that: an edit of one
// list's measures leaves another list's keys alone; the library's briefs, the build day and the other sites
// change every key.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/model/schema.ts";
import { pageKey, siteKey } from "../../src/site/cache-keys.ts";
import { briefSource } from "../../src/site/library.ts";

const bundled = Document.parse(JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")));
const other = { ...bundled, id: "other-2024", title: "另一份清单" };
const env = { BUILD_DATE: "2026-12-07" };

describe("cache keys", () => {
  it("a list's pages: another list's measures reworded leave the key; its own change it", () => {
    const sources = [bundled, other];
    const before = pageKey(sources, [bundled]);
    const reworded = structuredClone(other);
    reworded.chapters[0]!.items[0]!.local[0]!.text += "（修订）";
    // The same briefs (ids, titles, units), another object: the site key is the same.
    const after = [bundled, reworded];
    expect(pageKey(after, [bundled])).toBe(before);
    expect(pageKey(after, [reworded])).not.toBe(pageKey(sources, [other]));
  });

  it("the library's briefs, the build day and SEARCH_SITES change every page's key", () => {
    const base = siteKey([bundled, other], env);
    expect(siteKey([bundled, { ...other, title: "改名的清单" }], env)).not.toBe(base);
    expect(siteKey([bundled, other], { BUILD_DATE: "2026-12-08" })).not.toBe(base);
    expect(siteKey([bundled, other], { ...env, SEARCH_SITES: "某站=https://example.gov.cn/" })).not.toBe(base);
    expect(siteKey([bundled, other], { ...env })).toBe(base);
  });

  it("a whole model and its library-index entry give the same brief", () => {
    expect(JSON.stringify(briefSource(bundled))).toBe(JSON.stringify(briefSource(JSON.parse(JSON.stringify(briefSource(bundled))))));
  });
});
