// Small text helpers shared by the extractors: the measures of a document, sentence and clause bounds, similarity.
import type { Chapter, Column } from "../model/schema.ts";
import type { Side } from "../model/figures.ts";
import { CLAUSE_END, SENTENCE_END } from "./vocabulary.ts";

export interface MeasureText {
  task: number;
  side: Side;
  measure: number;
  text: string;
}

/** What the extractors read: the chapters and the column labels of a parsed document. */
export interface DocumentText {
  columns: Column[];
  chapters: Chapter[];
}

/** Every measure of the document in reading order: each task's superior measure, then its local ones. */
export function measuresOf(doc: DocumentText): MeasureText[] {
  const out: MeasureText[] = [];
  for (const chapter of doc.chapters)
    for (const item of chapter.items) {
      if (item.upper !== undefined) out.push({ task: item.number, side: "superior", measure: 0, text: item.upper });
      item.local.forEach((m, i) => out.push({ task: item.number, side: "local", measure: i, text: m.text }));
    }
  return out;
}

function boundsOf(text: string, pos: number, end: RegExp): [number, number] {
  let start = pos;
  while (start > 0 && !end.test(text[start - 1])) start--;
  let stop = pos;
  while (stop < text.length && !end.test(text[stop])) stop++;
  return [start, stop];
}

/** [start, end) of the sentence around pos; the end excludes its 。 */
export const sentenceAt = (text: string, pos: number) => boundsOf(text, pos, SENTENCE_END);
/** [start, end) of the clause around pos (between commas, semicolons or sentence ends). */
export const clauseAt = (text: string, pos: number) => boundsOf(text, pos, CLAUSE_END);

/** Every sentence of a text with its offsets, the end mark excluded. */
export function sentences(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SENTENCE_END.test(text[i])) {
      if (text.slice(start, i).trim()) out.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

/** Quotes, brackets and spaces do not change what a subject names: “三品”示范企业 ≈ 三品示范企业. */
export function normalizeSubject(s: string): string {
  return s.replace(/[“”"'‘’《》〈〉\s\u00a0\u3000]/g, "");
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Dice coefficient over character bigrams: 0 (nothing shared) … 1 (same text). */
export function similarity(a: string, b: string): number {
  const x = bigrams(normalizeSubject(a));
  const y = bigrams(normalizeSubject(b));
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** The level a column label speaks for: 省工作举措 → 省, 县贯彻落实措施 → 县; null when it names none. */
export function levelWordOfColumn(label: string): string | null {
  const m = /^(国家|省|市|县|区)/.exec(label.trim());
  return m ? m[1] : null;
}
