// The superior measures of one plan across its lists: every city prints the province's 省工作举措 beside its own
// measures, nearly word for word, so a city's task is the province's measure whose text its superior column holds.
// A city may edit that copy (a clause cut, a word changed) or cut it short; the measure is still the same one, so a
// text joins a measure when most of the shorter text is common to both, in order (the LCS the comparison uses).
import { content } from "../compare/fold.ts";
import { lcsSimilarity, words } from "../compare/similarity.ts";
import type { PlanMeasure } from "../model/plans.ts";
import { planOrder, type PlanSource } from "./group.ts";

/** Share of the shorter text that must be common to both, in order: a copy cut to its first half still joins. */
export const CONTAINMENT = 0.8;
/** …and the overall similarity (2·LCS / both lengths) below which two texts are two measures however one contains the other. */
export const MIN_SIMILARITY = 0.35;

interface Variant {
  text: string;
  points: Int32Array;
  lists: number;
  /** Plan order of the first list that printed it: the tie-break of the text shown. */
  first: number;
}

interface Cluster {
  variants: Map<string, Variant>;
  seed: Variant;
  /** How often each character occurs in the seed: a cheap bound on what any text can have in common with it. */
  seedCounts: Map<number, number>;
  /** list id → its items' numbers and printed texts. */
  members: Map<string, { items: number[]; texts: string[]; titles: string[]; chapters: string[] }>;
}

/** How a text stands to a measure: the share of the shorter one that is common, and the overall similarity. */
export function closeness(a: Int32Array, b: Int32Array): { containment: number; similarity: number } {
  const similarity = lcsSimilarity(a, b);
  const common = (similarity * (a.length + b.length)) / 2;
  const shorter = Math.min(a.length, b.length);
  return { containment: shorter === 0 ? 0 : common / shorter, similarity };
}

const joins = (c: { containment: number; similarity: number }) => c.containment >= CONTAINMENT && c.similarity >= MIN_SIMILARITY;

export function sameMeasure(a: Int32Array, b: Int32Array): boolean {
  return joins(closeness(a, b));
}

function mostPrinted(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = "";
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/**
 * The plan's measures in the order the lists print them. The list with most superior texts is read first, so its
 * order is the plan's; a measure only a later list prints is placed after the measure that list printed before it.
 */
export function alignPlan(lists: readonly PlanSource[]): PlanMeasure[] {
  const inPlanOrder = [...lists].sort(planOrder);
  const rank = new Map(inPlanOrder.map((d, i) => [d.id, i]));
  const count = (d: PlanSource) => d.chapters.reduce((n, c) => n + c.items.filter((i) => i.upper !== undefined).length, 0);
  const reading = [...inPlanOrder].sort((a, b) => count(b) - count(a) || rank.get(a.id)! - rank.get(b.id)!);
  const order: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  for (const doc of reading) {
    let previous = -1;
    for (const chapter of doc.chapters) {
      for (const item of chapter.items) {
        if (item.upper === undefined) continue;
        const key = content(item.upper);
        if (key === "") continue;
        let cluster = byKey.get(key);
        if (!cluster) {
          const points = words(item.upper);
          const counts = characterCounts(points);
          cluster = nearest(order, points, counts);
          const variant: Variant = { text: item.upper, points, lists: 0, first: rank.get(doc.id)! };
          if (!cluster) {
            cluster = { variants: new Map(), seed: variant, seedCounts: counts, members: new Map() };
            order.splice(previous + 1, 0, cluster);
          }
          cluster.variants.set(key, variant);
          byKey.set(key, cluster);
        }
        const variant = cluster.variants.get(key)!;
        let member = cluster.members.get(doc.id);
        if (!member) {
          cluster.members.set(doc.id, (member = { items: [], texts: [], titles: [], chapters: [] }));
          variant.lists++;
          variant.first = Math.min(variant.first, rank.get(doc.id)!);
        }
        member.items.push(item.number);
        member.texts.push(key);
        member.titles.push(item.title);
        member.chapters.push(`${chapter.label}${chapter.title}`);
        previous = order.indexOf(cluster);
      }
    }
  }
  return order.map((cluster, i) => {
    const shown = [...cluster.variants.values()].sort((a, b) => b.lists - a.lists || a.first - b.first)[0]!;
    const members = [...cluster.members.entries()].sort(([a], [b]) => rank.get(a)! - rank.get(b)!);
    // Hundreds of lists print the same few variants: each variant's likeness to the shown text is computed once.
    const shownKey = content(shown.text);
    const likeness = new Map<string, number>();
    const like = (k: string) => {
      let x = likeness.get(k);
      if (x === undefined) likeness.set(k, (x = k === shownKey ? 1 : lcsSimilarity(cluster.variants.get(k)!.points, shown.points)));
      return x;
    };
    return {
      n: i + 1,
      chapter: mostPrinted(members.flatMap(([, m]) => m.chapters)),
      title: mostPrinted(members.flatMap(([, m]) => m.titles)),
      text: shown.text,
      members: members.map(([list, m]) => ({
        list,
        items: [...new Set(m.items)].sort((a, b) => a - b),
        similarity: round4(Math.max(...m.texts.map(like))),
      })),
    };
  });
}

/** How often each character occurs in a text (its words' code points). */
export function characterCounts(points: Int32Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const p of points) counts.set(p, (counts.get(p) ?? 0) + 1);
  return counts;
}

/**
 * The most two texts can have in common in order: the characters they share, counted with their repeats. An LCS
 * is never longer, so a measure this bound already rules out needs no LCS (the one-list ingest realigns every list
 * of the plan, and the LCS of each new text against each measure was most of its time).
 */
export function sharedCharacters(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  let shared = 0;
  for (const [p, n] of a) shared += Math.min(n, b.get(p) ?? 0);
  return shared;
}

/** The measure a text not seen before belongs to: the closest whose first text it shares most of, if any does. */
function nearest(clusters: readonly Cluster[], points: Int32Array, counts: ReadonlyMap<number, number>): Cluster | undefined {
  let best: Cluster | undefined;
  let score = 0;
  for (const cluster of clusters) {
    // Even a text wholly contained is less similar than this when the lengths differ so much: skip the LCS.
    const [short, long] = points.length < cluster.seed.points.length ? [points.length, cluster.seed.points.length] : [cluster.seed.points.length, points.length];
    if ((2 * short) / (short + long) < MIN_SIMILARITY) continue;
    // The same test on the bound: what cannot join, or cannot beat the closest so far, is passed over.
    const bound = sharedCharacters(counts, cluster.seedCounts);
    const boundSimilarity = (2 * bound) / (short + long);
    if (bound / short < CONTAINMENT || boundSimilarity < MIN_SIMILARITY || boundSimilarity <= score) continue;
    const c = closeness(points, cluster.seed.points);
    if (joins(c) && c.similarity > score) [best, score] = [cluster, c.similarity];
  }
  return best;
}
