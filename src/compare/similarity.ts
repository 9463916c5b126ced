// How alike two texts are, from 0 (no common words) to 1 (the same words), compared on letters and digits only.
//
// Two candidates were measured on the bundled document (bench/similarity.ts, against the hand-made pairs in
// test/compare/gold.ts: 20 tasks, 55 superior and 65 local sentences, 43 clear pairs, 5 ambiguous readings):
//   LCS  (2·|LCS|/(|a|+|b|)):     1 error at thresholds 0.26–0.34 (a 0.09-wide band), 1 error at 0.30
//   Dice (character bigrams):     1 error at thresholds 0.24–0.28 (a 0.05-wide band), 3 errors at 0.30
//   whole-document comparison:    7.1 ms with LCS, 7.4 ms with Dice (median of 21 runs)
// The one error both make is task 2, where 对评为国家级、省级小微企业创业创新基地的，分别给予一次性奖补… has
// the same form as the superior 对迁入安徽的…分别给予一次性奖补… but another subject. LCS is chosen: the same
// accuracy with a band of good thresholds almost twice as wide, so 0.30 is not a knife edge, at no cost in time.
// Dice loses where a local text keeps the superior's words but cuts them into shorter runs (task 12, 实施“亩均论英雄”
// 改革…: LCS 0.34, Dice 0.29) — bigrams break at every cut, a subsequence does not.
import { content } from "./fold.ts";

/**
 * Both candidates compare the words of two texts (`words(text)`: the code points of its letters and digits)
 * and return 0 (nothing in common) … 1 (the same). matchTexts computes each text's words once for all pairs.
 */
export type Similarity = (a: Int32Array, b: Int32Array) => number;

/** The code points of a text's letters and digits (fold.ts `content`): what a similarity compares. */
export function words(text: string): Int32Array {
  const folded = content(text);
  const points = new Int32Array(folded.length);
  let n = 0;
  for (const ch of folded) points[n++] = ch.codePointAt(0)!;
  return points.subarray(0, n);
}

/** 2·|LCS| / (|a| + |b|) over the characters: order-aware, a copied clause keeps its full weight. */
export const lcsSimilarity: Similarity = function lcsSimilarity(x, y) {
  if (x.length === 0 || y.length === 0) return x.length === y.length ? 1 : 0;
  let previous = new Int32Array(y.length + 1);
  let current = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      current[j] = xi === y[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return (2 * previous[y.length]) / (x.length + y.length);
};

function bigrams(points: Int32Array): Map<number, number> {
  const grams = new Map<number, number>();
  // A one-character text has no bigram; its single character stands in, so it can still match.
  if (points.length === 1) grams.set(points[0], 1);
  for (let i = 1; i < points.length; i++) {
    const gram = points[i - 1] * 0x110000 + points[i];
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of the character bigram multisets: order-blind beyond two characters, and cheap. */
export const diceSimilarity: Similarity = function diceSimilarity(a, b) {
  const x = bigrams(a);
  const y = bigrams(b);
  let sizeX = 0;
  let sizeY = 0;
  let common = 0;
  for (const n of x.values()) sizeX += n;
  for (const [gram, n] of y) {
    sizeY += n;
    common += Math.min(n, x.get(gram) ?? 0);
  }
  if (sizeX === 0 || sizeY === 0) return sizeX === sizeY ? 1 : 0;
  return (2 * common) / (sizeX + sizeY);
};
