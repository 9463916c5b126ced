// The support finder's cards (pure): a card is a benefit to a recipient. One card per award (an amount, a rate or a
// cap, found by src/extract/subsidies.ts), and one per sentence that offers a named kind of benefit without an
// amount (OFFER in support-rules.ts). Sentences that only set the government a target are not cards.
import type { Level, Quantity, SupportCard } from "../model/figures.ts";
import type { Document } from "../model/schema.ts";
import { levelOf } from "./subsidies.ts";
import { DEFAULT_MONEY_KIND, KINDS, matchRules, MONEY_WORDS, OFFER, STAGES } from "./support-rules.ts";
import { addressedIn, beneficiaryOf } from "./beneficiary.ts";
import { levelWordOfColumn, measuresOf, sentences } from "./text.ts";
import { columnLabel } from "../model/labels.ts";

export type CardSource = Pick<Document, "columns" | "chapters" | "figures"> & { government: Pick<Document["government"], "name"> };

export interface SupportQuery {
  stage?: string;
  kind?: string;
  level?: Level;
}

const unique = <T>(xs: T[]) => [...new Set(xs)];
const LADDER: Level[] = ["county", "municipal", "provincial", "national"];
const YUAN: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** The level of a government by its name: 安徽省 → provincial, 六安市 → municipal, 青岚区 / 某县 → county. */
export function governmentLevel(name: string): Level | null {
  if (/省$|自治区$/.test(name)) return "provincial";
  if (/市$|州$|盟$/.test(name)) return "municipal";
  if (/区$|县$|旗$/.test(name)) return "county";
  return null;
}

/** The level above (the superior column of a city's list is the province's). */
const above = (level: Level | null): Level | null => (level ? (LADDER[LADDER.indexOf(level) + 1] ?? null) : null);

/**
 * Whether a card is the superior level's support (the province's in a city's list): from the superior measure, or
 * paid at a level above the issuing government's. Its policy is the superior document the list implements.
 */
export function isSuperiorSupport(card: Pick<SupportCard, "side" | "level">, government: string): boolean {
  if (card.side === "superior") return true;
  const own = governmentLevel(government);
  return card.level !== null && own !== null && LADDER.indexOf(card.level) > LADDER.indexOf(own);
}

/**
 * A list item put in place of the whole list, with its quotation marks kept in pairs: 专精特新“小巨人”、单项冠军称号
 * → 专精特新“小巨人”称号 and → 专精特新“单项冠军”称号 (the list's closing ” fell inside the span replaced).
 */
function balanced(before: string, label: string, after: string): string {
  const open = (s: string) => [...s].filter((c) => c === "“").length - [...s].filter((c) => c === "”").length;
  const unclosed = open(before + label);
  const opened = open(before + label + after);
  if (unclosed > 0 && opened > 0) return `${before}${label}”${after}`;
  if (unclosed === 0 && opened < 0 && !label.includes("“")) return `${before}“${label}${after}`;
  return before + label + after;
}

/** The kind of an award: the money word printed nearest after its recipient, within its sentence. */
function moneyKind(text: string, from: number, to: number): string {
  const region = text.slice(from, to);
  let best: { at: number; kind: string } | null = null;
  for (const { kind, pattern } of MONEY_WORDS) {
    for (const m of region.matchAll(pattern)) if (!best || m.index < best.at) best = { at: m.index, kind };
  }
  return best?.kind ?? DEFAULT_MONEY_KIND;
}

/** An amount's value in 元, when its unit is one of money. */
function yuanOf(q: Quantity | undefined): number | null {
  const factor = q ? YUAN[q.unit.trim()] : undefined;
  return q && factor ? Math.round(q.value * factor) : null;
}

