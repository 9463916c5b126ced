// Every number with a unit in a measure's text → a quantity: value and unit as printed, kind, period,
// qualifier, subject and offsets. Numbers that are parts of names (5+1, 1+16+X, IPv6, 5G, 3A, 第6版) are skipped.
import type { ListLabel, QuantityKind } from "../model/figures.ts";
import type { MeasureText } from "./text.ts";
import { clauseAt, sentenceAt } from "./text.ts";
import {
  APPROXIMATORS, CLAUSE_END, dimensionOf, PERIOD_WORDS, QUALIFIERS_BEFORE, SUBSIDY_WORDS, UNITS, VERBS,
} from "./vocabulary.ts";

/** A quantity while it is being read: the model's fields plus the spans the other extractors need. */
export interface Found {
  value: number;
  valuePrinted: string;
  unit: string;
  start: number;
  end: number;
  /** Start of the qualifier printed before the number (= start when none). */
  outerStart: number;
  /** End of the qualifier printed after the unit (= end when none). */
  outerEnd: number;
  qualifier: string | null;
  kind: QuantityKind;
  period: string | null;
  subject: string;
  label: ListLabel | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const DIGITS = "[0-9０-９]";
/** number, optional spaces (ASCII, NBSP, ideographic), 余/多, 万/亿/千, unit. Lookbehind rules out names. */
const QUANTITY = new RegExp(
  `(?<![A-Za-z0-9０-９.．+＋第])(${DIGITS}+(?:[.．]${DIGITS}+)?)[ \\t\\u00a0\\u3000]*(${APPROXIMATORS.join("|")})?([万亿千]?(?:${UNITS.map(escape).join("|")}))`,
  "g",
);
/** After the unit: 以上, 左右, 内 (but not 内容, 内部). */
const QUALIFIER_AFTER = /^(（含）以上|以上|以下|以内|之内|左右|内(?![容部涵资外]))/;
const SPACES = /[ \t\u00a0\u3000]/;

const toAscii = (s: string) => s.replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** A rate's bound may stand before its basis: 按照[不超过]项目投资额50%的比例. */
const RATE_BOUND = /(不超过|不低于|不高于)[^，,；;、。0-9０-９%％]{1,12}$/;

function qualifierBefore(text: string, start: number): { word: string; at: number } | null {
  let i = start;
  while (i > 0 && SPACES.test(text[i - 1])) i--;
  const before = text.slice(Math.max(0, i - 4), i);
  const word = QUALIFIERS_BEFORE.find((q) => before.endsWith(q));
  return word ? { word, at: i - word.length } : null;
}

function rateBound(text: string, start: number, end: number): string | null {
  if (!/[%％]$/.test(text.slice(start, end))) return null;
  return RATE_BOUND.exec(text.slice(Math.max(0, start - 16), start))?.[1] ?? null;
}

function classify(text: string, f: { value: number; unit: string; qualifier: string | null; start: number }): QuantityKind {
  const dimension = dimensionOf(f.unit);
  if (dimension === "percent") return "rate";
  if (dimension === "time") return "deadline";
  if (dimension === "money") {
    const [cs, ce] = clauseAt(text, f.start);
    if (SUBSIDY_WORDS.test(text.slice(cs, ce))) return "subsidy";
    // A cap (最高100万元) in the clause after the award: 给予一次性奖补，最高100万元。
    if (f.qualifier?.startsWith("最高") || f.qualifier?.startsWith("不超过")) {
      const [ss] = sentenceAt(text, f.start);
      if (cs > ss && SUBSIDY_WORDS.test(text.slice(clauseAt(text, cs - 2)[0], cs))) return "subsidy";
    }
  }
  return "target"; // refined to "other" below when no period governs it
}

/** Strip period words and verbs from the front of a subject: 每年培育创新型中小企业 → 创新型中小企业. */
function trimSubject(s: string): string {
  let out = s.replace(/^[、\s\u00a0\u3000]+/, "");
  for (let changed = true; changed; ) {
    changed = false;
    const period = /^(每年|全年|年均|每季度|每月)/.exec(out);
    if (period) {
      out = out.slice(period[0].length);
      changed = true;
    }
    const verb = VERBS.find((v) => out.startsWith(v) && out.length > v.length);
    if (verb) {
      out = out.slice(verb.length);
      changed = true;
    }
  }
  return out.trim();
}

/** The text after a quantity up to the next boundary: 200 家[企业上云上平台]。 */
function textAfter(text: string, from: number): string {
  let end = from;
  while (end < text.length && !CLAUSE_END.test(text[end]) && !/[、（(]/.test(text[end])) end++;
  return text.slice(from, end).trim();
}

export function findQuantities(m: MeasureText): Found[] {
  const { text } = m;
  const found: Found[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = qualifierBefore(text, start);
    const after = QUALIFIER_AFTER.exec(text.slice(end));
    const qualifier = [before?.word ?? rateBound(text, start, end), match[2], after?.[1]].filter(Boolean).join("…") || null;
    const unit = match[3];
    const value = Number(toAscii(match[1]));
    const f = { value, unit, qualifier, start };
    found.push({
      value,
      valuePrinted: match[1],
      unit,
      start,
      end,
      outerStart: before ? before.at : start,
      outerEnd: end + (after ? after[1].length : 0),
      qualifier,
      kind: classify(text, f),
      period: null,
      subject: "",
      label: null,
    });
  }

  // Periods: the nearest period word or deadline earlier in the same sentence governs a target.
  const periodWords = [...text.matchAll(PERIOD_WORDS)].map((p) => ({ at: p.index, end: p.index + p[0].length, printed: p[0] }));
  for (const [i, f] of found.entries()) {
    const [sentenceStart] = sentenceAt(text, f.start);
    if (f.kind === "target") {
      const candidates = [
        ...periodWords.filter((p) => p.at >= sentenceStart && p.end <= f.outerStart),
        ...found
          .slice(0, i)
          .filter((d) => d.kind === "deadline" && d.outerStart >= sentenceStart)
          .map((d) => ({ at: d.outerStart, end: d.outerEnd, printed: text.slice(d.outerStart, d.outerEnd) })),
      ].sort((a, b) => a.at - b.at);
      f.period = candidates.at(-1)?.printed ?? null;
      if (f.period === null) f.kind = "other";
    }

    // Subject: the words before the number back to a clause boundary or the previous quantity;
    // when those end in a verb (推动 200 家企业…), the words after the unit.
    const [clauseStart] = clauseAt(text, f.start);
    const previousEnd = i > 0 ? found[i - 1].outerEnd : 0;
    const periodEnd = periodWords.filter((p) => p.end <= f.outerStart).at(-1)?.end ?? 0;
    const segmentStart = Math.max(clauseStart, previousEnd, periodEnd);
    const raw = text.slice(segmentStart, Math.max(segmentStart, f.outerStart));
    const before = trimSubject(raw);
    const afterText = textAfter(text, f.outerEnd);
    const endsInVerb = VERBS.some((v) => raw.trimEnd().endsWith(v));
    if (f.kind === "deadline") {
      // What is due: the rest of the sentence (到2025年，新增国家绿色工厂50家以上、…).
      const [, sentenceEnd] = sentenceAt(text, f.start);
      f.subject = text.slice(f.outerEnd, sentenceEnd).replace(/^[，,；;：:\s]+/, "").trim() || before;
    } else if ((before === "" || endsInVerb) && afterText && !/^(的|给予|奖补|比例)/.test(afterText)) {
      f.subject = afterText;
    } else f.subject = before;
  }
  return found;
}
