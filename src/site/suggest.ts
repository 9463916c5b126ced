// What the search page suggests when a query finds nothing: the nearest of the words the lists use. The words are
// gathered at build time (search/terms.json, read only when a search comes back empty) and compared with the query
// by their shared character pairs, which is how a mistyped Chinese word still resembles the right one (专精特心 and
// 专精特新 share 专精 and 精特).
import type { Document } from "../model/schema.ts";
import { foldText } from "./search.ts";

/** The terms file's body: the words, most used first. */
export interface SearchTerms {
  terms: string[];
}

// Clauses shorter than this are not words a reader would pick; longer ones are sentences, not search terms.
const MIN_CLAUSE = 2;
const MAX_CLAUSE = 12;
/** At most this many clauses from the lists' text (the most frequent), so the file stays small at a province's scale. */
export const MAX_CLAUSES = 4000;
const CLAUSE_BREAK = /[，。；、：:！？“”‘’《》〈〉（）()【】\[\]「」\s,;!?]+/u;
// Numbers and dates make poor suggestions (2025年, 100万元): a clause must hold a Han character and no digit.
const WORDLIKE = /^(?=.*\p{Script=Han})[^\d０-９]+$/u;

function clausesOf(text: string): string[] {
  return text.split(CLAUSE_BREAK).filter((c) => c.length >= MIN_CLAUSE && c.length <= MAX_CLAUSE && WORDLIKE.test(c));
}

/**
 * The words a search can suggest: the departments' names as printed and as folded, the chapters' and tasks'
 * titles, the extra words the caller knows (the support kinds, the synonym table), then the short clauses of the
 * measures' text, most frequent first. Each once.
 */
export function suggestionTerms(docs: readonly Document[], extra: readonly string[] = []): string[] {
  const named = new Set<string>();
  const add = (word: string) => {
    const w = word.trim().replace(/[。；]$/u, "");
    if (w.length >= MIN_CLAUSE && w.length <= 24) named.add(w);
  };
  for (const doc of docs) {
    for (const unit of doc.units) {
      add(unit.name);
      add(unit.canonical);
    }
    for (const chapter of doc.chapters) {
      add(chapter.title);
      for (const item of chapter.items) add(item.title);
    }
  }
  extra.forEach(add);
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (const chapter of doc.chapters) {
      for (const item of chapter.items) {
        const texts = [item.upper ?? "", ...item.local.map((m) => m.text)];
        for (const clause of texts.flatMap(clausesOf)) if (!named.has(clause)) counts.set(clause, (counts.get(clause) ?? 0) + 1);
      }
    }
  }
  const clauses = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, MAX_CLAUSES);
  return [...named, ...clauses.map(([c]) => c)];
}

/** The folded text's character pairs (a single character stands for itself). */
function pairs(text: string): Set<string> {
  const chars = [...foldText(text).text];
  if (chars.length === 1) return new Set(chars);
  const found = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) found.add(chars[i]! + chars[i + 1]!);
  return found;
}

/** Below this share of character pairs in common a term is not offered: it would look unrelated to the query. */
const MIN_SIMILARITY = 0.4;

/**
 * The `limit` terms nearest the query (Dice's coefficient over character pairs), nearest first, ties in the
 * terms' order (most used first); never the query itself.
 */
export function nearestTerms(query: string, terms: readonly string[], limit = 5): string[] {
  const wanted = pairs(query);
  if (wanted.size === 0) return [];
  const self = foldText(query).text;
  const scored: Array<{ term: string; score: number; at: number }> = [];
  terms.forEach((term, at) => {
    if (foldText(term).text === self) return;
    const have = pairs(term);
    let common = 0;
    for (const p of wanted) if (have.has(p)) common++;
    const score = (2 * common) / (wanted.size + have.size);
    if (score >= MIN_SIMILARITY) scored.push({ term, score, at });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .slice(0, limit)
    .map((s) => s.term);
}

/** The terms file as the script reads it: only strings are kept, so a malformed file suggests nothing. */
export function termsFromJson(json: string): string[] {
  try {
    const value = JSON.parse(json) as Partial<SearchTerms> | null;
    return Array.isArray(value?.terms) ? value.terms.filter((t): t is string => typeof t === "string" && t.length > 0) : [];
  } catch {
    return [];
  }
}
