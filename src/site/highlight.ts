// Measure texts cut into plain and quantity segments, so task pages can mark each quantity (<mark class="q">)
// and link it to its row on the figures page. Pure; the components render every segment as escaped text.
import type { Quantity } from "../model/figures.ts";
import type { Document } from "../model/schema.ts";
import { paths } from "./paths.ts";

export interface QuantityRef {
  id: string;
  kind: Quantity["kind"];
  /** Base-relative path of the quantity's row on the figures page. */
  path: string;
}

export interface TextSegment {
  text: string;
  /** Set when the segment is a quantity as printed (number and unit). */
  quantity?: QuantityRef;
}

/** One paragraph of a measure (the model separates paragraphs with "\n"). */
export type Paragraph = TextSegment[];

export interface Span {
  start: number;
  end: number;
  quantity: QuantityRef;
}

/**
 * Cuts `text` at the spans (UTF-16 offsets, end exclusive) and at its paragraph breaks. Concatenating the
 * segments of the paragraphs with "\n" gives `text` back exactly. A span that overlaps an earlier one is
 * left unmarked; one outside the text is a bug in the data and throws.
 */
export function segmentText(text: string, spans: readonly Span[]): Paragraph[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const flat: TextSegment[] = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < 0 || span.end > text.length || span.start >= span.end) {
      throw new Error(`quantity ${span.quantity.id}: span ${span.start}–${span.end} lies outside its text (${text.length} characters)`);
    }
    if (span.start < at) continue;
    if (span.start > at) flat.push({ text: text.slice(at, span.start) });
    flat.push({ text: text.slice(span.start, span.end), quantity: span.quantity });
    at = span.end;
  }
  if (at < text.length) flat.push({ text: text.slice(at) });

  const paragraphs: Paragraph[] = [[]];
  for (const segment of flat) {
    segment.text.split("\n").forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part !== "") paragraphs[paragraphs.length - 1]!.push({ ...segment, text: part });
    });
  }
  return paragraphs;
}

/** The text the segments came from. */
export function joinSegments(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((p) => p.map((s) => s.text).join("")).join("\n");
}

export interface TaskHighlights {
  /** The superior measure. */
  /** Absent in lists without a superior column. */
  upper?: Paragraph[];
  /** The local measures, in order (index 0 is <Local n="1">). */
  local: Paragraph[][];
  /** How many quantities are marked in the task. */
  count: number;
}

/** Every task's measure texts as segments, keyed by task number. */
export function taskHighlights(doc: Pick<Document, "id" | "chapters" | "figures">): Map<number, TaskHighlights> {
  const byMeasure = new Map<string, Span[]>();
  for (const q of doc.figures.quantities) {
    const key = `${q.task}/${q.side}/${q.measure}`;
    const span: Span = { start: q.start, end: q.end, quantity: { id: q.id, kind: q.kind, path: paths.quantity(doc.id, q.id) } };
    byMeasure.set(key, [...(byMeasure.get(key) ?? []), span]);
  }
  const spans = (task: number, side: Quantity["side"], measure: number) => byMeasure.get(`${task}/${side}/${measure}`) ?? [];
  const result = new Map<number, TaskHighlights>();
  for (const item of doc.chapters.flatMap((c) => c.items)) {
    const upper = item.upper === undefined ? undefined : segmentText(item.upper, spans(item.number, "superior", 0));
    const local = item.local.map((m, i) => segmentText(m.text, spans(item.number, "local", i)));
    const count = [upper ?? [], ...local].flat(2).filter((s) => s.quantity).length;
    result.set(item.number, { upper, local, count });
  }
  return result;
}

/** The five entities an HTML serializer writes for text, and numeric references. */
const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The characters of rendered HTML a reader sees, whitespace left out: tags dropped, entities decoded.
 * Used at build time to check that the MDX body and the model hold the same text (see Upper.astro).
 */
export function visibleCharacters(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return String.fromCodePoint(code);
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, "");
}

/** Throws when the rendered MDX body and the model's text differ: the page shows the model's segments. */
export function assertSameText(mdxHtml: string, paragraphs: readonly Paragraph[], where: string): void {
  const shown = visibleCharacters(mdxHtml);
  const model = joinSegments(paragraphs).replace(/\s+/g, "");
  if (shown !== model) {
    let at = 0;
    while (at < shown.length && shown[at] === model[at]) at++;
    throw new Error(`${where}: the MDX body differs from the model's text at character ${at} ("${shown.slice(at, at + 20)}" vs "${model.slice(at, at + 20)}"); run npm run ingest`);
  }
}
