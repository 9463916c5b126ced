// The support finder's rules (政策找寻), in one readable place: which words of a measure name an enterprise stage,
// which name a kind of benefit, and which offer it. Edit here; nothing else holds words.
//
// A sentence is a card when it pays an amount or a rate (an award, from src/extract/subsidies.ts), or when it names
// a kind of benefit AND offers it (OFFER): 对专精特新企业优先给予土地、能耗…要素保障 is a card; 每年推动200家企业上云
// 上平台 sets the government a target and is not.

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

/**
 * Kinds of benefit, in the order the finder groups them. The first three are money: an award's kind is the money
 * word printed nearest after its recipient (奖励 → 奖补, 补助 → 补助, 贴息 → 贴息), 奖补 when it prints none.
 */
export const KINDS: Rule[] = [
  { id: "reward", label: "奖补", patterns: [/奖补|奖励|奖金|资助/] },
  { id: "subsidy", label: "补助", patterns: [/补助|补贴/] },
  { id: "interest", label: "贴息", patterns: [/贴息/] },
  { id: "guarantee", label: "担保", patterns: [/担保|风险补偿/] },
  { id: "finance", label: "融资", patterns: [/融资|贷款|信贷|贷”|股权投资|基金/] },
  { id: "listing", label: "上市挂牌", patterns: [/上市|挂牌/] },
  { id: "procurement", label: "政府采购", patterns: [/政府采购|招标|单一来源/] },
  { id: "factors", label: "要素保障", patterns: [/要素|土地|用地|能耗|排放|用电|用水|用气/] },
  { id: "talent", label: "人才培训", patterns: [/人才|培训|引才|育才/] },
  { id: "market", label: "市场开拓", patterns: [/展会|宣传推广|品牌|首台套|首批次|首版次/] },
  { id: "digital", label: "数字化改造", patterns: [/数字化|上云|工业互联网|智能化|网络安全|技术改造|技改/] },
  { id: "service", label: "服务", patterns: [/服务(?!商)|绿色通道/] },
];

/** Money kinds, nearest money word first: the kind an award takes (奖补 when the text prints none). */
export const MONEY_WORDS: Array<{ kind: string; pattern: RegExp }> = [
  { kind: "interest", pattern: /贴息/g },
  { kind: "subsidy", pattern: /补助|补贴/g },
  { kind: "reward", pattern: /奖补|奖励|奖金|资助/g },
];
export const DEFAULT_MONEY_KIND = "reward";

/**
 * Words that offer a benefit to an enterprise, as opposed to setting the government a target or a task:
 * 给予 / 予以 / 优先… / 享受 / 倾斜 / 提供…服务 / 为…企业打造 / 支持…融资 / 加大对…的支持力度 / 可不进行招标 /
 * 组织…企业…培训 / 指导企业申请.
 */
export const OFFER =
  /给予|予以|优先|享受|倾斜|发放|提供[^，。；]*(服务|通道|产品|支持|担保|贷款|融资)|为[^，。；]*企业(打造|提供|开发)|支持[^，。；]{0,12}(融资|上市)|加大对[^，。；]*支持力度|可不进行招标|(组织|开展|对接)[^。；]*企业[^。；]*培训|指导企业申请/;

/** Ids of the rules whose patterns match the text, in the rules' order. */
export function matchRules(rules: Rule[], text: string): string[] {
  return rules.filter((r) => r.patterns.some((p) => p.test(text))).map((r) => r.id);
}
