// The search page's synonym table (src/site/synonyms.json): checked with its line, expanded one way, and how a
// query's words and their synonyms decide a match and the queries Pagefind is asked.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSynonyms, SYNONYMS_FILE } from "../../src/site/synonyms.ts";
import { alternativesOf, combineResults, holdsTerms, queryTerms, searchPlan, synonymsFromData, synonymsUsed } from "../../src/site/search.ts";

const table = { 奖补: ["奖励", "补助"], 资金支持: ["奖补", "贴息"], 贷款: ["信贷"] };

describe("the synonym table", () => {
  it("the site's own table is valid and lets 奖补 find 奖励 and 补助", () => {
    const read = parseSynonyms(SYNONYMS_FILE, readFileSync(SYNONYMS_FILE, "utf8"));
    if (!read.ok) throw new Error(read.problems.join("\n"));
    expect(read.synonyms["奖补"]).toEqual(expect.arrayContaining(["奖励", "补助"]));
  });

  it("refuses a malformed table at the line of the key", () => {
    const text = '{\n  "synonyms": {\n    "奖补": []\n  }\n}\n';
    const read = parseSynonyms("synonyms.json", text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatch(/^synonyms\.json:3: .*at least one synonym/);
  });

  it("refuses an unknown key and broken JSON with a line", () => {
    const unknown = parseSynonyms("s.json", '{\n  "synonyms": {},\n  "words": {}\n}');
    expect(unknown.ok).toBe(false);
    const broken = parseSynonyms("s.json", '{\n  "synonyms": {\n    "奖补": ["奖励",]\n  }\n}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0]).toMatch(/^s\.json:\d+: not valid JSON/);
  });

  it("folds the words as queries are folded and drops a word listed as its own synonym", () => {
    const read = parseSynonyms("s.json", JSON.stringify({ synonyms: { "５Ｇ": ["５Ｇ", "第五代移动通信"] } }));
    expect(read.ok && read.synonyms).toEqual({ "5g": ["第五代移动通信"] });
  });
});

describe("a query word and its synonyms", () => {
  it("is itself first, then each synonym put where the table's word stands", () => {
    expect(alternativesOf("奖补", table)).toEqual(["奖补", "奖励", "补助"]);
    expect(alternativesOf("研发奖补", table)).toEqual(["研发奖补", "研发奖励", "研发补助"]);
    expect(alternativesOf("人才", table)).toEqual(["人才"]);
  });

  it("is one way: 奖励 does not find 奖补", () => {
    expect(alternativesOf("奖励", table)).toEqual(["奖励"]);
  });

  it("takes the longest entry it holds", () => {
    expect(alternativesOf("资金支持", table)).toEqual(["资金支持", "奖补", "贴息"]);
  });

  it("a result holds one phrase of every word", () => {
    const terms = queryTerms("奖补 贷款", table);
    expect(terms).toEqual([
      ["奖补", "奖励", "补助"],
      ["贷款", "信贷"],
    ]);
    expect(holdsTerms("给予一次性奖励，并优先安排信贷资金", terms)).toBe(true);
    expect(holdsTerms("给予一次性奖励", terms)).toBe(false);
    expect(holdsTerms("争取贷款支持", queryTerms("贷款", {}))).toBe(true);
    expect(holdsTerms("争取信贷支持", queryTerms("贷款", {}))).toBe(false);
  });

  it("Pagefind is asked each word's phrases as exact phrases, one group a word, and the words without Chinese together", () => {
    expect(searchPlan("奖补", queryTerms("奖补", table))).toEqual([['"奖 补"', '"奖 励"', '"补 助"']]);
    expect(searchPlan("奖补 贷款", queryTerms("奖补 贷款", table))).toEqual([
      ['"奖 补"', '"奖 励"', '"补 助"'],
      ['"贷 款"', '"信 贷"'],
    ]);
    expect(searchPlan("5G 人才 IPv6", queryTerms("5G 人才 IPv6", table))).toEqual([['"人 才"'], ["5G IPv6"]]);
    expect(searchPlan("5G", queryTerms("5G", table))).toEqual([["5G"]]);
    expect(searchPlan("", [])).toEqual([[null]]);
  });

  it("a result is a page in every group, at its best score in each, summed", () => {
    const r = (id: string, score: number) => ({ id, score });
    // Word 1 (two phrases) found a, b, c; word 2 found b, c, d.
    const combined = combineResults([
      [[r("a", 5), r("b", 1)], [r("b", 3), r("c", 2)]],
      [[r("c", 4), r("b", 1), r("d", 9)]],
    ]);
    expect(combined.map((x) => x.id)).toEqual(["c", "b"]);
    expect(combineResults([[[r("a", 1), r("b", 2)]]]).map((x) => x.id)).toEqual(["b", "a"]);
    expect(combineResults([[[r("a", 1)]], [[]]])).toEqual([]);
  });

  it("names the synonyms it used, for the status line", () => {
    expect(synonymsUsed(queryTerms("奖补 人才", table))).toEqual(["奖励", "补助"]);
  });

  it("the script keeps only well-formed entries of the page's data", () => {
    expect(synonymsFromData('{"奖补":["奖励",1,""],"x":"y","":["z"]}')).toEqual({ 奖补: ["奖励"] });
    expect(synonymsFromData("not json")).toEqual({});
    expect(synonymsFromData("[1]")).toEqual({});
  });
});
