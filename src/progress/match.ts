// A report's row → the measure (or the task) of the list it reports on. Reports copy the list's texts, often cut to
// their first sentence, and number their rows by the list's task numbers or by their own count; so the text decides
// where there is one (most of the row's text found in the measure's, in order), and the number where there is not.
import { content } from "../compare/fold.ts";
import { words } from "../compare/similarity.ts";
import { closeness } from "../plans/align.ts";
import type { Document } from "../model/schema.ts";
import { LIMITS } from "../ingest/readers/limits.ts";

/** A text's words, cut to what the matching compares, so a hostile 5,000-character cell costs no more than a real one. */
const matchWords = (text: string) => words(text).subarray(0, LIMITS.matchCharacters * 4);
const rowWords = (text: string) => words(text).subarray(0, LIMITS.matchCharacters);

/** Share of the row's text that must be found in the measure's, in order. */
export const ROW_CONTAINMENT = 0.8;
/** Candidates kept by the quick bigram test before the LCS is computed. */
const SHORTLIST = 4;

export interface RowKeys {
  number?: number;
  task?: string;
  measure?: string;
  lead?: string;
}

export type RowMatch =
  | { ok: true; task: number; measures: number[]; scope: "measure" | "task" }
  | { ok: false; message: string };

interface Candidate {
  task: number;
  measure: number;
  title: string;
  text: string;
  upper: string;
  leads: string[];
  points: Int32Array;
  upperPoints: Int32Array;
  titlePoints: Int32Array;
  grams: Set<string>;
}

function bigrams(text: string): Set<string> {
  const c = content(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < c.length; i++) out.add(c.slice(i, i + 2));
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const g of a) if (b.has(g)) n++;
  return n / a.size;
}

/** A list's measures, prepared once for all the rows of its reports. */
export function measureIndex(doc: Pick<Document, "chapters">) {
  const candidates: Candidate[] = [];
  for (const chapter of doc.chapters)
    for (const item of chapter.items)
      item.local.forEach((m, i) => {
        const text = m.text;
        candidates.push({
          task: item.number,
          measure: i,
          title: item.title,
          text,
          upper: item.upper ?? "",
          leads: [...m.lead, ...m.responsible],
          points: matchWords(text),
          upperPoints: matchWords(item.upper ?? ""),
          titlePoints: words(stripNumber(item.title)),
          grams: bigrams(`${text}${item.upper ?? ""}`),
        });
      });
  const tasks = new Map<number, Candidate[]>();
  for (const c of candidates) tasks.set(c.task, [...(tasks.get(c.task) ?? []), c]);
  return { candidates, tasks };
}

export type MeasureIndex = ReturnType<typeof measureIndex>;

const quote = (text: string) => `“${text.length > 30 ? text.slice(0, 30) + "…" : text}”`;

/** How much of the row's text (a) the candidate's (b) holds, in order. */
function containment(row: Int32Array, text: Int32Array): number {
  if (row.length === 0 || text.length === 0) return 0;
  const { similarity } = closeness(row, text);
  return (similarity * (row.length + text.length)) / 2 / row.length;
}

const stripNumber = (title: string) => title.replace(/^\s*[（(]?\d+[）)]?[.．、]?/u, "");

/** The tasks whose title is the text (a report's one content column often holds the task, 催生更多市场主体。). */
function tasksTitled(index: MeasureIndex, text: string, similarity: number): Candidate[][] {
  const row = rowWords(stripNumber(text));
  // 2·LCS / (a + b) cannot reach `similarity` when the lengths are far apart: no LCS is computed for those.
  const near = (t: Int32Array) => t.length > 0 && (2 * Math.min(t.length, row.length)) / (t.length + row.length) >= similarity;
  return [...index.tasks.values()].filter((cs) => near(cs[0].titlePoints) && closeness(row, cs[0].titlePoints).similarity >= similarity);
}

export function matchRow(index: MeasureIndex, keys: RowKeys): RowMatch {
  let text = keys.measure?.trim() ? keys.measure : undefined;
  if (text && !keys.task?.trim() && tasksTitled(index, text, 0.9).length > 0) [keys, text] = [{ ...keys, task: text, measure: undefined }, undefined];
  const byNumber = keys.number !== undefined ? index.tasks.get(keys.number) : undefined;
  if (text) {
    const row = rowWords(text);
    const grams = bigrams(text.slice(0, LIMITS.matchCharacters));
    // The bigram test shortlists; the LCS decides. A row numbered as the list numbers its tasks is tried first.
    const shortlist = [...index.candidates]
      .map((c) => ({ c, quick: overlap(grams, c.grams) + (c.task === keys.number ? 0.05 : 0) }))
      .sort((a, b) => b.quick - a.quick)
      .slice(0, SHORTLIST)
      .map(({ c }) => ({ c, own: containment(row, c.points), upper: containment(row, c.upperPoints) }));
    const numbered = (c: Candidate) => Number(c.task === keys.number);
    // The measure's own text first; a row that copies the superior text instead reports on the whole task.
    const own = shortlist.filter((s) => s.own >= ROW_CONTAINMENT).sort((a, b) => b.own - a.own || numbered(b.c) - numbered(a.c))[0];
    if (own) return { ok: true, task: own.c.task, measures: [own.c.measure], scope: "measure" };
    const upper = shortlist.filter((s) => s.upper >= ROW_CONTAINMENT).sort((a, b) => b.upper - a.upper || numbered(b.c) - numbered(a.c))[0];
    if (!upper) return { ok: false, message: `the row's measure ${quote(text)} is none of the list's measures; expected a measure's text (or its first sentences) as the list prints it` };
    const all = index.tasks.get(upper.c.task)!;
    return { ok: true, task: upper.c.task, measures: all.map((c) => c.measure), scope: all.length > 1 ? "task" : "measure" };
  }
  const title = keys.task?.trim() ? keys.task : undefined;
  let task: Candidate[] | undefined;
  if (title) {
    const row = rowWords(stripNumber(title));
    const found = [...index.tasks.values()].filter((cs) => containment(row, cs[0].titlePoints) >= ROW_CONTAINMENT && cs[0].titlePoints.length > 0);
    task = found.length === 1 ? found[0] : found.find((cs) => cs[0].task === keys.number);
    if (!task) return { ok: false, message: `the row's task ${quote(title)} is none of the list's tasks; expected a task's title as the list prints it` };
  } else if (byNumber) task = byNumber;
  else if (keys.number !== undefined) return { ok: false, message: `the row is numbered ${keys.number}, and the list has no task ${keys.number}; expected a task number of the list, or the measure's text` };
  else return { ok: false, message: "the row names no task or measure; expected a 序号, a task or a measure column with the list's text" };
  // A task with several measures: the unit column may say which one is meant.
  if (task.length > 1 && keys.lead) {
    const lead = content(keys.lead);
    const led = task.filter((c) => c.leads.some((l) => lead.includes(content(l))));
    if (led.length === 1) return { ok: true, task: led[0].task, measures: [led[0].measure], scope: "measure" };
  }
  return { ok: true, task: task[0].task, measures: task.map((c) => c.measure), scope: task.length === 1 ? "measure" : "task" };
}
