// The finder over every list stays a page of one city's size in a province's library: it holds the cards of the
// newest lists only; the older ones are counted and reached from the lists index.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/model/schema.ts";
import { buildLibrary } from "../../src/site/library.ts";
import { supportCards } from "../../src/extract/support-cards.ts";
import { ALL_CARDS_SHOWN, ALL_LISTS_SHOWN, supportView } from "../../src/site/support.ts";

const bundled = Document.parse(JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")));
const docs = Array.from({ length: ALL_LISTS_SHOWN + 3 }, (_, i) => ({ ...bundled, id: `list-${String(i).padStart(2, "0")}`, date: `20${10 + i}-05` }));

describe("the finder over many lists", () => {
  const view = supportView(docs, docs, buildLibrary(docs));
  const perList = supportCards(bundled).length;
  // As many of the newest lists as ALL_LISTS_SHOWN and ALL_CARDS_SHOWN allow, whole.
  const shown = Math.min(ALL_LISTS_SHOWN, Math.max(1, Math.floor(ALL_CARDS_SHOWN / perList)));
  it("holds the cards of the newest lists only, whole lists within the cards' limit", () => {
    expect(perList).toBeGreaterThan(0);
    const onPage = new Set(view.groups.flatMap((g) => [...g.named, ...g.open].map((c) => c.list.id)));
    expect(onPage.size).toBe(shown);
    expect([...onPage].sort()).toEqual(docs.slice(-shown).map((d) => d.id).sort());
    expect(view.total).toBe(shown * perList);
    expect(view.olderLists).toBe(docs.length - shown);
  });
  it("stops at ALL_CARDS_SHOWN cards, but always holds the newest list", () => {
    // Lists of 40 times the bundled list's cards: one is over the limit alone.
    const big = docs.map((d) => ({ ...d, chapters: Array.from({ length: 40 }, () => bundled.chapters).flat() }));
    const bigView = supportView(big, big, buildLibrary(big));
    const lists = new Set(bigView.groups.flatMap((g) => [...g.named, ...g.open].map((c) => c.list.id)));
    expect(lists).toEqual(new Set([docs.at(-1)!.id]));
    expect(bigView.total).toBeGreaterThan(ALL_CARDS_SHOWN);
  });
  it("links the lists index for the older lists, whose own pages hold their cards", () => {
    expect(view.listsPath).toBe("lists/");
    const oldest = supportView(docs, docs, buildLibrary(docs), "list-00");
    expect(oldest.total).toBeGreaterThan(0);
    expect(new Set(oldest.groups.flatMap((g) => [...g.named, ...g.open].map((c) => c.list.id)))).toEqual(new Set(["list-00"]));
  });
});
