// What the search page suggests when a query finds nothing (src/site/suggest.ts): the words it knows, from the
// bundled list, and the nearest of them to a mistyped query.
import { describe, expect, it } from "vitest";
import { MAX_CLAUSES, nearestTerms, suggestionTerms, termsFromJson } from "../../src/site/suggest.ts";
import { bundled } from "../ingest/helpers.ts";

describe("the words a search can suggest", () => {
  const terms = suggestionTerms([bundled()], ["奖补"]);

  it("holds the departments as printed, the chapters' and tasks' titles, and the extra words", () => {
    expect(terms).toContain("市经信局");
    expect(terms).toContain("梯度化培育优质企业群体");
    expect(terms).toContain("催生更多市场主体");
    expect(terms).toContain("奖补");
  });

  it("holds short clauses of the measures, and no number, date or sentence of theirs", () => {
    const doc = bundled();
    const titles = new Set([
      ...doc.units.flatMap((u) => [u.name, u.canonical]),
      ...doc.chapters.flatMap((c) => [c.title, ...c.items.map((i) => i.title.replace(/。$/u, ""))]),
    ]);
    expect(terms.filter((t) => /\d/.test(t) && !titles.has(t))).toEqual([]);
    expect(terms).toContain("专精特新");
    expect(terms.every((t) => t.length <= 24)).toBe(true);
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms.length).toBeLessThan(MAX_CLAUSES + 500);
  });
});

describe("the nearest terms", () => {
  const terms = suggestionTerms([bundled()]);

  it("a mistyped word finds the right one first", () => {
    expect(nearestTerms("市经信委", terms)[0]).toBe("市经信局");
    expect(nearestTerms("专精特心", ["专精特新企业", "专精特新", "特色产业"])[0]).toBe("专精特新");
  });

  it("offers nothing unrelated, and never the query itself", () => {
    expect(nearestTerms("量子引力", terms)).toEqual([]);
    expect(nearestTerms("市经信局", ["市经信局", "市经信委"])).toEqual(["市经信委"]);
    expect(nearestTerms("", terms)).toEqual([]);
  });

  it("gives at most the number asked, nearest first", () => {
    expect(nearestTerms("企业", terms, 3)).toHaveLength(3);
  });

  it("reads only strings from the terms file", () => {
    expect(termsFromJson('{"terms":["奖补",2,"",null]}')).toEqual(["奖补"]);
    expect(termsFromJson("<html>")).toEqual([]);
  });
});
