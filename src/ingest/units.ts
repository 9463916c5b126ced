// Unit cells → unit names, and the index of units → tasks they lead or support.
import type { Chapter, Unit } from "../model/schema.ts";
import { departmentSlug, relativeName } from "./government.ts";
import { unitFolding, type Folding } from "./unit-folding.ts";

/** Separators between unit names in a unit cell: 、 ， , ； ; */
export const UNIT_SEPARATORS = /[、，,；;]/;

/** Paragraphs of one Word cell are one list: 各县区政府 / （管委） is a single name broken by layout. */
export function splitUnits(paragraphs: string[]): string[] {
  return paragraphs
    .join("")
    .split(UNIT_SEPARATORS)
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/** Endings of unit names; a parenthesis whose names do not end so is not a unit list (（含县区）, （2025年）). */
const UNIT_END = /(局|委|办|厅|府|院|会|部|队|所|行|司|中心|公司|集团|单位|部门|管委|专班|小组|组|处|室|站|社|团|联|学校|大学|医院|党委|工委|法院|检察院|税务|海关|街道|乡镇|社区|园区|开发区|高新区|机关|政府|指挥部|人行|银保监|分局|支队|大队|馆|台|网|企业|县区|各县|各区)$/;

export function looksLikeUnit(name: string): boolean {
  const bare = name.replace(/[（(][^（）()]*[）)]$/, "").replace(/等$/, "").trim();
  return bare.length >= 2 && bare.length <= 40 && UNIT_END.test(bare) && !/[。！？]/.test(bare);
}

/** `government`: the issuing government (六安市), whose own place a name may print (六安市经信局 is its 市经信局). */
export function indexUnits(chapters: Chapter[], folding: Folding = unitFolding(), government = ""): Unit[] {
  const byName = new Map<string, { lead: Set<number>; support: Set<number> }>();
  const entry = (name: string) => {
    let e = byName.get(name);
    if (!e) byName.set(name, (e = { lead: new Set(), support: new Set() }));
    return e;
  };
  for (const chapter of chapters)
    for (const item of chapter.items)
      for (const measure of item.local) {
        for (const name of measure.lead) entry(name).lead.add(item.number);
        for (const name of [...measure.support, ...measure.responsible]) entry(name).support.add(item.number);
      }
  // One slug per department: two printed names of one department share it; two departments whose names read the
  // same in pinyin get -2, -3 in order of first appearance (Map order), so the suffixes are deterministic.
  const slugOf = new Map<string, string>();
  const taken = new Map<string, number>();
  return [...byName].map(([name, e]) => {
    const canonical = relativeName(folding.canonical(name), government);
    let slug = slugOf.get(canonical);
    if (slug === undefined) {
      const base = departmentSlug(government, canonical);
      const n = (taken.get(base) ?? 0) + 1;
      taken.set(base, n);
      slugOf.set(canonical, (slug = n === 1 ? base : `${base}-${n}`));
    }
    return {
      name,
      canonical,
      slug,
      lead: [...e.lead].sort((a, b) => a - b),
      support: [...e.support].sort((a, b) => a - b),
    };
  });
}
