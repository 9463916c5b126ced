// The government that issued a list (六安市, 云岭市, 青岚区): its departments are that government's, so 六安's 市经信局
// and 云岭's 市经信局 stay two departments in a library. Read, in this order, from the seed's settings file, the cover
// letter's title (云岭市人民政府办公室关于…), the signature above the date, or a title that opens with the place
// (六安市2023年…). Pure: the caller prints where the name came from, so a wrong guess is seen and can be corrected.
import type { Cover } from "./cover.ts";
import { slugify } from "./slug.ts";

export type GovernmentSource = "settings" | "title" | "signature" | "list-title";

export interface Government {
  /** The government's place as printed (六安市); empty when nothing says it. */
  name: string;
  from: GovernmentSource | "none";
}

/** A place with its level: 六安市, 霍山县, 青岚区, 安徽省, 黔东南苗族侗族自治州. */
const PLACE = "[\\u4e00-\\u9fff]{1,8}?(?:自治区|自治州|自治县|省|市|州|盟|县|区|旗)";
/** The issuer of a cover letter: 云岭市人民政府办公室, 青岚区人民政府, 六安市政府办公室. */
const ISSUER_TITLE = new RegExp(`^(${PLACE})(?:人民政府|政府)(?:办公室|办公厅)?(?:关于|印发)`, "u");
const ISSUER_LINE = new RegExp(`^(${PLACE})(?:人民政府|政府)(?:办公室|办公厅)?$`, "u");
/** A title that opens with the place: 六安市2023年…, 云岭市贯彻落实…. A few openings are never a place. */
const TITLE_PLACE = new RegExp(`^(${PLACE})(?=\\d|关于|贯彻|落实|推进|加快|进一步|实施|促进|优化|深化|支持|[^\\u4e00-\\u9fff])`, "u");
const NOT_A_PLACE = /^(关于|贯彻|落实|印发|进一步|全|各|本|我)/;

const place = (re: RegExp, text: string): string | undefined => {
  const name = re.exec(text.replace(/[\s\u3000]+/g, ""))?.[1];
  return name && !NOT_A_PLACE.test(name) ? name : undefined;
};

export function readGovernment(cover: Pick<Cover, "title" | "listTitle" | "paragraphs">, closing: readonly string[], setting?: string): Government {
  if (setting) return { name: setting, from: "settings" };
  const fromTitle = place(ISSUER_TITLE, cover.title);
  if (fromTitle) return { name: fromTitle, from: "title" };
  for (const line of [...cover.paragraphs, ...closing].reverse()) {
    const signed = place(ISSUER_LINE, line);
    if (signed) return { name: signed, from: "signature" };
  }
  for (const title of [cover.title, cover.listTitle]) {
    const opened = place(TITLE_PLACE, title);
    if (opened) return { name: opened, from: "list-title" };
  }
  return { name: "", from: "none" };
}

/** The level a government's own departments carry in its lists: 市 for 六安市, 区 for 青岚区 (自治州 → 州). */
export function governmentLevel(government: string): string {
  return government.slice(-1);
}

/**
 * A unit's name with the government's own place reduced to its level, so that 六安市经信局 and 市经信局 in a 六安 list
 * are one name: lists print both.
 */
export function relativeName(name: string, government: string): string {
  if (!government || !name.startsWith(government) || name.length === government.length) return name;
  return governmentLevel(government) + name.slice(government.length);
}

/** How a page names a government's department: 六安市 · 市经信局 (the name alone when the list's government is unknown). */
/** A department's identity across a government's lists: two governments' 市经信局 are two keys. */
export function departmentKey(government: string, canonical: string): string {
  return `${government}\u0000${canonical}`;
}

export function departmentLabel(government: string, name: string): string {
  return government ? `${government} · ${name}` : name;
}

/** A department page's path segment: the government's and the name's pinyin (liu-an-shi-shi-jing-xin-ju). */
export function departmentSlug(government: string, canonical: string): string {
  return government ? `${slugify(government)}-${slugify(canonical)}` : slugify(canonical);
}
