// Unit cells → unit names, and the index of units → tasks they lead or support.
import type { Chapter, Unit } from "../model/schema.ts";
import { slugify } from "./slug.ts";

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

export function indexUnits(chapters: Chapter[]): Unit[] {
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
  const taken = new Map<string, number>();
  // Map order is first appearance in the document, so the suffixes of colliding slugs are deterministic.
  return [...byName].map(([name, e]) => {
    const base = slugify(name);
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    return {
      name,
      slug: n === 1 ? base : `${base}-${n}`,
      lead: [...e.lead].sort((a, b) => a - b),
      support: [...e.support].sort((a, b) => a - b),
    };
  });
}
