// Which lists implement one superior document. The 文号 the cover letters cite decides (皖政办〔2022〕2号; brackets and
// full-width digits folded); a list that cites none joins the plan whose superior texts it prints, and failing that
// the lists that print the same superior texts form a plan of their own. A list with neither a cited number nor a
// superior column belongs to no plan: it is read alone, as before.
import { content } from "../compare/fold.ts";
import { foldNumber } from "../ingest/doc-number.ts";
import type { Document } from "../model/schema.ts";

/** What grouping and alignment read of a list. */
export type PlanSource = Pick<Document, "id" | "date" | "government" | "implements"> & {
  chapters: ReadonlyArray<{ label: string; title: string; items: ReadonlyArray<{ number: number; title: string; upper?: string }> }>;
};

export interface PlanGroup<D extends PlanSource = PlanSource> {
  number?: string;
  groupedBy: "number" | "superior-text";
  lists: D[];
}

/**
 * A list without a number joins a plan when at least this share of its superior texts are word for word the plan's:
 * one shared sentence of boilerplate does not make two plans one, a city that left a third of the measures out
 * still joins.
 */
export const SHARED_TEXTS = 0.5;

/** The 文号 as a key: blanks dropped, 〔〕 for the year's brackets, full-width digits as ASCII (NFKC). */
export function numberKey(number: string): string {
  return foldNumber(number.normalize("NFKC"));
}

export function superiorKeys(doc: PlanSource): Set<string> {
  const keys = new Set<string>();
  for (const c of doc.chapters) for (const item of c.items) if (item.upper !== undefined && content(item.upper) !== "") keys.add(content(item.upper));
  return keys;
}

/** By government (in Chinese collation), then oldest first, then id: the order of a plan's columns. */
export function planOrder(a: PlanSource, b: PlanSource): number {
  return (
    a.government.name.localeCompare(b.government.name, "zh-CN") ||
    (a.date === b.date ? 0 : a.date === "" ? 1 : b.date === "" ? -1 : a.date.localeCompare(b.date)) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function shared(keys: Set<string>, pool: Set<string>): number {
  if (keys.size === 0) return 0;
  let n = 0;
  for (const k of keys) if (pool.has(k)) n++;
  return n / keys.size;
}

export function groupPlans<D extends PlanSource>(documents: readonly D[]): PlanGroup<D>[] {
  const byNumber = new Map<string, { group: PlanGroup<D>; pool: Set<string> }>();
  const rest: { doc: D; keys: Set<string> }[] = [];
  for (const doc of [...documents].sort(planOrder)) {
    const keys = superiorKeys(doc);
    const printed = doc.implements?.number;
    if (printed) {
      const key = numberKey(printed);
      let entry = byNumber.get(key);
      if (!entry) byNumber.set(key, (entry = { group: { number: key, groupedBy: "number", lists: [] }, pool: new Set() }));
      entry.group.lists.push(doc);
      for (const k of keys) entry.pool.add(k);
    } else if (keys.size > 0) rest.push({ doc, keys });
  }
  const groups = [...byNumber.values()];
  const unnumbered: { group: PlanGroup<D>; pool: Set<string> }[] = [];
  for (const { doc, keys } of rest) {
    // The plan that shares most of the list's superior texts, numbered plans before the others.
    let best: { group: PlanGroup<D>; pool: Set<string> } | undefined;
    let bestShare = SHARED_TEXTS;
    for (const entry of [...groups, ...unnumbered]) {
      const s = shared(keys, entry.pool);
      if (s >= bestShare && (best === undefined || s > bestShare)) [best, bestShare] = [entry, s];
    }
    if (!best) unnumbered.push((best = { group: { groupedBy: "superior-text", lists: [] }, pool: new Set() }));
    best.group.lists.push(doc);
    for (const k of keys) best.pool.add(k);
  }
  const all = [...groups, ...unnumbered].map((e) => ({ ...e.group, lists: e.group.lists.sort(planOrder) }));
  // A number cited by one list that prints no superior text gives a plan with nothing to set side by side.
  return all.filter((g) => g.lists.length > 1 || superiorKeys(g.lists[0]!).size > 0);
}
