// The support finder: stage 小巨人 lists the 100 万元 award, stage 市专精特新 the 10 万元 one; rules in one file.
import { describe, expect, it } from "vitest";
import { findSupport, groupByTopic, supportCards } from "../../src/extract/support-cards.ts";
import { STAGES, TOPICS } from "../../src/extract/support-rules.ts";
import { bundledWithFigures } from "./helpers.ts";

const doc = bundledWithFigures();
const cards = supportCards(doc);

describe("support cards", () => {
  it("stage 小巨人 yields the 100 万元 award, with the condition as printed and the unit to contact", () => {
    const found = findSupport(cards, { stage: "little-giant", topic: "funding" });
    const award = found.find((c) => c.amount === "100万元" && c.label === "小巨人")!;
    expect(award).toMatchObject({ task: 2, condition: "获得国家级专精特新“小巨人”、单项冠军称号的企业", oneOff: true, lead: ["市经信局"], stages: ["little-giant"] });
    expect(found.some((c) => c.amount === "200万元" && c.label === "单项冠军")).toBe(false);
  });

  it("stage 市专精特新 yields the 10 万元 award of the city", () => {
    const found = findSupport(cards, { stage: "city" });
    const award = found.find((c) => c.amount === "10万元" && c.label === "市级")!;
    expect(award).toMatchObject({ task: 2, side: "local", level: "municipal", condition: "当年获得认定的省、市级“专精特新”企业" });
    expect(found.some((c) => c.amount === "30万元" && c.label === "省")).toBe(false);
  });

  it("gives every subsidy a card, filters by level, and groups every card once", () => {
    expect(cards.filter((c) => c.id.startsWith("card-sub-"))).toHaveLength(doc.figures.subsidies.length);
    expect(findSupport(cards, { level: "provincial" }).every((c) => c.level === "provincial")).toBe(true);
    expect(groupByTopic(cards).reduce((n, g) => n + g.cards.length, 0)).toBe(cards.length);
    for (const c of cards) expect(c.topics.length).toBeGreaterThan(0);
  });

  it("keeps the stages and topics of the issue in one rules file", () => {
    expect(STAGES.map((s) => s.label)).toEqual(["培育库", "创新型中小企业", "市专精特新", "省专精特新", "冠军", "小巨人", "单项冠军"]);
    expect(TOPICS.map((t) => t.label)).toEqual(["资金奖补", "融资", "上市", "数字化", "人才", "要素保障", "市场开拓"]);
    for (const topic of TOPICS) expect(findSupport(cards, { topic: topic.id }).length, topic.label).toBeGreaterThan(0);
  });
});
