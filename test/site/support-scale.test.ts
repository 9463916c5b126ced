// The finder over every list stays a page of one city's size in a province's library: it holds the cards of the
// newest lists only; the older ones are counted and reached from the lists index.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/model/schema.ts";
import { buildLibrary } from "../../src/site/library.ts";
import { ALL_LISTS_SHOWN, supportView } from "../../src/site/support.ts";

const bundled = Document.parse(JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")));
const docs = Array.from({ length: ALL_LISTS_SHOWN + 3 }, (_, i) => ({ ...bundled, id: `list-${String(i).padStart(2, "0")}`, date: `20${10 + i}-05` }));

describe("the finder over many lists", () => {
  const view = supportView(docs, docs, buildLibrary(docs));
  it("holds the cards of the newest lists only", () => {
    const onPage = new Set(view.groups.flatMap((g) => [...g.named, ...g.open].map((c) => c.list.id)));
    expect(onPage.size).toBe(ALL_LISTS_SHOWN);
    expect([...onPage].sort()).toEqual(docs.slice(-ALL_LISTS_SHOWN).map((d) => d.id).sort());
    expect(view.olderLists).toBe(3);
  });
  it("links the lists index for the older lists, whose own pages hold their cards", () => {
    expect(view.listsPath).toBe("lists/");
    const oldest = supportView(docs, docs, buildLibrary(docs), "list-00");
    expect(oldest.total).toBeGreaterThan(0);
    expect(new Set(oldest.groups.flatMap((g) => [...g.named, ...g.open].map((c) => c.list.id)))).toEqual(new Set(["list-00"]));
  });
});
