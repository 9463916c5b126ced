// The support finder (政策找寻) over every list: the cards grouped by topic (newest list first within a group), the
// choices of the form, and for each card its list, task, and the stages, topics, level and list it matches,
// computed here with findSupport so the browser script only compares data attributes. The page of one list
// (/<doc>/support/) is the same view limited to that list. Pure; the rules stay in src/extract/support-rules.ts.
import type { Level, SupportCard } from "../model/figures.ts";
import type { Document } from "../model/schema.ts";
import { findSupport, groupByTopic, supportCards } from "../extract/support-cards.ts";
import { STAGES, TOPICS } from "../extract/support-rules.ts";
import { anchors, paths } from "./paths.ts";
import { strings } from "./strings.ts";
import { taskTitle } from "./view.ts";
import type { UnitRef } from "./view.ts";
import { byNewest } from "./library.ts";

/** How many lists' cards the finder over every list holds (newest first); the others are on their own pages. */
export const ALL_LISTS_SHOWN = 10;

export interface Choice {
  value: string;
  label: string;
}

/** A list in the list filter: where its own finder is (the per-list page switches lists by going there). */
export interface ListChoice extends Choice {
  path: string;
  /** Its cards are on this page (choosing it filters here; another list is another page). */
  here: boolean;
}

export interface SupportListRef {
  id: string;
  title: string;
  /** Its section on the home page. */
  path: string;
}

export interface SupportCardView {
  /** Unique on the page across lists: the list's id and the card's. */
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
  list: SupportListRef;
  taskPath: string;
  taskLabel: string;
  /** Space-separated ids for the filter script: the stages the card applies to (findSupport), its topics, its level, its list. */
  data: { stages: string; topics: string; level: string; list: string };
}

export interface SupportGroupView {
  id: string;
  anchor: string;
  label: string;
  cards: SupportCardView[];
}

export interface SupportView {
  /** The list the page is limited to (/<doc>/support/), or null for the finder over every list. */
  scope: { id: string; title: string } | null;
  pageTitle: string;
  lists: ListChoice[];
  /** Lists whose cards are only on their own pages (the finder over every list holds the newest ALL_LISTS_SHOWN). */
  olderLists: number;
  stages: Choice[];
  topics: Choice[];
  levels: Choice[];
  groups: SupportGroupView[];
  total: number;
  /** The count line as first shown (every card on the page), and its template for the script. */
  countText: string;
  countTemplate: string;
  /** The finder over every list (linked from a list's page). */
  allPath: string;
  /** The list's figures page, on a list's page. */
  figuresPath: string | null;
}

export type SupportSource = Pick<Document, "id" | "title" | "date" | "columns" | "chapters" | "units" | "figures">;

/** The department page's slug of a unit as a list prints it, and the department's label (the library's). */
export interface UnitSlugs {
  slugOf(docId: string, printed: string): string;
  labelOf(slug: string): string;
}

const LEVEL_ORDER: Level[] = ["national", "provincial", "municipal", "county"];

/** A title printed over several lines, on one. */
const oneLine = (title: string) => title.replace(/\s*\n\s*/g, "");

function levelText(card: SupportCard): string {
  if (!card.level) return card.levelPrinted;
  const word = strings.support.levels[card.level];
  return card.levelPrinted === word ? word : `${word}（${card.levelPrinted}）`;
}

