// Split a measure's text into sentences (。；！？) and long sentences into clauses (，), keeping offsets
// into the original text so a view can point back at the source.
import { content, visibleLength } from "./fold.ts";

/** A piece of a text: `text === source.slice(start, end)`; offsets are JavaScript string indices. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A sentence and, when it is long, its clauses (a short sentence is its own single clause). */
export interface Sentence extends Span {
  long: boolean;
  clauses: Span[];
}

/**
 * A sentence longer than this (in visible characters) is also cut at its commas. 40 characters is about two
 * lines of the source's table cells; below it a sentence reads as one unit and a character diff is clearer.
 */
export const LONG_SENTENCE = 40;

const SENTENCE_END = new Set(["。", "；", "！", "？", ";", "!", "?", "\n"]);
const CLAUSE_END = new Set(["，", ","]);
const OPENING = new Set(["“", "‘", "（", "(", "《", "「", "【", "〔"]);
const CLOSING = new Set(["”", "’", "）", ")", "》", "」", "】", "〕"]);
const DIGIT = /[0-9０-９]/;

/** Cut `text` within [from, to) after every character `isEnd` accepts outside brackets and quotes. */
function cut(text: string, from: number, to: number, isEnd: (i: number) => boolean): Span[] {
  const bounds: Array<[number, number]> = [];
  let start = from;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch)) depth = Math.max(0, depth - 1);
    if (ch === "\n" || (depth === 0 && isEnd(i))) {
      bounds.push([start, i + 1]);
      start = i + 1;
      depth = 0;
    }
  }
  bounds.push([start, to]);
  return tidy(text, bounds);
}

/** Trim spaces off each piece and fold pieces without a letter or digit into their neighbour. */
function tidy(text: string, bounds: Array<[number, number]>): Span[] {
  const spans: Span[] = [];
  let pending: number | undefined; // start of leading punctuation-only pieces, waiting for a piece with words
  for (let [start, end] of bounds) {
    while (start < end && /\s/u.test(text[start])) start++;
    while (end > start && /\s/u.test(text[end - 1])) end--;
    if (start === end) continue;
    const last = spans.at(-1);
    if (content(text.slice(start, end)) === "") {
      if (last) {
        last.end = end;
        last.text = text.slice(last.start, end);
      } else pending ??= start;
      continue;
    }
    if (pending !== undefined) start = pending;
    pending = undefined;
    spans.push({ start, end, text: text.slice(start, end) });
  }
  return spans;
}

/** The clauses of a span of `text`: cut after each comma outside brackets and quotes (not in 1,000). */
export function splitClauses(text: string, span: Span): Span[] {
  const isComma = (i: number) => CLAUSE_END.has(text[i]) && !(text[i] === "," && DIGIT.test(text[i - 1] ?? "") && DIGIT.test(text[i + 1] ?? ""));
  return cut(text, span.start, span.end, isComma);
}

export function splitSentences(text: string): Sentence[] {
  return cut(text, 0, text.length, (i) => SENTENCE_END.has(text[i])).map((sentence) => {
    const long = visibleLength(sentence.text) > LONG_SENTENCE;
    return { ...sentence, long, clauses: long ? splitClauses(text, sentence) : [{ ...sentence }] };
  });
}
