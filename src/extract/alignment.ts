// Superior ↔ local target pairs on the same subject (省级新产品 500项 ↔ 10项), with the local share.
// The rule: within a task, targets of the same dimension whose subjects share enough character bigrams,
// best matches first, each target used once. A per-document overrides file corrects what the rule gets wrong.
import type { AlignmentOverrides, Quantity, TargetPair } from "../model/figures.ts";
import { similarity } from "./text.ts";
import { dimensionOf, MAGNITUDE } from "./vocabulary.ts";

/** Below this similarity two subjects are taken as different things. */
export const MIN_SIMILARITY = 0.5;

export interface AlignmentProblem {
  message: string;
  /** A string of the overrides file to point at (its line is reported). */
  token: string;
}

const magnitude = (unit: string) => MAGNITUDE[unit[0]] ?? 1;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function localShare(superior: Quantity, local: Quantity): number {
  const s = superior.value * magnitude(superior.unit);
  return s === 0 ? 0 : round((local.value * magnitude(local.unit)) / s);
}

export function rulePairs(quantities: Quantity[]): TargetPair[] {
  const targets = quantities.filter((q) => q.kind === "target");
  const candidates: { s: Quantity; l: Quantity; score: number; order: number }[] = [];
  let order = 0;
  for (const s of targets.filter((q) => q.side === "superior"))
    for (const l of targets.filter((q) => q.side === "local" && q.task === s.task)) {
      if (dimensionOf(s.unit) !== dimensionOf(l.unit)) continue;
      const score = similarity(s.subject, l.subject);
      if (score >= MIN_SIMILARITY) candidates.push({ s, l, score, order: order++ });
    }
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const used = new Set<string>();
  const pairs: TargetPair[] = [];
  for (const { s, l, score } of candidates) {
    if (used.has(s.id) || used.has(l.id)) continue;
    used.add(s.id);
    used.add(l.id);
    pairs.push({ task: s.task, superior: s.id, local: l.id, localShare: localShare(s, l), source: "rule", score: round(score), note: null });
  }
  return pairs;
}

/** The rule's pairs corrected by the overrides, in document order; problems name unknown or misplaced ids. */
export function alignTargets(
  quantities: Quantity[],
  overrides: AlignmentOverrides | undefined,
): { pairs: TargetPair[]; problems: AlignmentProblem[] } {
  const byId = new Map(quantities.map((q) => [q.id, q]));
  const index = new Map(quantities.map((q, i) => [q.id, i]));
  const problems: AlignmentProblem[] = [];
  let pairs = rulePairs(quantities);

  const check = (id: string, side: "superior" | "local", what: string): Quantity | null => {
    const q = byId.get(id);
    if (!q) problems.push({ token: id, message: `${what} names quantity "${id}", which the document does not have; expected an id from the quantities (see the CSV download)` });
    else if (q.side !== side) problems.push({ token: id, message: `${what} names "${id}" as the ${side} side, but it is a ${q.side} quantity; expected a ${side} quantity` });
    else return q;
    return null;
  };

  for (const u of overrides?.unpair ?? []) {
    if (!check(u.superior, "superior", "unpair") || !check(u.local, "local", "unpair")) continue;
    const before = pairs.length;
    pairs = pairs.filter((p) => !(p.superior === u.superior && p.local === u.local));
    if (pairs.length === before) problems.push({ token: u.superior, message: `unpair ${u.superior} ↔ ${u.local}: the rules do not pair them; expected an automatic pair (remove the entry)` });
  }
  for (const o of overrides?.pairs ?? []) {
    const s = check(o.superior, "superior", "pair");
    const l = check(o.local, "local", "pair");
    if (!s || !l) continue;
    if (s.task !== l.task) {
      problems.push({ token: o.superior, message: `pair ${o.superior} ↔ ${o.local} joins task ${s.task} with task ${l.task}; expected quantities of the same task` });
      continue;
    }
    pairs = pairs.filter((p) => p.superior !== s.id && p.local !== l.id);
    pairs.push({ task: s.task, superior: s.id, local: l.id, localShare: localShare(s, l), source: "override", score: null, note: o.note ?? null });
  }
  pairs.sort((a, b) => index.get(a.superior)! - index.get(b.superior)! || index.get(a.local)! - index.get(b.local)!);
  return { pairs, problems };
}
