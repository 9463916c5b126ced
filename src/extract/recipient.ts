// Who a subsidy is for, as printed: the 对…的企业 clause before the amount, or the sentence's opening clauses.
import { CLAUSE_END } from "./vocabulary.ts";

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** 对 opens a recipient only at the start of a clause (not in 对接, 针对, 对应). */
const OPENS_CLAUSE = /[，,；;：:。]/;
/** The recipient ends where the award begins. */
const RECIPIENT_END = /[，,；;]|分别|给予|每户/;

/**
 * The recipient of an award at `pos` within the sentence starting at `sentenceStart`.
 * 对获得国家级专精特新“小巨人”、单项冠军称号的企业分别给予… → 获得国家级专精特新“小巨人”、单项冠军称号的企业.
 * Without 对, the sentence's text before the award's clause: 推动专精特新企业…“四化”改造全覆盖，省级按照…
 */
export function recipientOf(text: string, sentenceStart: number, pos: number): Span {
  for (let i = pos - 1; i >= sentenceStart; i--) {
    if (text[i] !== "对") continue;
    if (i !== sentenceStart && !OPENS_CLAUSE.test(text[i - 1])) continue;
    const rest = text.slice(i + 1, pos);
    const stop = RECIPIENT_END.exec(rest);
    const end = i + 1 + (stop ? stop.index : rest.length);
    if (end > i + 1) return { text: text.slice(i + 1, end), start: i + 1, end };
  }
  let clauseStart = pos;
  while (clauseStart > sentenceStart && !CLAUSE_END.test(text[clauseStart - 1])) clauseStart--;
  let end = clauseStart > sentenceStart ? clauseStart - 1 : pos;
  const start = sentenceStart;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { text: text.slice(start, end), start, end };
}
