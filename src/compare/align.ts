// Align a task's local measures with the superior measure, sentence by sentence: which local sentence
// carries which superior sentence, which local sentences are new, which superior sentences were left out.
import { content } from "./fold.ts";
import { lcsSimilarity, words, type Similarity } from "./similarity.ts";
import { splitClauses, splitSentences, type Sentence, type Span } from "./sentences.ts";

/** A span of one local measure's text (`measure` indexes the task's local measures). */
export interface LocalSpan extends Span {
  measure: number;
}

/** One row of the alignment: both sides for a pair, one side for an added or left-out text. */
export interface Alignment {
  superior: Span | null;
  local: LocalSpan | null;
  /** Similarity of the pair (see similarity.ts); null when one side is missing. */
  similarity: number | null;
}

export interface AlignOptions {
  similarity: Similarity;
  /** A pair below this similarity is not a pair: the superior text counts as left out, the local one as added. */
  threshold: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = { similarity: lcsSimilarity, threshold: 0.3 };

interface Match {
  superior: number;
  local: number;
  similarity: number;
}

/**
 * One-to-one pairs, best first: the most similar pair is taken, its two texts leave the pool, and so on while
 * the similarity reaches the threshold. Not order-preserving on purpose: a local list may move a sentence
 * (task 16 moves 加快“皖企服务云”… to the end), and a move is still a copy.
 */
export function matchTexts(superior: readonly string[], local: readonly string[], options: AlignOptions = DEFAULT_ALIGN_OPTIONS): Match[] {
  const candidates: Match[] = [];
  const localWords = local.map(words);
  superior.map(words).forEach((s, i) =>
    localWords.forEach((l, j) => {
      const similarity = options.similarity(s, l);
      if (similarity >= options.threshold) candidates.push({ superior: i, local: j, similarity });
    }),
  );
  // Ties go to the pair closest to the diagonal, then to the earlier one: the order is total, the result stable.
  candidates.sort((a, b) => b.similarity - a.similarity || Math.abs(a.superior - a.local) - Math.abs(b.superior - b.local) || a.superior - b.superior || a.local - b.local);
  const takenSuperior = new Set<number>();
  const takenLocal = new Set<number>();
  const matches: Match[] = [];
  for (const c of candidates) {
    if (takenSuperior.has(c.superior) || takenLocal.has(c.local)) continue;
    takenSuperior.add(c.superior);
    takenLocal.add(c.local);
    matches.push(c);
  }
  return matches;
}

/**
 * Rows in reading order of the local text; a left-out superior text is placed before the first local row whose
 * pair comes after it in the superior text, so a replaced sentence shows as left out, then added.
 */
function order<S extends Span, L extends Span>(superior: readonly S[], local: readonly L[], matches: readonly Match[]): Array<{ superior: S | null; local: L | null; similarity: number | null }> {
  const pairOfLocal = new Map(matches.map((m) => [m.local, m]));
  const paired = new Set(matches.map((m) => m.superior));
  const emitted = new Set<number>();
  const rows: Array<{ superior: S | null; local: L | null; similarity: number | null }> = [];
  const flushBefore = (limit: number) => {
    for (let i = 0; i < Math.min(limit, superior.length); i++) {
      if (paired.has(i) || emitted.has(i)) continue;
      emitted.add(i);
      rows.push({ superior: superior[i], local: null, similarity: null });
    }
  };
  local.forEach((span, j) => {
    let next = superior.length;
    for (let k = j; k < local.length; k++) {
      const m = pairOfLocal.get(k);
      if (m) {
        next = m.superior;
        break;
      }
    }
    flushBefore(next);
    const m = pairOfLocal.get(j);
    rows.push(m ? { superior: superior[m.superior], local: span, similarity: m.similarity } : { superior: null, local: span, similarity: null });
  });
  flushBefore(superior.length);
  return rows;
}

/** Join two spans that touch (or are separated only by spaces) into one. */
function join<S extends Span>(source: string, a: S, b: S): S | undefined {
  if (source.slice(a.end, b.start).trim() !== "") return undefined;
  return { ...a, end: b.end, text: source.slice(a.start, b.end) };
}

/**
 * Within a pair of sentences that differ, pair their clauses. Kept only when that finds a clause added or left
 * out (task 20: 开展“专精特新千企行”活动… left out, 充分利用…平台 added); a pair whose clauses all match reads
 * better as one sentence with its character diff. Neighbouring rows of the same kind are joined back.
 */
function refine(upperText: string, localText: string, superior: Sentence, local: Sentence & { measure: number }, options: AlignOptions): Alignment[] | undefined {
  // Both sides are cut the same way when either is long, so a copy just over the length keeps its pair.
  if (!superior.long && !local.long) return undefined;
  const superiorClauses = splitClauses(upperText, superior);
  const localClauses = splitClauses(localText, local).map((c) => ({ ...c, measure: local.measure }));
  const matches = matchTexts(superiorClauses.map((c) => c.text), localClauses.map((c) => c.text), options);
  const rows = order(superiorClauses, localClauses, matches);
  if (rows.every((r) => r.superior && r.local)) return undefined;
  const joined: Alignment[] = [];
  for (const row of rows) {
    const last = joined.at(-1);
    if (last) {
      const sameKind = !!last.superior === !!row.superior && !!last.local === !!row.local;
      const bothIdentical = row.superior && row.local && last.superior && last.local && content(row.superior.text) === content(row.local.text) && content(last.superior.text) === content(last.local.text);
      if (sameKind && (!(row.superior && row.local) || bothIdentical)) {
        const s = last.superior && row.superior ? join(upperText, last.superior, row.superior) : null;
        const l = last.local && row.local ? join(localText, last.local, row.local) : null;
        if (s !== undefined && l !== undefined) {
          joined[joined.length - 1] = { superior: s, local: l, similarity: s && l ? 1 : null };
          continue;
        }
      }
    }
    joined.push(row);
  }
  return joined;
}

/** Align a superior measure with a task's local measures (one or several texts). */
export function alignTask(upper: string, measures: readonly string[], options: AlignOptions = DEFAULT_ALIGN_OPTIONS): Alignment[] {
  const superior = splitSentences(upper);
  const local = measures.flatMap((text, measure) => splitSentences(text).map((s) => ({ ...s, measure })));
  const matches = matchTexts(superior.map((s) => s.text), local.map((s) => s.text), options);
  return order(superior, local, matches).flatMap((row): Alignment[] => {
    const { superior: s, local: l, similarity } = row;
    const strip = <T extends Sentence>(x: T | null) => {
      if (!x) return null;
      const { clauses: _, long: __, ...span } = x;
      return span;
    };
    if (s && l && content(s.text) !== content(l.text)) {
      const refined = refine(upper, measures[l.measure], s, l, options);
      if (refined) return refined;
    }
    return [{ superior: strip(s), local: strip(l), similarity }];
  });
}
