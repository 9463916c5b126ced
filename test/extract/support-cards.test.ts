// The support finder's cards: a card is a benefit to a recipient. The 小巨人 award is a card with its recipient as a
// short phrase; a sentence that only sets the government a target is not; a column naming no level takes the
// issuing government's; the calculator's figures are in 元.
import { describe, expect, it } from "vitest";
import { appliesTo, findSupport, governmentLevel, groupByKind, supportCards } from "../../src/extract/support-cards.ts";
import { KINDS, OFFER, STAGES } from "../../src/extract/support-rules.ts";
import { beneficiaryOf, RECIPIENT_MAX } from "../../src/extract/beneficiary.ts";
import { bundledWithFigures } from "./helpers.ts";

const doc = bundledWithFigures();
const cards = supportCards(doc);
const chars = (s: string) => [...s].length;

describe("support cards of the bundled list", () => {
  it("stage 小巨人 yields the 100 万元 award: its recipient as printed with the list item put in, the sentence, the unit to contact", () => {
    const found = findSupport(cards, { stage: "little-giant", kind: "reward" });
    const award = found.find((c) => c.amount === "100万元" && c.label === "小巨人" && c.task === 2)!;
    expect(award).toMatchObject({ recipient: "获得国家级专精特新“小巨人”称号的企业", oneOff: true, lead: ["市经信局"], stages: ["little-giant"], yuan: 1_000_000, upTo: false, level: "provincial" });
    expect(award.text).toContain("对获得国家级专精特新“小巨人”、单项冠军称号的企业分别给予一次性奖补100万元、200万元");
    expect(found.some((c) => c.amount === "200万元" && c.label === "单项冠军")).toBe(false);
  });

  it("stage 市专精特新 yields the city's 10 万元 award, not the province's 30 万元", () => {
    const found = findSupport(cards, { stage: "city" });
    const award = found.find((c) => c.amount === "10万元" && c.label === "市级")!;
    expect(award).toMatchObject({ task: 2, side: "local", level: "municipal", recipient: "当年获得认定的市级“专精特新”企业", yuan: 100_000 });
    expect(found.some((c) => c.amount === "30万元" && c.label === "省")).toBe(false);
  });

  it("a cap alone is the calculator's figure, as a maximum", () => {
    const capped = cards.find((c) => c.task === 6 && c.cap !== null && c.amount === null)!;
    expect(capped).toMatchObject({ cap: "100 万元", yuan: 1_000_000, upTo: true, recipient: "帮助我省中小企业具体实施上云上平台等项目的服务商" });
  });

  it("sentences that only set the government a target are not cards", () => {
    const texts = cards.map((c) => c.text);
    for (const target of ["每年推动 200 家企业上云上平台", "全年举办各类培训不少于10场，培训1000人次以上", "各县（区）应当在本级财政预算中安排中小企业发展专项资金"]) {
      expect(texts, target).not.toContain(target);
    }
    expect(cards.every((c) => c.amount || c.rate || c.cap || OFFER.test(c.text))).toBe(true);
  });

  it("a sentence that offers a kind of benefit without an amount is a card of that kind, with its recipient", () => {
    const land = cards.find((c) => c.side === "local" && c.text === "建立资源要素配置优选机制，对专精特新企业优先给予土地、能耗、排放等要素保障")!;
    expect(land).toMatchObject({ kinds: ["factors"], recipient: "专精特新企业", amount: null, yuan: null, level: "municipal" });
    const project = cards.find((c) => c.side === "superior" && c.task === 1)!;
    expect(project).toMatchObject({ kinds: ["finance"], recipient: "获奖项目", level: "provincial" });
  });

  it("every recipient is a short phrase or none, and every card once in its kind's group", () => {
    for (const c of cards) if (c.recipient !== null) expect(chars(c.recipient), c.recipient).toBeLessThanOrEqual(RECIPIENT_MAX);
    expect(cards.filter((c) => c.id.startsWith("card-sub-"))).toHaveLength(doc.figures.subsidies.length);
    expect(groupByKind(cards).reduce((n, g) => n + g.cards.length, 0)).toBe(cards.length);
    expect(findSupport(cards, { level: "provincial" }).every((c) => c.level === "provincial")).toBe(true);
  });

  it("keeps the stages and kinds in one rules file, and every money kind an award names", () => {
    expect(STAGES.map((s) => s.label)).toEqual(["培育库", "创新型中小企业", "市专精特新", "省专精特新", "冠军", "小巨人", "单项冠军"]);
    expect(KINDS.map((k) => k.label)).toEqual(["奖补", "补助", "贴息", "担保", "融资", "上市挂牌", "政府采购", "要素保障", "人才培训", "市场开拓", "数字化改造", "服务"]);
    for (const kind of ["reward", "finance", "listing", "procurement", "factors", "talent", "market", "digital", "service"]) {
      expect(findSupport(cards, { kind }).length, kind).toBeGreaterThan(0);
    }
  });
});

describe("levels and recipients", () => {
  it("reads a government's level from its name", () => {
    expect(["安徽省", "六安市", "青岚区", "某县", "某某"].map(governmentLevel)).toEqual(["provincial", "municipal", "county", "county", null]);
  });

  it("a list whose column names no level takes the issuing government's, its superior column the level above", () => {
    const local = { ...doc, government: { name: "青岚区" }, columns: doc.columns.map((c) => (c.role === "measure" ? { ...c, label: "工作措施" } : c.role === "superior" ? { ...c, label: "上级要求" } : c)) };
    const found = supportCards(local);
    const land = found.find((c) => c.side === "local" && c.kinds[0] === "factors")!;
    expect(land.level).toBe("county");
    expect(found.find((c) => c.side === "superior" && c.task === 1)!.level).toBe("municipal");
  });

  it("a cost is not a recipient, nor is a clause too long to be one", () => {
    expect(beneficiaryOf("参展企业的参展费用")).toBe("参展企业");
    expect(beneficiaryOf("新认定的国家级企业技术中心")).toBe("新认定的国家级企业技术中心");
    expect(beneficiaryOf("推动专精特新企业数字化、网络化、智能化、绿色化“四化”改造全覆盖")).toBe("专精特新企业");
  });

  it("a card naming no stage applies to every stage", () => {
    expect(appliesTo({ stages: [] }, "city")).toBe(true);
    expect(appliesTo({ stages: ["province"] }, "city")).toBe(false);
  });
});
