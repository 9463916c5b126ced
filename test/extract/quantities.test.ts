// Quantities of the bundled document: value and unit as printed, kind, period, qualifier, subject, offsets;
// printed lists paired item by item; names (5+1, 1+16+X, IPv6, 5G, 3A) left alone.
import { describe, expect, it } from "vitest";
import { findQuantities } from "../../src/extract/quantities.ts";
import { bundledWithFigures, measureText } from "./helpers.ts";

const doc = bundledWithFigures();
const qs = doc.figures.quantities;
/** By number and unit as printed; the spaces between them (ASCII or NBSP) do not matter here. */
const find = (task: number, side: "superior" | "local", printed: string) =>
  qs.filter((q) => q.task === task && q.side === side && q.printed.replace(/[\s\u00a0]/g, "") === printed.replace(/\s/g, ""));

describe("quantities of the bundled document", () => {
  it("has 83 quantities whose offsets point at the text as printed", () => {
    expect(qs).toHaveLength(83);
    for (const q of qs) expect(measureText(doc, q).slice(q.start, q.end)).toBe(q.printed);
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
  });

  it("reads yearly targets with their subject and period", () => {
    expect(find(2, "superior", "2000家")[0]).toMatchObject({ kind: "target", period: "每年", subject: "创新型中小企业", value: 2000, unit: "家" });
    expect(find(2, "superior", "500家")[0]).toMatchObject({ kind: "target", period: "每年", subject: "省专精特新企业" });
    expect(find(2, "local", "100家")[0]).toMatchObject({ period: "每年", subject: "入库培育企业" });
    expect(find(2, "local", "40家")[0]).toMatchObject({ period: "每年", subject: "市专精特新企业" });
    expect(find(8, "superior", "8000台")[0]).toMatchObject({ qualifier: "左右", subject: "工业机器人" });
    expect(find(8, "superior", "200个")[0]).toMatchObject({ qualifier: "左右", subject: "省级智能工厂、数字化车间" });
  });

  it("keeps stray spaces as printed and finds the subject after the number when a verb comes first", () => {
    expect(find(16, "superior", "1000 场")[0]).toMatchObject({ value: 1000, unit: "场", qualifier: "以上", subject: "各类服务活动" });
    const cloud = qs.find((q) => q.task === 6 && q.side === "local" && q.value === 200)!;
    expect(cloud).toMatchObject({ unit: "家", subject: "企业上云上平台" });
    expect(cloud.printed).toMatch(/^200\s+家$/); // the source has a space (an NBSP) on either side
    expect(find(8, "local", "10 个")[0]).toMatchObject({ qualifier: "以上", subject: "工业互联网场景应用" });
    expect(find(13, "superior", "2025 年")[0]).toMatchObject({ kind: "deadline", qualifier: "到" });
  });

  it("reads qualifiers before and after, and money targets", () => {
    expect(find(17, "local", "10场")[0]).toMatchObject({ qualifier: "不少于", period: "全年", subject: "各类培训" });
    expect(find(17, "local", "1000人次")[0]).toMatchObject({ unit: "人次", qualifier: "以上" });
    expect(find(13, "local", "1000万平方米")[0]).toMatchObject({ unit: "万平方米", qualifier: "超", period: "到2025年", subject: "全市小微企业园建筑面积" });
    expect(find(9, "superior", "4000亿元")[0]).toMatchObject({ kind: "target", qualifier: "不少于", unit: "亿元", subject: "专项信贷资金" });
    expect(find(9, "superior", "30日")[0]).toMatchObject({ kind: "deadline", qualifier: "内" });
  });

  it("reads deadlines and the period they give to the targets after them", () => {
    expect(find(2, "local", "2025年")[0]).toMatchObject({ kind: "deadline", qualifier: "截至", subject: "培育国家制造业单项冠军2家" });
    expect(find(2, "local", "2家").map((q) => q.period)).toEqual(["每年", "截至2025年"]);
    expect(find(8, "superior", "300家")[0]).toMatchObject({ period: "到2025年", subject: "省级绿色工厂", qualifier: "以上" });
    expect(find(11, "superior", "5年")[0]).toMatchObject({ kind: "deadline" });
    expect(find(11, "superior", "50家")[0]).toMatchObject({ period: "5年", subject: "专精特新上市企业" });
  });

  it("pairs printed lists item by item", () => {
    const grades = qs.filter((q) => q.task === 7 && q.label).map((q) => [q.label!.text, q.printed]);
    expect(grades).toEqual([["3A", "50万元"], ["4A", "100万元"], ["5A级", "150万元"]]);
    const ranks = qs.filter((q) => q.task === 2 && q.side === "local" && q.label).map((q) => [q.label!.text, q.printed]);
    expect(ranks).toEqual([["省", "30万元"], ["市级", "10万元"], ["国家级", "50万元"], ["省级", "30万元"]]);
    const t7 = measureText(doc, { task: 7, side: "superior", measure: 0 });
    for (const q of qs.filter((x) => x.task === 7 && x.label)) expect(t7.slice(q.label!.start, q.label!.end)).toBe(q.label!.text);
  });

  it("takes no number of a name for a quantity", () => {
    const texts = ["围绕市“5+1”产业链“双招双引”", "完善省“1+16+X” 中小企业公共服务平台服务体系", "支持以IPv6(互联网协议第6版)、工业PON(无源光网络)、5G等技术", "对评估等级在 3A 级（含）以上的企业", "“5G+工业互联网”场景应用"];
    for (const text of texts) expect(findQuantities({ task: 1, side: "local", measure: 0, text }), text).toEqual([]);
  });

  it("classifies each kind", () => {
    const kinds = Object.fromEntries(["target", "subsidy", "rate", "deadline", "other"].map((k) => [k, qs.filter((q) => q.kind === k).length]));
    expect(kinds).toEqual({ target: 47, subsidy: 20, rate: 5, deadline: 10, other: 1 });
    expect(find(20, "superior", "1名")[0]).toMatchObject({ kind: "other", subject: "服务专员" });
  });
});
