// The sentence splitter, similarity, aligner and classifier on small made-up texts, edge cases included.
import { describe, expect, it } from "vitest";
import { alignTask, matchTexts } from "../../src/compare/align.ts";
import { diffParts } from "../../src/compare/classify.ts";
import { compareTask } from "../../src/compare/document.ts";
import { splitSentences } from "../../src/compare/sentences.ts";
import { diceSimilarity, lcsSimilarity, words } from "../../src/compare/similarity.ts";

const task = (upper: string, ...local: string[]) => compareTask({ number: 1, upper, local: local.map((text) => ({ text })) } as never);

describe("splitSentences", () => {
  it("cuts after 。；！？ and keeps offsets into the original text", () => {
    const text = "  甲乙丙。丁戊；己庚！辛？壬癸";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(["甲乙丙。", "丁戊；", "己庚！", "辛？", "壬癸"]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences[0].start).toBe(2);
  });

  it("cuts a long sentence at its commas, not inside quotes, and not in 1,000", () => {
    const long = "第一句话说的是一件事情，第二句“引号里，有逗号”的话，第三句里有1,000个字和更多的字来凑长度。";
    const [s] = splitSentences(long);
    expect(s.long).toBe(true);
    expect(s.clauses.map((c) => c.text)).toEqual(["第一句话说的是一件事情，", "第二句“引号里，有逗号”的话，", "第三句里有1,000个字和更多的字来凑长度。"]);
    const [short] = splitSentences("短句，不切。");
    expect(short.clauses.map((c) => c.text)).toEqual(["短句，不切。"]);
  });

  it("gives nothing for an empty or blank text, and folds a stray mark into its neighbour", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \u00a0\n")).toEqual([]);
    expect(splitSentences("甲乙。。").map((s) => s.text)).toEqual(["甲乙。。"]);
  });
});

describe("similarities", () => {
  it("are 1 for the same words, 0 for no common character, and ignore punctuation and width", () => {
    for (const sim of [lcsSimilarity, diceSimilarity]) {
      expect(sim(words("加快科技成果转化，支持创新。"), words("加快科技成果转化,支持创新"))).toBe(1);
      expect(sim(words("甲乙丙丁"), words("戊己庚辛"))).toBe(0);
      expect(sim(words(""), words("甲乙"))).toBe(0);
      expect(sim(words("１２３"), words("123"))).toBe(1);
    }
    // LCS of 甲乙丙丁 and 甲丙丁戊 is 甲丙丁: 2·3/8.
    expect(lcsSimilarity(words("甲乙丙丁"), words("甲丙丁戊"))).toBeCloseTo(0.75);
    // Bigrams 甲乙 乙丙 丙丁 and 甲丙 丙丁 丁戊 share only 丙丁: 2·1/6.
    expect(diceSimilarity(words("甲乙丙丁"), words("甲丙丁戊"))).toBeCloseTo(1 / 3);
  });
});

describe("alignment of small pairs", () => {
  it("an empty superior text: every local sentence is added", () => {
    const t = task("", "甲乙丙。丁戊己。");
    expect(t.rows.map((r) => r.kind)).toEqual(["added", "added"]);
    expect(t.share).toEqual({ localCharacters: 8, copiedCharacters: 0, share: 0 });
  });

  it("an empty local text: every superior sentence is left out, and the share is 0, not NaN", () => {
    const t = task("甲乙丙。丁戊己。", "");
    expect(t.rows.map((r) => r.kind)).toEqual(["omitted", "omitted"]);
    expect(t.share.share).toBe(0);
    expect(alignTask("", [""])).toEqual([]);
  });

  it("texts with no common character: left out, then added, never paired", () => {
    const t = task("甲乙丙丁。", "戊己庚辛。");
    expect(t.rows.map((r) => [r.kind, r.superior?.text ?? null, r.local?.text ?? null])).toEqual([
      ["omitted", "甲乙丙丁。", null],
      ["added", null, "戊己庚辛。"],
    ]);
  });

  it("a moved sentence is still paired (one-to-one, best pairs first)", () => {
    const t = task("第一项工作要点。第二项工作安排。", "第二项工作安排。第一项工作要点。");
    expect(t.rows.map((r) => [r.kind, r.superior!.text])).toEqual([
      ["identical", "第二项工作安排。"],
      ["identical", "第一项工作要点。"],
    ]);
    expect(t.share.share).toBe(1);
  });

  it("pairs each local measure with the superior sentence it implements", () => {
    const rows = alignTask("推动企业上云上平台。每年培育企业一百家。", ["每年培育企业十家。", "推动企业上云上平台。"]);
    expect(rows.map((r) => [r.superior?.text, r.local?.measure])).toEqual([
      ["每年培育企业一百家。", 0],
      ["推动企业上云上平台。", 1],
    ]);
  });

  it("a pair below the threshold is not a pair", () => {
    expect(matchTexts(["甲乙丙丁戊己庚辛"], ["甲子丑寅卯辰巳午"])).toEqual([]);
    expect(matchTexts(["甲乙丙丁戊己庚辛"], ["甲乙丙丁子丑寅卯"])).toEqual([{ superior: 0, local: 0, similarity: 0.5 }]);
  });
});

describe("classification and diff", () => {
  it("marks a changed number as a part of its own, whole", () => {
    expect(diffParts("每年开发新产品500项。", "每年开发新产品10项。")).toEqual([
      { kind: "same", text: "每年开发新产品" },
      { kind: "del", text: "500", mark: "number" },
      { kind: "ins", text: "10", mark: "number" },
      { kind: "same", text: "项。" },
    ]);
  });

  it("counts punctuation- and space-only differences as identical and keeps them to show", () => {
    const t = task("列入目录的产品，不得提出要求。", "列入目录的产品,不得提出要求 。");
    expect(t.rows.map((r) => r.kind)).toEqual(["identical"]);
    expect(t.rows[0].diff.filter((p) => p.kind !== "same")).toEqual([
      { kind: "del", text: "，", mark: "punctuation" },
      { kind: "ins", text: ",", mark: "punctuation" },
      { kind: "ins", text: " ", mark: "punctuation" },
    ]);
    const exact = task("完全相同的一句话。", "完全相同的一句话。");
    expect(exact.rows[0]).toMatchObject({ kind: "identical", diff: [], similarity: 1 });
  });

  it("counts as copied only common runs of at least four letters or digits", () => {
    // 甲乙丙丁 (4) is copied; 戊 alone between changes is coincidence.
    const t = task("甲乙丙丁子戊丑。", "甲乙丙丁寅戊卯。");
    expect(t.rows[0].kind).toBe("changed");
    expect(t.share.copiedCharacters).toBe(4);
  });
});
