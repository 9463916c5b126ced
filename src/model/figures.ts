// The figures of a document: every quantity in its measures, the subsidies, the superior ↔ local target pairs
// and the growth paths. Part of the Document model (field `figures`); types are inferred from these schemas.
import { z } from "zod";

/** superior = the superior level's measure (e.g. 省工作举措); local = one of this level's measures. */
export const Side = z.enum(["superior", "local"]);
export const Level = z.enum(["national", "provincial", "municipal", "county"]).describe("国家 / 省 / 市 / 县");
export const QuantityKind = z.enum(["target", "subsidy", "rate", "deadline", "other"]);

/** A span of a measure's text: UTF-16 offsets, start inclusive, end exclusive (JavaScript string indices). */
const Span = {
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
};

/** Where a figure was found: task number, side, and the index of the local measure (0 for the superior side). */
const Place = {
  task: z.number().int().positive(),
  side: Side,
  measure: z.number().int().nonnegative().describe("index in the task's local measures; 0 on the superior side"),
};

export const ListLabel = z
  .object({ text: z.string().min(1), ...Span })
  .strict()
  .describe("the list item this value belongs to: 3A、4A、5A级…50万元、100万元、150万元 pairs 4A with 100万元");

export const Quantity = z
  .object({
    id: z.string().regex(/^t\d+-(s|l\d+)-\d+$/).describe("t<task>-<s | l<measure>>-<n>, n counted from 1 in the measure"),
    ...Place,
    value: z.number().describe("the number as a number"),
    valuePrinted: z.string().describe("the number as printed"),
    unit: z.string().min(1).describe("the unit as printed: 家, 万元, %, 年…"),
    printed: z.string().describe("number and unit as printed (text[start, end]), e.g. 1000 场"),
    kind: QuantityKind,
    period: z.string().nullable().describe("每年, 全年, 到2025年, 截至2025年, 5年… as printed"),
    qualifier: z.string().nullable().describe("以上, 左右, 不少于, 最高, 超, 不超过, 到… as printed"),
    subject: z.string().describe("what is counted or paid for, as printed (e.g. 省专精特新企业, 工业机器人)"),
    label: ListLabel.nullable(),
    ...Span,
  })
  .strict();

export const Subsidy = z
  .object({
    id: z.string(),
    ...Place,
    condition: z.string().describe("who receives it, as printed (获得国家级专精特新“小巨人”、单项冠军称号的企业)"),
    label: z.string().nullable().describe("the item of a printed list this award is for (小巨人)"),
    amount: z.string().nullable().describe("id of the amount quantity"),
    rate: z.string().nullable().describe("id of the rate quantity (% of a basis)"),
    cap: z.string().nullable().describe("id of the cap quantity (最高…)"),
    basis: z.string().nullable().describe("what a rate is taken of, as printed (项目设备购置额)"),
    oneOff: z.boolean().describe("一次性"),
    payer: z.string().nullable().describe("who pays, as printed (省级, 市财政, 省、市财政)"),
    payerLevel: Level.nullable(),
    ...Span,
  })
  .strict();

export const TargetPair = z
  .object({
    task: z.number().int().positive(),
    superior: z.string().describe("id of the superior target"),
    local: z.string().describe("id of the local target"),
    localShare: z.number().nonnegative().describe("local value ÷ superior value, in the same unit magnitude"),
    source: z.enum(["rule", "override"]),
    score: z.number().nullable().describe("subject similarity the rule found (0–1); null for overrides"),
    note: z.string().nullable(),
  })
  .strict();

export const GrowthStage = z.object({ text: z.string().min(1), ...Span }).strict();
export const GrowthPath = z
  .object({
    ...Place,
    printed: z.string().describe("the path as printed between the quotes"),
    stages: z.array(GrowthStage).min(1),
    ...Span,
  })
  .strict();

export const Figures = z
  .object({
    quantities: z.array(Quantity),
    subsidies: z.array(Subsidy),
    targetPairs: z.array(TargetPair),
    growthPaths: z.array(GrowthPath),
  })
  .strict();

/** The per-document file of human corrections to the automatic alignment: seeds/<stem>.overrides.json. */
export const AlignmentOverrides = z
  .object({
    $comment: z.string().optional(),
    pairs: z
      .array(z.object({ superior: z.string(), local: z.string(), note: z.string().optional() }).strict())
      .default([])
      .describe("pairs the rules miss; they replace any automatic pair of either quantity"),
    unpair: z
      .array(z.object({ superior: z.string(), local: z.string(), note: z.string().optional() }).strict())
      .default([])
      .describe("automatic pairs that are wrong"),
  })
  .strict();

/** A card of the support finder (政策找寻): one award or one supporting sentence, derived from the model. */
export const SupportCard = z
  .object({
    id: z.string(),
    ...Place,
    taskTitle: z.string(),
    stages: z.array(z.string()).describe("stage ids the card names; empty = open to any enterprise"),
    kinds: z.array(z.string()).min(1).describe("kinds of benefit (src/extract/support-rules.ts KINDS), the card's own first"),
    level: Level.nullable().describe("who pays where printed, else the side's level, else the issuing government's"),
    levelPrinted: z.string().describe("payer as printed, else the side's column label"),
    amount: z.string().nullable().describe("as printed, e.g. 100万元"),
    rate: z.string().nullable(),
    cap: z.string().nullable(),
    basis: z.string().nullable().describe("what a rate is taken of, as printed"),
    yuan: z.number().nullable().describe("the amount in 元, else the cap's; null when neither (a rate alone, no figure)"),
    upTo: z.boolean().describe("the figure is a maximum (最高, 不超过, or a cap alone)"),
    oneOff: z.boolean(),
    label: z.string().nullable(),
    recipient: z.string().nullable().describe("who it is for, a short phrase as printed; null when the text names none"),
    text: z.string().describe("the sentence as printed: the condition"),
    lead: z.array(z.string()).describe("units to contact (牵头责任单位)"),
    support: z.array(z.string()),
    quantities: z.array(z.string()),
  })
  .strict();

export type Side = z.infer<typeof Side>;
export type Level = z.infer<typeof Level>;
export type QuantityKind = z.infer<typeof QuantityKind>;
export type ListLabel = z.infer<typeof ListLabel>;
export type Quantity = z.infer<typeof Quantity>;
export type Subsidy = z.infer<typeof Subsidy>;
export type TargetPair = z.infer<typeof TargetPair>;
export type GrowthStage = z.infer<typeof GrowthStage>;
export type GrowthPath = z.infer<typeof GrowthPath>;
export type Figures = z.infer<typeof Figures>;
export type AlignmentOverrides = z.infer<typeof AlignmentOverrides>;
export type SupportCard = z.infer<typeof SupportCard>;
