// Who a benefit is for, as a short phrase printed in the text (参展企业, 获奖项目, 新认定的国家级企业技术中心), or
// null when the text names none. A card shows it as 适用对象; the whole sentence stays beside it as 原文.

/** Longer than this and it is a clause, not a recipient: the card then shows the sentence alone. */
export const RECIPIENT_MAX = 24;

/** Nouns a recipient ends with. */
const RECIPIENT_NOUN = "(?:企业|项目|服务商|平台|基地|中心|园区|机构|人才|团队|个体工商户|市场主体)";
/** A cost is not a recipient (参展企业的参展费用 → 参展企业), nor is the effort (专精特新企业的支持力度). */
const COST = /的[^的]*(费用|费|投资额|购置额|支出|首贷)$|的?(支持|扶持)力度$/;
/** 对 opens a recipient, but not in 对照, 对接, 对标, 对应, 针对, 面对. */
const TO = "(?<![针面绝相])对(?![照接标应])";
/** A verb phrase is not a recipient: 组织开展工业企业… is not addressed to 开展工业企业. */
const NOT_A_VERB = "(?!开展|实施|对接|加强|建立|加快)";
const chars = (s: string) => [...s].length;

/** The phrase an offer is addressed to within a sentence: 对…给予 / 为…企业 / 支持…企业. */
const ADDRESSED = [
  new RegExp(`${TO}([^，,。；;]{2,${RECIPIENT_MAX + 4}}?)(?:优先|给予|予以|加大|按|，|$)`),
  new RegExp(`为${NOT_A_VERB}([^，,。；;]{0,${RECIPIENT_MAX}}?${RECIPIENT_NOUN})`),
  new RegExp(`(?:支持|鼓励|引导|组织|推动|指导|帮助)${NOT_A_VERB}([^，,。；;]{0,${RECIPIENT_MAX - 2}}?${RECIPIENT_NOUN})`),
];
/** A phrase that ends like a recipient: a noun of one, or 的 (评为省级小微企业创业创新基地的). */
const ENDS_AS_RECIPIENT = new RegExp(`(${RECIPIENT_NOUN}|的)$`);

/** An award's recipient as subsidies.ts reads it (its 对… clause), kept when short, else shortened or null. */
export function beneficiaryOf(phrase: string): string | null {
  const text = phrase.trim().replace(COST, "");
  if (ENDS_AS_RECIPIENT.test(text) && chars(text) <= RECIPIENT_MAX) return text;
  return addressedIn(text);
}

/** The recipient a sentence without an amount addresses, or null. */
export function addressedIn(sentence: string): string | null {
  for (const pattern of ADDRESSED) {
    const m = pattern.exec(sentence);
    const found = m?.[1]?.replace(COST, "").trim();
    if (found && chars(found) <= RECIPIENT_MAX) return found;
  }
  return null;
}
