// Every subsidy of the bundled document, hand-checked against the text: amount or rate, cap, recipient as printed,
// one-off, list item and paying level.
import { describe, expect, it } from "vitest";
import { bundledWithFigures, quantity, subsidy } from "./helpers.ts";

const doc = bundledWithFigures();
const one = (task: number, side: "superior" | "local", printed: string, label?: string) => {
  const found = subsidy(doc, task, side, printed, label);
  expect(found, `${task} ${side} ${printed} ${label ?? ""}`).toHaveLength(1);
  return found[0];
};

describe("subsidies of the bundled document", () => {
  it("task 2, superior: 80 万元 for 冠军, 100 / 200 万元 for 小巨人 / 单项冠军 (twice: awarded, moved to Anhui)", () => {
    const champion = one(2, "superior", "80万元");
    expect(champion).toMatchObject({ condition: "省培育认定的专精特新冠军企业", oneOff: true, label: null });
    const giants = subsidy(doc, 2, "superior", "100万元", "小巨人");
    const singles = subsidy(doc, 2, "superior", "200万元", "单项冠军");
    expect(giants.map((s) => s.condition)).toEqual(["获得国家级专精特新“小巨人”、单项冠军称号的企业", "迁入安徽的国家级专精特新“小巨人”、单项冠军企业"]);
    expect(singles.map((s) => s.condition)).toEqual(giants.map((s) => s.condition));
    expect([...giants, ...singles].every((s) => s.oneOff)).toBe(true);
  });

  it("task 2, local: 30 / 10 万元 for 省 / 市级专精特新, 5 万元 后备库, 10 万元 省股权托管交易中心, 50 / 30 万元 国家级 / 省级基地", () => {
    expect(one(2, "local", "30万元", "省")).toMatchObject({ condition: "当年获得认定的省、市级“专精特新”企业", oneOff: true });
    expect(one(2, "local", "10万元", "市级")).toMatchObject({ condition: "当年获得认定的省、市级“专精特新”企业", oneOff: true });
    expect(one(2, "local", "5万元").condition).toBe("初次进入“专精特新”后备库的企业");
    const listing = subsidy(doc, 2, "local", "10万元").find((s) => s.label === null)!;
    expect(listing.condition).toBe("在省股权托管交易中心挂牌的“专精特新”中小企业");
    expect(one(2, "local", "50万元", "国家级").condition).toBe("评为国家级、省级小微企业创业创新基地的");
    expect(one(2, "local", "30万元", "省级").condition).toBe("评为国家级、省级小微企业创业创新基地的");
  });

  it("task 7: 50 / 100 / 150 万元 for 3A / 4A / 5A级, paid by 省级; 50% up to 100 万元 for network security", () => {
    for (const [printed, label] of [["50万元", "3A"], ["100万元", "4A"], ["150万元", "5A级"]]) {
      expect(one(7, "superior", printed, label)).toMatchObject({ condition: "评估等级在3A、4A、5A级的企业", payer: "省级", payerLevel: "provincial", oneOff: true });
    }
    const security = one(7, "superior", "50%");
    expect(quantity(doc, security.cap!).printed).toBe("100万元");
    expect(quantity(doc, security.rate!).qualifier).toBe("不超过");
    expect(security.basis).toBe("项目投资额");
  });

  it("task 8: 10% of equipment purchases, up to 500 万元, paid by 省级", () => {
    const s = one(8, "superior", "10%");
    expect(s).toMatchObject({ basis: "项目设备购置额", payer: "省级", payerLevel: "provincial", oneOff: false, amount: null });
    expect(quantity(doc, s.cap!)).toMatchObject({ printed: "500万元", qualifier: "最高", kind: "subsidy" });
    expect(s.condition).toBe("推动专精特新企业数字化、网络化、智能化、绿色化“四化”改造全覆盖");
  });

  it("task 11: 20 万元 one-off for listing on the 专精特新板", () => {
    expect(one(11, "superior", "20万元")).toMatchObject({ condition: "省区域性股权市场“专精特新板”挂牌的企业", oneOff: true });
  });

  it("task 15: 省、市财政 pay 50% and 30% of promotion costs; the city alone 30%", () => {
    expect(one(15, "superior", "50%", "省")).toMatchObject({ payer: "省、市财政", payerLevel: "provincial", basis: "宣传推广费用" });
    expect(one(15, "superior", "30%", "市")).toMatchObject({ payer: "省、市财政", payerLevel: "municipal", basis: "宣传推广费用" });
    expect(one(15, "local", "30%")).toMatchObject({ payer: "市财政", payerLevel: "municipal", basis: "宣传推广费用" });
  });

  it("task 16: 100 万元 for national public service platforms (not one-off)", () => {
    expect(one(16, "superior", "100万元")).toMatchObject({ condition: "国家级公共服务示范平台", oneOff: false });
  });

  it("task 6: 100 万元 for enterprise platforms, and a cap-only award of up to 100 万元 for service providers", () => {
    expect(one(6, "superior", "100万元").condition).toBe("企业级工业互联网平台");
    const cap = one(6, "superior", "100 万元");
    expect(cap).toMatchObject({ amount: null, rate: null, oneOff: true, condition: "帮助我省中小企业具体实施上云上平台等项目的服务商" });
  });

  it("finds exactly these 23 subsidies", () => {
    expect(doc.figures.subsidies).toHaveLength(23);
  });
});
