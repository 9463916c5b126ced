// The support finder's cards (pure): one card per award, and one per sentence that offers support on a topic
// without an amount. Stages and topics come from the rules in support-rules.ts.
import type { Level, Quantity, SupportCard } from "../model/figures.ts";
import type { Document } from "../model/schema.ts";
import { levelOf } from "./subsidies.ts";
import { FUNDING_TOPIC, matchRules, STAGES, TOPICS } from "./support-rules.ts";
import { levelWordOfColumn, measuresOf, sentences } from "./text.ts";
import { columnLabel } from "../model/labels.ts";

export type CardSource = Pick<Document, "columns" | "chapters" | "figures">;

export interface SupportQuery {
  stage?: string;
  topic?: string;
  level?: Level;
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

export function supportCards(doc: CardSource): SupportCard[] {
  const items = new Map(doc.chapters.flatMap((c) => c.items).map((i) => [i.number, i]));
  const quantities = new Map<string, Quantity>(doc.figures.quantities.map((q) => [q.id, q]));
  const printed = (id: string | null) => (id ? quantities.get(id)!.printed : null);
  const sideColumn = { superior: columnLabel(doc, "superior"), local: columnLabel(doc, "measure") };
  const cards: SupportCard[] = [];

  for (const m of measuresOf(doc)) {
    const item = items.get(m.task)!;
    // The units to contact: the local measure's own; for the superior measure, those of every local measure.
    const measures = m.side === "local" ? [item.local[m.measure]] : item.local;
    const lead = unique(measures.flatMap((x) => x.lead));
    const support = unique(measures.flatMap((x) => x.support)).filter((u) => !lead.includes(u));
    const sideLevel = levelOf(levelWordOfColumn(sideColumn[m.side]));
    const subsidies = doc.figures.subsidies.filter((s) => s.task === m.task && s.side === m.side && s.measure === m.measure);
    const base = { task: m.task, side: m.side, measure: m.measure, taskTitle: item.title, lead, support };

    sentences(m.text).forEach((sentence, n) => {
      const inSentence = subsidies.filter((s) => s.end > sentence.start && s.end <= sentence.end);
      const topics = matchRules(TOPICS, sentence.text);
      if (inSentence.length === 0) {
        if (topics.length === 0) return;
        cards.push({
          ...base,
          id: `card-t${m.task}-${m.side === "superior" ? "s" : `l${m.measure}`}-${n + 1}`,
          stages: matchRules(STAGES, sentence.text),
          topics,
          level: sideLevel,
          levelPrinted: sideColumn[m.side],
          amount: null,
          rate: null,
          cap: null,
          basis: null,
          oneOff: false,
          label: null,
          condition: sentence.text,
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
          if (from >= 0 && to <= s.condition.length) reading = s.condition.slice(0, from) + own.text + s.condition.slice(to);
        } else if (own) reading = `${s.condition} ${own.text}`;
        cards.push({
          ...base,
          id: `card-${s.id}`,
          stages: matchRules(STAGES, reading),
          topics: unique([FUNDING_TOPIC, ...topics]),
          level: s.payerLevel ?? sideLevel,
          levelPrinted: s.payer ?? sideColumn[m.side],
          amount: printed(s.amount),
          rate: printed(s.rate),
          cap: printed(s.cap),
          basis: s.basis,
          oneOff: s.oneOff,
          label: s.label,
          condition: s.condition,
          text: sentence.text,
          quantities: ids,
        });
      }
    });
  }
  return cards;
}

/** The cards for a stage, topic and level; a card naming no stage is open to every stage. */
export function findSupport(cards: SupportCard[], query: SupportQuery): SupportCard[] {
  return cards.filter(
    (c) =>
      (!query.stage || c.stages.length === 0 || c.stages.includes(query.stage)) &&
      (!query.topic || c.topics.includes(query.topic)) &&
      (!query.level || c.level === query.level),
  );
}

/** Every card once, under its first topic, in the rules' order (the page without JavaScript). */
export function groupByTopic(cards: SupportCard[]): { topic: string; label: string; cards: SupportCard[] }[] {
  return TOPICS.map((t) => ({ topic: t.id, label: t.label, cards: cards.filter((c) => c.topics[0] === t.id) })).filter((g) => g.cards.length > 0);
}
