// The home page and the lists index stay the same size whatever the library holds: the home page the newest lists
// one row each, the index every list a page at a time, newest first.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/model/schema.ts";
import { buildLibrary } from "../../src/site/library.ts";
import { HOME_LISTS, homeLists, LISTS_PER_INDEX_PAGE, listIndexPages } from "../../src/site/lists.ts";

const bundled = Document.parse(JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")));
const many = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ ...bundled, id: `list-${String(i).padStart(4, "0")}`, date: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}` }));

describe("the home page's lists", () => {
  it("are every list of a small library", () => {
    const { shown, total } = homeLists(buildLibrary(many(3)));
    expect(total).toBe(3);
    expect(shown.map((d) => d.id)).toEqual(["list-0002", "list-0001", "list-0000"]);
  });

  it("are the newest few of a large one", () => {
    const { shown, total } = homeLists(buildLibrary(many(1000)));
    expect(total).toBe(1000);
    expect(shown).toHaveLength(HOME_LISTS);
    expect(shown[0]!.id).toBe("list-0999");
  });
});

describe("the lists index", () => {
  const docs = many(2 * LISTS_PER_INDEX_PAGE + 5);
  const pages = listIndexPages(buildLibrary(docs));

  it("holds every list once, newest first, a page at a time", () => {
    expect(pages.map((p) => p.rows.length)).toEqual([LISTS_PER_INDEX_PAGE, LISTS_PER_INDEX_PAGE, 5]);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(docs.length);
    expect(ids[0]).toBe(docs.at(-1)!.id);
    expect(ids.at(-1)).toBe("list-0000");
    expect(pages.every((p) => p.pages === 3)).toBe(true);
  });

  it("gives each row the list's title on one line, its government, date and size", () => {
    const row = pages[0]!.rows[0]!;
    expect(row.title).not.toContain("\n");
    expect(row.title).toBe(bundled.title.replace(/\s*\n\s*/g, ""));
    expect(row).toMatchObject({ tasks: 20, measures: 23, units: bundled.units.length, government: "六安市", datePrinted: bundled.datePrinted, hasSuperior: true });
  });

  it("names every page's first and last list for its link", () => {
    expect(pages[0]!.pageRanges).toHaveLength(3);
    expect(pages[2]!.pageRanges[1]).toEqual({ page: 2, first: pages[1]!.rows[0]!.title, last: pages[1]!.rows.at(-1)!.title });
  });

  it("is one page for a library of one list", () => {
    expect(listIndexPages(buildLibrary(many(1)))).toHaveLength(1);
  });
});
