// Hand-checked rows of the bundled document (luan-zjtx-2022): the texts were read in content/ and the expected
// rows written from them, not from the program's output.
import { describe, expect, it } from "vitest";
import type { ComparisonRow, TaskComparison } from "../../src/model/comparison.ts";
import { allItems, bundled } from "../ingest/helpers.ts";

const doc = bundled();
const task = (n: number): TaskComparison => doc.comparison.tasks.find((t) => t.item === n)!;
const kinds = (t: TaskComparison) => t.rows.map((r) => r.kind);
const rowWith = (t: TaskComparison, side: "superior" | "local", text: string): ComparisonRow => {
  const row = t.rows.find((r) => r[side]?.text.includes(text));
  if (!row) throw new Error(`no ${side} row with ${text} in task ${t.item}`);
  return row;
};
const changes = (row: ComparisonRow) => row.diff.filter((p) => p.kind !== "same").map((p) => `${p.kind}:${p.text}${p.mark ? ":" + p.mark : ""}`);

describe("the bundled document's comparison", () => {
  it("covers every task, and every span points at its text", () => {
    expect(doc.comparison.tasks.map((t) => t.item)).toEqual(allItems(doc).map((i) => i.number));
    for (const item of allItems(doc)) {
      for (const row of task(item.number).rows) {
        if (row.superior) expect(item.upper!.slice(row.superior.start, row.superior.end)).toBe(row.superior.text);
        if (row.local) expect(item.local[row.local.measure].text.slice(row.local.start, row.local.end)).toBe(row.local.text);
      }
    }
  });

  it("task 9: three sentences carried over, 信用贷 → 订单贷, the 十行千亿万企 sentence replaced by a guarantee action", () => {
    const t = task(9);
    expect(kinds(t)).toEqual(["identical", "changed", "omitted", "added", "identical"]);
    const loan = rowWith(t, "local", "订单贷");
    expect(loan.kind).toBe("changed");
    expect(loan.superior!.text).toContain("“信用贷”");
    expect(changes(loan)).toEqual(["del:信用", "ins:订单", "ins:专属"]);
    expect(rowWith(t, "superior", "十行千亿万企").kind).toBe("omitted");
    expect(rowWith(t, "local", "融资担保提升行动").kind).toBe("added");
    expect(rowWith(t, "superior", "供应链金融").local!.text).toBe(rowWith(t, "superior", "供应链金融").superior!.text);
    expect(t.counts).toEqual({ identical: 2, changed: 1, added: 1, omitted: 1 });
  });

  it("task 5: 500 → 10 as a number change, a clause replaced, a sentence added, a last sentence identical but for commas", () => {
    const t = task(5);
    const products = rowWith(t, "local", "每年开发省级新产品10项以上");
    expect(products.kind).toBe("changed");
    expect(changes(products)).toEqual(["del:500:number", "ins:10:number"]);
    // 每年评定首台套装备200项、首批次新材料40项、首版次软件100项左右 → 每年评定“三首”项目3个以上
    expect(rowWith(t, "superior", "每年评定首台套装备200项").kind).toBe("omitted");
    expect(rowWith(t, "local", "每年评定“三首”项目3个以上").kind).toBe("added");
    expect(rowWith(t, "local", "落实“三首一保”政策").kind).toBe("identical");
    expect(rowWith(t, "local", "鼓励专精特新企业参加招投标").kind).toBe("added");
    const last = t.rows.at(-1)!;
    expect(last.kind).toBe("identical");
    expect(last.superior!.text).toContain("投标时，招标单位");
    expect(last.local!.text).toContain("投标时,招标单位");
    expect(changes(last)).toEqual(["del:，:punctuation", "ins:,:punctuation", "del:，:punctuation", "ins:,:punctuation"]);
  });

  it("task 1: three measures, each aligned with the superior sentence it implements", () => {
    const t = task(1);
    const byMeasure = (m: number) => t.rows.filter((r) => r.local?.measure === m);
    // Measure 1 opens with a sentence of its own (市科创中心…), then carries 大力开展“创业安徽”行动… as 积极参与….
    expect(byMeasure(0).map((r) => r.kind)).toEqual(["added", "changed"]);
    expect(byMeasure(0)[1].superior!.text).toMatch(/^大力开展“创业安徽”行动/);
    expect(changes(byMeasure(0)[1])).toContain("ins:六安市赛");
    // Measure 2 is the superior's second sentence with a half-width comma: identical, difference shown.
    expect(byMeasure(1).map((r) => r.kind)).toEqual(["identical"]);
    expect(byMeasure(1)[0].superior!.text).toMatch(/^加快科技成果转化/);
    expect(changes(byMeasure(1)[0])).toEqual(["del:，:punctuation", "ins:,:punctuation"]);
    // Measure 3 is the third sentence with 市“5+1”产业链 in place of 十大新兴产业.
    expect(byMeasure(2).map((r) => r.kind)).toEqual(["changed"]);
    expect(byMeasure(2)[0].superior!.text).toMatch(/^围绕十大新兴产业/);
    const diff = byMeasure(2)[0].diff;
    expect(diff.filter((p) => p.kind === "del").map((p) => p.text).join("")).toBe("十大新兴");
    expect(diff.filter((p) => p.kind === "ins").map((p) => p.text).join("")).toBe("市“5+1”链");
    expect(t.rows.some((r) => r.kind === "omitted")).toBe(false);
  });

  it("task 12: a copied opening and an added A档/B档/C档/D档 classification", () => {
    const t = task(12);
    expect(t.rows[0].kind).toBe("identical");
    expect(t.rows[0].local!.text).toBe("建立资源要素配置优选机制，对专精特新企业优先给予土地、能耗、排放等要素保障。");
    expect(t.rows[1].kind).toBe("identical");
    expect(t.rows[1].local!.text).toBe("实施“亩均论英雄”改革，建立分类管理机制，");
    const classification = rowWith(t, "local", "A档优先发展、B档提升发展、C档规范转型、D档倒逼整治");
    expect(classification.kind).toBe("added");
    expect(rowWith(t, "superior", "对A类企业正向激励").kind).toBe("omitted");
  });

  it("task 20: the 千企行 service-officer clauses left out, two platforms added, the rest identical", () => {
    const t = task(20);
    expect(kinds(t)).toEqual(["omitted", "added", "identical", "identical"]);
    expect(t.rows[0].superior!.text).toBe("开展“专精特新千企行”活动，各地为每家“专精特新”中小企业配备1名服务专员，");
    expect(t.rows[1].local!.text).toBe("充分利用“创优营商环境为企服务平台”和“皋企吹哨平台”，");
    expect(t.rows[2].local!.text).toMatch(/^推行顶格服务企业机制.*问题。$/);
  });

  it("task shares are copied over local characters, and the document's share is their pooled ratio", () => {
    const shares = doc.comparison.tasks.map((t) => t.share);
    const copied = shares.reduce((n, s) => n + s.copiedCharacters, 0);
    const local = shares.reduce((n, s) => n + s.localCharacters, 0);
    expect(doc.comparison.share).toEqual({ localCharacters: local, copiedCharacters: copied, share: Math.round((copied / local) * 10000) / 10000 });
    // Task 18 only swaps 省 for 市 and 各地 for 各县（区）: mostly copied. Task 17 writes its own training plan.
    expect(task(18).share.share).toBeGreaterThan(0.8);
    expect(task(17).share.share).toBeLessThan(0.1);
  });
});