function cardView(doc: SupportSource, list: SupportListRef, units: UnitSlugs, card: SupportCard): SupportCardView {
  const s = strings.support;
  const item = doc.chapters.flatMap((c) => c.items).find((i) => i.number === card.task);
  // A numbered paragraph may have no title: then the opening of its first measure, as the task pages show it.
  const title = item ? taskTitle(item) : card.taskTitle;
  const unit = (name: string): UnitRef => {
    const slug = units.slugOf(doc.id, name);
    return { name, slug, label: units.labelOf(slug) };
  };
  const printed: [string, string | null][] = [[s.amount, card.amount], [s.rate, card.rate], [s.basis, card.basis], [s.cap, card.cap]];
  const facts = printed.flatMap(([label, value]) => (value ? [{ label, value }] : []));
  const stageLabels = STAGES.filter((st) => card.stages.includes(st.id)).map((st) => st.label);
  return {
    id: `${doc.id}-${card.id}`,
    heading: card.amount ?? card.rate ?? title,
    facts,
    oneOff: card.oneOff,
    condition: card.condition,
    stages: stageLabels.length > 0 ? stageLabels.join("、") : s.anyStage,
    level: levelText(card),
    contact: card.lead.map(unit),
    cooperating: card.support.map(unit),
    list,
    taskPath: paths.task(doc.id, card.task),
    taskLabel: s.taskLink(card.task, title),
    data: {
      stages: STAGES.filter((st) => findSupport([card], { stage: st.id }).length > 0).map((st) => st.id).join(" "),
      topics: card.topics.join(" "),
      level: card.level ?? "",
      list: doc.id,
    },
  };
}

/**
 * The finder over `lists` (every list of the site, in brief), with the cards of `whole` (the lists at hand whole: all
 * of them, or in a list shard its own); with `scope`, the page of that one list: only its cards, the list filter
 * preset to it. The list filter always offers every list, newest first.
 */
export function supportView(lists: readonly Pick<Document, "id" | "title" | "date">[], whole: readonly SupportSource[], units: UnitSlugs, scope?: string): SupportView {
  const s = strings.support;
  const ordered = [...lists].sort(byNewest);
  const wholeById = new Map(whole.map((d) => [d.id, d]));
  const full = (id: string) => {
    const doc = wholeById.get(id);
    if (!doc) throw new Error(`support finder: list "${id}" is not at hand whole`);
    return doc;
  };
  const scoped = scope === undefined ? null : ordered.some((d) => d.id === scope) ? full(scope) : undefined;
  if (scoped === undefined) throw new Error(`support finder: no list "${scope}"`);
  // Over every list, the newest ALL_LISTS_SHOWN lists' cards: a province's hundreds of lists would make one page of
  // megabytes. Older lists are one choice away, in the list filter, on their own pages.
  const shown = scoped ? [scoped] : ordered.slice(0, ALL_LISTS_SHOWN).map((d) => full(d.id));
  const here = new Set(shown.map((d) => d.id));
  const perList = shown.map((doc) => ({ doc, cards: supportCards(doc) }));
  // Groups as one list's groupByTopic gives them, filled list by list (newest first): within a topic, the newest list's cards first.
  const all = perList.flatMap(({ doc, cards }) => {
    const list = { id: doc.id, title: oneLine(doc.title), path: paths.document(doc.id) };
    return cards.map((card) => ({ card, view: cardView(doc, list, units, card) }));
  });
  const views = new Map(all.map((x) => [x.card, x.view]));
  const groups = groupByTopic(all.map((x) => x.card)).map((g) => ({
    id: g.topic,
    anchor: anchors.supportTopic(g.topic),
    label: g.label,
    cards: g.cards.map((c) => views.get(c)!),
  }));
  const levels = LEVEL_ORDER.filter((l) => all.some((x) => x.card.level === l));
  return {
    scope: scoped ? { id: scoped.id, title: oneLine(scoped.title) } : null,
    pageTitle: scoped ? `${s.title} - ${oneLine(scoped.title)}` : s.title,
    lists: ordered.map((d) => ({ value: d.id, label: oneLine(d.title), path: paths.support(d.id), here: here.has(d.id) })),
    olderLists: scoped ? 0 : ordered.length - shown.length,
    stages: STAGES.map((st) => ({ value: st.id, label: st.label })),
    topics: TOPICS.map((t) => ({ value: t.id, label: t.label })),
    levels: levels.map((l) => ({ value: l, label: s.levels[l] })),
    groups,
    total: all.length,
    countText: s.countTemplate.replace("{n}", String(all.length)),
    countTemplate: s.countTemplate,
    allPath: paths.supportAll(),
    figuresPath: scoped ? paths.figures(scoped.id) : null,
  };
}
