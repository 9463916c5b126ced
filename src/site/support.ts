// The support finder (政策找寻) of a document: the cards grouped by topic, the choices of the form, and for
// each card the stages, topics and level it matches, computed here with findSupport so the browser script
// only compares data attributes. Pure; the rules stay in src/extract/support-rules.ts.
import type { Level, SupportCard } from "../model/figures.ts";
import type { Document } from "../model/schema.ts";
import { findSupport, groupByTopic, supportCards } from "../extract/support-cards.ts";
import { STAGES, TOPICS } from "../extract/support-rules.ts";
import { anchors, paths } from "./paths.ts";
import { strings } from "./strings.ts";
import type { UnitRef } from "./view.ts";

export interface Choice {
  value: string;
  label: string;
}

export interface SupportCardView {
  id: string;
  heading: string;
  /** Amount, rate, cap, basis as printed, each with its label. */
  facts: { label: string; value: string }[];
  oneOff: boolean;
  condition: string;
  stages: string;
  level: string;
  contact: UnitRef[];
  cooperating: UnitRef[];
  taskPath: string;
  taskLabel: string;
  /** Space-separated ids for the filter script: the stages the card applies to (findSupport), its topics, its level. */
  data: { stages: string; topics: string; level: string };
}

export interface SupportGroupView {
  id: string;
  anchor: string;
  label: string;
  cards: SupportCardView[];
}

export interface SupportView {
  doc: { id: string; title: string };
  pageTitle: string;
  stages: Choice[];
  topics: Choice[];
  levels: Choice[];
  groups: SupportGroupView[];
  total: number;
  /** The count line as first shown (every card), and its template for the script. */
  countText: string;
  countTemplate: string;
  figuresPath: string;
}

const LEVEL_ORDER: Level[] = ["national", "provincial", "municipal", "county"];

function levelText(card: SupportCard): string {
  if (!card.level) return card.levelPrinted;
  const word = strings.support.levels[card.level];
  return card.levelPrinted === word ? word : `${word}（${card.levelPrinted}）`;
}

function cardView(doc: Pick<Document, "id" | "chapters" | "units">, card: SupportCard): SupportCardView {
  const s = strings.support;
  const slugs = new Map(doc.units.map((u) => [u.name, u.slug]));
  const unit = (name: string): UnitRef => {
    const slug = slugs.get(name);
    if (slug === undefined) throw new Error(`${doc.id}: support card ${card.id} names unit "${name}", which is not in the units list`);
    return { name, slug };
  };
  const printed: [string, string | null][] = [[s.amount, card.amount], [s.rate, card.rate], [s.basis, card.basis], [s.cap, card.cap]];
  const facts = printed.flatMap(([label, value]) => (value ? [{ label, value }] : []));
  const stageLabels = STAGES.filter((st) => card.stages.includes(st.id)).map((st) => st.label);
  return {
    id: card.id,
    heading: card.amount ?? card.rate ?? card.taskTitle,
    facts,
    oneOff: card.oneOff,
    condition: card.condition,
    stages: stageLabels.length > 0 ? stageLabels.join("、") : s.anyStage,
    level: levelText(card),
    contact: card.lead.map(unit),
    cooperating: card.support.map(unit),
    taskPath: paths.task(doc.id, card.task),
    taskLabel: s.taskLink(card.task, card.taskTitle),
    data: {
      stages: STAGES.filter((st) => findSupport([card], { stage: st.id }).length > 0).map((st) => st.id).join(" "),
      topics: card.topics.join(" "),
      level: card.level ?? "",
    },
  };
}

export function supportView(doc: Pick<Document, "id" | "title" | "columns" | "chapters" | "units" | "figures">): SupportView {
  const cards = supportCards(doc);
  const groups = groupByTopic(cards).map((g) => ({
    id: g.topic,
    anchor: anchors.supportTopic(g.topic),
    label: g.label,
    cards: g.cards.map((c) => cardView(doc, c)),
  }));
  const levels = LEVEL_ORDER.filter((l) => cards.some((c) => c.level === l));
  return {
    doc: { id: doc.id, title: doc.title },
    pageTitle: `${strings.support.title} - ${doc.title.replace(/\s*\n\s*/g, "")}`,
    stages: STAGES.map((st) => ({ value: st.id, label: st.label })),
    topics: TOPICS.map((t) => ({ value: t.id, label: t.label })),
    levels: levels.map((l) => ({ value: l, label: strings.support.levels[l] })),
    groups,
    total: cards.length,
    countText: strings.support.countTemplate.replace("{n}", String(cards.length)),
    countTemplate: strings.support.countTemplate,
    figuresPath: paths.figures(doc.id),
  };
}
