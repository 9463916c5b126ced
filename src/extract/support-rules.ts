// The support finder's rules (政策找寻), in one readable place: which words of a measure name an enterprise
// stage and which name a topic. A card names a stage when its recipient (or its sentence) matches the stage's
// patterns; it belongs to every topic whose patterns its sentence matches. Edit here; nothing else holds words.

export interface Rule {
  id: string;
  /** What the page shows, as the policy says it. */
  label: string;
  patterns: RegExp[];
}

/** Enterprise stages, lowest first (the ladder of 专精特新 growth). */
export const STAGES: Rule[] = [
  { id: "pool", label: "培育库", patterns: [/培育库|后备库|入库培育/] },
  { id: "innovative", label: "创新型中小企业", patterns: [/创新型中小企业/] },
  { id: "city", label: "市专精特新", patterns: [/市级?“?专精特新”?(?!冠军|板)/] },
  { id: "province", label: "省专精特新", patterns: [/省级?“?专精特新”?(?!冠军|板)(企业|中小企业)/] },
  { id: "champion", label: "冠军", patterns: [/专精特新冠军/] },
  { id: "little-giant", label: "小巨人", patterns: [/小巨人/] },
  { id: "single-champion", label: "单项冠军", patterns: [/单项冠军/] },
];

/** Topics an enterprise asks about. 资金奖补 also holds every card with an amount or a rate. */
export const TOPICS: Rule[] = [
  { id: "funding", label: "资金奖补", patterns: [/奖补|补助|奖励|补贴|资助|专项资金/] },
  { id: "finance", label: "融资", patterns: [/融资|贷款|信贷|担保|基金|股权投资|金融机构/] },
  { id: "listing", label: "上市", patterns: [/上市|挂牌|北交所|新三板|四板|资本市场/] },
  { id: "digital", label: "数字化", patterns: [/数字化|上云|工业互联网|智能工厂|智能化|网络化|5G|IPv6/] },
  { id: "talent", label: "人才", patterns: [/人才|培训|技能|引才|育才|企业家培养|企业家队伍/] },
  { id: "factors", label: "要素保障", patterns: [/要素|土地|用地|能耗|排放|用电|用水|用气|发展空间|小微企业园/] },
  { id: "market", label: "市场开拓", patterns: [/开拓市场|展会|品牌|“三品”|首台套|首批次|首版次|政府采购|招投标|宣传推广|配套合作|优质工业产品/] },
];

export const FUNDING_TOPIC = "funding";

/** Ids of the rules whose patterns match the text, in the rules' order. */
export function matchRules(rules: Rule[], text: string): string[] {
  return rules.filter((r) => r.patterns.some((p) => p.test(text))).map((r) => r.id);
}
