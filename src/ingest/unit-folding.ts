// One name per department across lists: a printed name (市经济和信息化局) → the name the library files it under
// (市经信局), by the shipped alias table and a city's own seeds/unit-aliases.json. The level and place before the
// department (市, 县, 六安市) are kept apart and never folded; collective names (各县区政府, 市直各部门) stay as printed.
import { z } from "zod";
import { UNIT_ALIASES } from "./unit-aliases.ts";

/** A city's corrections: names that are one department, and names that must stay apart although the table folds them. */
export const LocalAliases = z
  .object({
    same: z.array(z.array(z.string().min(1)).min(2)).default([]).describe("groups of full names (with their level) that are one department; the first names it"),
    separate: z.array(z.string().min(1)).default([]).describe("names kept as printed, never folded"),
  })
  .strict();
export type LocalAliases = z.infer<typeof LocalAliases>;

const STEM_GROUP = new Map<string, number>();
UNIT_ALIASES.forEach((group, i) => group.forEach((stem) => STEM_GROUP.set(stem, i)));
const LONGEST_STEM = Math.max(...[...STEM_GROUP.keys()].map((s) => s.length));

/** The level and place before a department: 市, 县, 区, 六安市, 霍山县, 安徽省. */
const PREFIX = /^(?:[\u4e00-\u9fff]{0,6}?(?:省|自治区|市|州|盟|县|区|旗|镇|乡|街道))?$/u;
/** Names of many units at once, kept as printed. */
const COLLECTIVE = /^各|有关|相关|等$|各(县|区|乡|镇|部门|单位)/;

export interface Folding {
  /** The department's name across lists. */
  canonical(name: string): string;
}

export function unitFolding(local: LocalAliases = { same: [], separate: [] }): Folding {
  const localCanonical = new Map<string, string>();
  for (const group of local.same) for (const name of group) localCanonical.set(name, group[0]);
  const separate = new Set(local.separate);
  const cache = new Map<string, string>();
  const fold = (name: string): string => {
    if (separate.has(name)) return name;
    const chosen = localCanonical.get(name);
    if (chosen) return chosen;
    if (COLLECTIVE.test(name)) return name;
    // The longest known department name that ends the printed name, after a level/place prefix.
    for (let k = Math.max(0, name.length - LONGEST_STEM); k < name.length; k++) {
      const stem = name.slice(k);
      const group = STEM_GROUP.get(stem);
      if (group === undefined || !PREFIX.test(name.slice(0, k))) continue;
      return name.slice(0, k) + UNIT_ALIASES[group][0];
    }
    return name;
  };
  return {
    canonical(name) {
      let c = cache.get(name);
      if (c === undefined) cache.set(name, (c = fold(name)));
      return c;
    },
  };
}

/** Every name the table knows for the department a canonical name stands for (for search: 经济和信息化局 finds 市经信局). */
export function otherNames(canonical: string): string[] {
  for (let k = 0; k < canonical.length; k++) {
    const group = STEM_GROUP.get(canonical.slice(k));
    if (group === undefined || !PREFIX.test(canonical.slice(0, k))) continue;
    const prefix = canonical.slice(0, k);
    return UNIT_ALIASES[group].map((stem) => prefix + stem).filter((n) => n !== canonical);
  }
  return [];
}
