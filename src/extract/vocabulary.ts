// The words the extractors look for, as data in one place: units, qualifiers, periods, verbs, levels.
// Every pattern here is read by the modules of src/extract/; none of them hard-codes a word of its own.

/** Base units, longest first so 人次 wins over 人 and 平方米 over 米. A 万/亿 prefix may stand before any. */
export const UNITS = [
  "平方公里", "平方米", "人次", "千瓦时",
  "元", "家", "户", "个", "项", "台", "套", "条", "场", "名", "人", "次", "件", "所", "座", "批", "类", "亩", "吨", "倍",
  "年", "月", "日", "天", "周",
  "%", "％",
] as const;

/** What a base unit measures: quantities of one dimension can be compared (家 with 户, 个 with 项). */
export type Dimension = "count" | "money" | "area" | "percent" | "time" | "other";
export function dimensionOf(unit: string): Dimension {
  const base = unit.replace(/^[万亿千]/, "");
  if (base === "元") return "money";
  if (base === "%" || base === "％") return "percent";
  if (base === "平方米" || base === "平方公里" || base === "亩") return "area";
  if (["年", "月", "日", "天", "周"].includes(base)) return "time";
  if (["吨", "千瓦时", "倍"].includes(base)) return "other";
  return "count";
}

/** Multipliers of a unit prefix, to compare 万元 with 亿元. */
export const MAGNITUDE: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 };

/** Qualifiers printed right before the number (longest first). 到 / 截至 mark deadlines. */
export const QUALIFIERS_BEFORE = ["不少于", "不低于", "不超过", "不高于", "最高", "最低", "最多", "至少", "超过", "截至", "截止", "超", "约", "近", "到"];
/** Qualifiers printed right after the unit. */
export const QUALIFIERS_AFTER = ["（含）以上", "以上", "以下", "以内", "之内", "左右", "内"];
/** Printed between number and unit: 100余家, 50多个. */
export const APPROXIMATORS = ["余", "多"];

/** Period words that open a clause of targets (每年培育…, 全年举办…). Deadlines and durations count too. */
export const PERIOD_WORDS = /每年|全年|年均|每季度|每月/g;

/**
 * Verbs that open a target phrase: stripped from the front of a subject (每年[培育]创新型中小企业2000家), and,
 * at the end of the text before a number, a sign that the subject follows it (每年[推动] 200 家企业上云上平台).
 */
export const VERBS = [
  "力争达到", "推广应用", "滚动实施", "累计建设", "力争", "达到", "培育", "遴选", "认定", "开发", "评定", "新增", "打造",
  "实施", "建设", "开展", "举办", "推动", "发布", "安排", "配备", "引进", "组织", "争创", "累计", "完成", "建成", "创建",
];

/** Words of a subsidy: a sum or rate in a clause with one of these is money paid out, not a target. */
export const SUBSIDY_WORDS = /奖补|补助|奖励|补贴|资助|奖金/;

/** Clause boundaries: full-width and ASCII commas, semicolons, colons and sentence ends. 、 joins list items. */
export const CLAUSE_END = /[，,；;：:。！？!?\n]/;
export const SENTENCE_END = /[。！？!?\n]/;

/** Levels of government as printed → a stable key. */
export const LEVELS = { 国家: "national", 省: "provincial", 市: "municipal", 县: "county", 区: "county" } as const;
export type LevelKey = (typeof LEVELS)[keyof typeof LEVELS];
/** A level word at the start of a text: 国家级, 省级, 市, 县… */
export const LEVEL_WORD = /^(国家|省|市|县|区)级?/;
/** Who pays, printed right before 分别 / 按 / 给予: 省级, 市财政, 省、市财政. */
export const PAYER = /(国家|省|市|县|区)(?:、(?:国家|省|市|县|区))*(?:级|财政)?(?=分别|按照|按|给予)/g;

/** Where the label of the first list item begins, reading backwards from its 、 (对获得认定的[省]、市级…). */
export const LABEL_BACK_STOPS = new Set([..."对在的为于将把，,；;：:。（(、 "]);
/** Where the label of the last list item ends (、[单项冠军]称号的企业). */
export const LABEL_FORWARD_STOPS = ["称号", "企业", "财政", "分别", "给予", "的", "“", "，", ",", "；", "（", "("];

/** Characters that make a digit part of a name rather than a number: 5+1, 1+16+X, IPv6, 5G, 3A, 第6版. */
export const NAME_BEFORE = /[A-Za-z0-9０-９.+＋第]/;
export const NAME_AFTER = /[A-Za-z+＋]/;