export function supportCards(doc: CardSource): SupportCard[] {
  const items = new Map(doc.chapters.flatMap((c) => c.items).map((i) => [i.number, i]));
  const quantities = new Map<string, Quantity>(doc.figures.quantities.map((q) => [q.id, q]));
  const printed = (id: string | null) => (id ? quantities.get(id)!.printed : null);
  const sideColumn = { superior: columnLabel(doc, "superior"), local: columnLabel(doc, "measure") };
  // A column that names no level (工作措施) is the issuing government's; the superior column the level above it.
  const ownLevel = governmentLevel(doc.government.name);
  const sideLevel = {
    superior: levelOf(levelWordOfColumn(sideColumn.superior)) ?? above(ownLevel),
    local: levelOf(levelWordOfColumn(sideColumn.local)) ?? ownLevel,
  };
  const cards: SupportCard[] = [];

  for (const m of measuresOf(doc)) {
    const item = items.get(m.task)!;
    // The units to contact: the local measure's own; for the superior measure, those of every local measure.
    const measures = m.side === "local" ? [item.local[m.measure]] : item.local;
    const lead = unique(measures.flatMap((x) => x.lead));
    const support = unique(measures.flatMap((x) => x.support)).filter((u) => !lead.includes(u));
    const subsidies = doc.figures.subsidies.filter((s) => s.task === m.task && s.side === m.side && s.measure === m.measure);
    const base = { task: m.task, side: m.side, measure: m.measure, taskTitle: item.title, lead, support };

    sentences(m.text).forEach((sentence, n) => {
      const inSentence = subsidies.filter((s) => s.end > sentence.start && s.end <= sentence.end);
      const kinds = matchRules(KINDS, sentence.text);
      if (inSentence.length === 0) {
        if (kinds.length === 0 || !OFFER.test(sentence.text)) return;
        cards.push({
          ...base,
          id: `card-t${m.task}-${m.side === "superior" ? "s" : `l${m.measure}`}-${n + 1}`,
          stages: matchRules(STAGES, sentence.text),
          kinds,
          level: sideLevel[m.side],
          levelPrinted: sideColumn[m.side],
          amount: null,
          rate: null,
          cap: null,
          basis: null,
          yuan: null,
          upTo: false,
          oneOff: false,
          label: null,
          recipient: addressedIn(sentence.text),
          text: sentence.text,
          quantities: doc.figures.quantities.filter((q) => q.task === m.task && q.side === m.side && q.measure === m.measure && q.start >= sentence.start && q.end <= sentence.end).map((q) => q.id),
        });
        return;
      }
      for (const s of inSentence) {
        // Read the recipient for this item of a list: 省、市级“专精特新”企业 → 市级“专精特新”企业 for the 10万元.
        const ids = [s.amount, s.rate, s.cap].filter((x): x is string => x !== null);
        const siblings = inSentence.filter((o) => o.start === s.start && o.condition === s.condition);
        const labels = siblings.flatMap((o) => [o.amount, o.rate].map((id) => (id ? quantities.get(id)!.label : null))).filter((l) => l !== null);
        const own = ids.map((id) => quantities.get(id)!.label).find((l) => l !== null) ?? null;
        let reading = s.condition;
        if (own && labels.length > 1) {
          const from = Math.min(...labels.map((l) => l.start)) - s.start;
          const to = Math.max(...labels.map((l) => l.end)) - s.start;
          if (from >= 0 && to <= s.condition.length) reading = balanced(s.condition.slice(0, from), own.text, s.condition.slice(to));
        } else if (own) reading = `${s.condition} ${own.text}`;
        const amount = s.amount ? quantities.get(s.amount) : undefined;
        const cap = s.cap ? quantities.get(s.cap) : undefined;
        const money = moneyKind(m.text, s.start + s.condition.length, s.end);
        cards.push({
          ...base,
          id: `card-${s.id}`,
          stages: matchRules(STAGES, reading),
          kinds: unique([money, ...kinds.filter((k) => k !== money)]),
          level: s.payerLevel ?? sideLevel[m.side],
          levelPrinted: s.payer ?? sideColumn[m.side],
          amount: printed(s.amount),
          rate: printed(s.rate),
          cap: printed(s.cap),
          basis: s.basis,
          yuan: yuanOf(amount) ?? yuanOf(cap),
          upTo: amount ? /最高|不超过|以内/.test(amount.qualifier ?? "") : cap !== undefined,
          oneOff: s.oneOff,
          label: s.label,
          recipient: beneficiaryOf(reading) ?? addressedIn(sentence.text),
          text: sentence.text,
          quantities: ids,
        });
      }
    });
  }
  return cards;
}

/** Whether a card applies to a stage: it names the stage, or names none (open to every stage). */
export const appliesTo = (card: Pick<SupportCard, "stages">, stage: string) => card.stages.length === 0 || card.stages.includes(stage);

/** The cards for a stage, kind and level. */
export function findSupport(cards: SupportCard[], query: SupportQuery): SupportCard[] {
  return cards.filter(
    (c) => (!query.stage || appliesTo(c, query.stage)) && (!query.kind || c.kinds.includes(query.kind)) && (!query.level || c.level === query.level),
  );
}

/** Every card once, under its own (first) kind, in the rules' order. */
export function groupByKind(cards: SupportCard[]): { kind: string; label: string; cards: SupportCard[] }[] {
  return KINDS.map((k) => ({ kind: k.id, label: k.label, cards: cards.filter((c) => c.kinds[0] === k.id) })).filter((g) => g.cards.length > 0);
}
