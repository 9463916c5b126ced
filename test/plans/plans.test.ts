// Lists of one plan grouped and their superior measures aligned across them (src/plans/): by the cited 文号 with its
// brackets folded, else by the superior texts; a city's edited or cut copy still aligns, a left-out task is absent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { characterCounts, closeness, sameMeasure, sharedCharacters } from "../../src/plans/align.ts";
import { lcsSimilarity, words } from "../../src/compare/similarity.ts";
import { plansOf } from "../../src/plans/plans.ts";
import { PlansContent } from "../../src/model/plans.ts";
import type { Document } from "../../src/model/schema.ts";
import { planLists } from "./lists.ts";

const byGov = (docs: Document[], government: string) => docs.find((d) => d.government.name === government)!;
const upperOf = (doc: Document, n: number) => doc.chapters.flatMap((c) => c.items).find((i) => i.number === n)!.upper!;
const withoutNumber = (doc: Document, id: string): Document => ({ ...doc, id, implements: undefined });

describe("plans of the fixture's four lists", () => {
  it("groups the four cities' lists into one plan by 皖政办〔2022〕2号, the half-width [2022] folded", async () => {
    const docs = await planLists();
    expect(byGov(docs, "松溪市").implements?.number).toBe("皖政办〔2022〕2号");
    const content = PlansContent.parse(plansOf(docs));
    expect(content.plans).toHaveLength(1);
    const [plan] = content.plans;
    expect(plan!.id).toBe("wan-zheng-ban-2022-2-hao");
    expect(plan!.groupedBy).toBe("number");
    expect(plan!.title).toBe("安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知");
    // By government in Chinese order (pinyin: bai, lu, song, yun), then oldest first.
    expect(plan!.lists).toEqual(["bailu-zjtx-2022", "luan-zjtx-2022", "songxi-zjtx-2023", "yunxi-zjtx-2022"]);
    expect(plan!.measures).toHaveLength(20);
    expect(plan!.measures.map((m) => m.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("the plan's measures follow the bundled list's tasks; each city's tasks land on the measure their superior text is", async () => {
    const docs = await planLists();
    const [plan] = plansOf(docs).plans;
    const bundled = byGov(docs, "六安市");
    expect(plan!.measures.map((m) => m.title)).toEqual(bundled.chapters.flatMap((c) => c.items.map((i) => i.title)));
    const members = (n: number) => Object.fromEntries(plan!.measures[n - 1]!.members.map((m) => [m.list, m.items]));
    expect(members(1)).toEqual({ "bailu-zjtx-2022": [1], "luan-zjtx-2022": [1], "songxi-zjtx-2023": [1], "yunxi-zjtx-2022": [1] });
    // 云溪 prints bundled tasks 1, 2, 4, 6 as its 1–4 and leaves 3 and 5 out.
    expect(members(3)).toEqual({ "bailu-zjtx-2022": [3], "luan-zjtx-2022": [3], "songxi-zjtx-2023": [3] });
    expect(members(4)["yunxi-zjtx-2022"]).toEqual([3]);
    expect(members(5)["yunxi-zjtx-2022"]).toBeUndefined();
    expect(members(6)["yunxi-zjtx-2022"]).toEqual([4]);
    expect(members(7)).toEqual({ "luan-zjtx-2022": [7] });
  });

  it("松溪's edited (task 2) and cut (task 4) copies of the provincial text still align, and say how far they differ", async () => {
    const docs = await planLists();
    const [plan] = plansOf(docs).plans;
    const songxi = byGov(docs, "松溪市");
    const bundled = byGov(docs, "六安市");
    expect(upperOf(songxi, 2)).not.toBe(upperOf(bundled, 2));
    expect(upperOf(songxi, 4).length).toBeLessThan(upperOf(bundled, 4).length * 0.6);
    const similarity = (n: number) => plan!.measures[n - 1]!.members.find((m) => m.list === songxi.id)!.similarity;
    expect(similarity(2)).toBeGreaterThan(0.9);
    expect(similarity(2)).toBeLessThan(1);
    expect(similarity(4)).toBeLessThan(0.7);
    expect(similarity(1)).toBe(1);
    // The plan shows the text most lists print: the province's, not 松溪's edit.
    expect(plan!.measures[1]!.text).toBe(upperOf(bundled, 2));
  });

  it("a list that cites no number joins the plan whose superior texts it prints; without any number they form one of their own", async () => {
    const docs = await planLists();
    const bailu = byGov(docs, "白鹭市");
    const joined = plansOf([...docs, withoutNumber(bailu, "bailu-copy")]).plans;
    expect(joined).toHaveLength(1);
    expect(joined[0]!.lists).toContain("bailu-copy");
    const alone = plansOf([withoutNumber(bailu, "a"), withoutNumber(byGov(docs, "松溪市"), "b")]).plans;
    expect(alone).toHaveLength(1);
    expect(alone[0]!.groupedBy).toBe("superior-text");
    expect(alone[0]!.number).toBeUndefined();
    expect(alone[0]!.lists).toEqual(["a", "b"]);
  });

  it("lists of another plan or of none are not grouped with these", async () => {
    const docs = await planLists();
    const other: Document = { ...byGov(docs, "白鹭市"), id: "other", implements: { title: "另一个文件", number: "皖政〔2023〕9号" } };
    const plans = plansOf([...docs, other]).plans;
    expect(plans.map((p) => p.lists.length).sort()).toEqual([1, 4]);
    const noSuperior: Document = {
      ...byGov(docs, "白鹭市"),
      id: "plain",
      implements: undefined,
      chapters: byGov(docs, "白鹭市").chapters.map((c) => ({ ...c, items: c.items.map(({ upper: _u, ...rest }) => rest) })),
    };
    expect(plansOf([noSuperior]).plans).toEqual([]);
  });
});

describe("when two superior texts are one measure", () => {
  const province = "对获得国家级专精特新“小巨人”、单项冠军称号的企业分别给予一次性奖补100万元、200万元，鼓励各地对省认定的专精特新企业给予奖补。";
  it("a copy cut to its first half, or with a clause dropped, is the same measure", () => {
    expect(sameMeasure(words(province), words(province.slice(0, 40)))).toBe(true);
    expect(sameMeasure(words(province), words(province.replace("，鼓励各地对省认定的专精特新企业给予奖补", "")))).toBe(true);
  });
  it("another measure, or a few shared words, is not", () => {
    expect(sameMeasure(words(province), words("加快科技成果转化与知识产权运用，支持高校科研人员等重点群体运用专利创新创业。"))).toBe(false);
    // Contained whole but a tenth of the length: a phrase, not a copy of the measure.
    expect(closeness(words(province), words("专精特新企业")).containment).toBe(1);
    expect(sameMeasure(words(province), words("专精特新企业"))).toBe(false);
  });
});

describe("the bound that spares the alignment an LCS", () => {
  // nearest() skips a measure by this bound, so it must never fall below the LCS, or a text could miss its measure.
  const text = fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 40 }).map((xs) => Int32Array.from(xs));
  it("is never shorter than the longest common subsequence, and is the whole text for a text and itself", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const lcs = Math.round((lcsSimilarity(a, b) * (a.length + b.length)) / 2);
        const bound = sharedCharacters(characterCounts(a), characterCounts(b));
        expect(bound).toBeGreaterThanOrEqual(a.length && b.length ? lcs : 0);
        expect(bound).toBeLessThanOrEqual(Math.min(a.length, b.length));
        expect(sharedCharacters(characterCounts(a), characterCounts(a))).toBe(a.length);
      }),
      { numRuns: 500 },
    );
  });
});
