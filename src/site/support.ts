// The support finder (政策找寻) over every list: the cards grouped by kind of benefit, within a kind those that name
// an enterprise stage first and those open to every stage after; the choices of the form; and for each card what
// an enterprise needs to act on it (the benefit, the recipient, the condition as printed, the level, the department
// to ask, the government, list and task it comes from). Which stages, kinds, government and departments a card
// matches is computed here, so the browser script only compares data attributes. The page of one list
// (/<doc>/support/) is the same view limited to that list. Pure; the rules stay in src/extract/support-rules.ts.
import type { Level, SupportCard } from "../model/figures.ts";
import type { Document } from "../model/schema.ts";
import { appliesTo, groupByKind, isSuperiorSupport, supportCards } from "../extract/support-cards.ts";
import { KINDS, STAGES } from "../extract/support-rules.ts";
import { anchors, paths } from "./paths.ts";
import { strings } from "./strings.ts";
import { taskTitle } from "./view.ts";
import type { UnitRef } from "./view.ts";
import { byNewest } from "./library.ts";
import { noContacts, type ContactOf, type ContactView } from "./contacts.ts";

/** How many lists' cards the finder over every list holds (newest first); the others are on their own pages. */
export const ALL_LISTS_SHOWN = 10;
/**
 * And at most this many cards, in whole lists (the newest always): a card is about 2 KB of HTML, and ten lists of
 * the scale bench's held 831 cards in a page of 1.6 MB; the page must stay under 1 MB (test/e2e/budgets.test.ts).
 */
export const ALL_CARDS_SHOWN = 300;

export interface Choice {
  value: string;
  label: string;
}

export interface SupportListRef {
  id: string;
  title: string;
  /** The list's own page. */
  path: string;
}

export interface SupportCardView {
  /** Unique on the page across lists: the list's id and the card's. */
  id: string;
  /** The benefit: the amount or rate as printed, else the kind (融资, 要素保障…). */
  heading: string;
  kindLabel: string;
  /** Rate, basis and cap as printed, each with its label (the amount is the heading). */
  facts: { label: string; value: string }[];
  oneOff: boolean;
  upTo: boolean;
  recipient: string | null;
  /** The sentence as printed. */
  condition: string;
  stages: string;
  level: string;
  /** From the superior level's measure (省工作举措): the province's policy, printed beside the city's. */
  superior: boolean;
  /** The lead units (牵头单位): the departments to ask. */
  contact: UnitRef[];
  /** Of these, those seeds/contacts.json gives a phone, address or 申报入口 for; empty without the file. */
  contacts: { unit: UnitRef; contact: ContactView }[];
  cooperating: UnitRef[];
  government: string;
  list: SupportListRef;
  /** The list's own 文号, when known. */
  listNumber?: string;
  listDate: string;
  /** The superior level's support: the superior document the list implements, the policy an applicant cites. */
  cites?: { title: string; number?: string };
  taskPath: string;
  taskLabel: string;
  /** The calculator can add it: it names a sum of money. */
  claimable: boolean;
  /** Space-separated ids for the filter script, and the calculator's figures. */
  data: { stages: string; kinds: string; kind: string; government: string; list: string; units: string; yuan: string; upTo: string; oneOff: string };
}

export interface SupportGroupView {
  id: string;
  anchor: string;
  label: string;
  /** Cards that name a stage, then cards open to every stage (under their own heading). */
  named: SupportCardView[];
  open: SupportCardView[];
  count: number;
  /**
   * Open when the page loads. None is: the groups are the page's index of kinds with their counts, and the 奖补 group
   * of the bundled list alone is over 20,000 px tall on a phone. A choice in the form opens the groups it matches.
   */
  expanded: boolean;
}

export interface SupportView {
  /** The list the page is limited to (/<doc>/support/), or null for the finder over every list. */
  scope: { id: string; title: string } | null;
  pageTitle: string;
  /** Lists whose cards are only on their own pages (the finder over every list holds the newest ALL_LISTS_SHOWN). */
  olderLists: number;
  listsPath: string;
  /** Governments of the lists on the page; the filter shows only with two or more. */
  governments: Choice[];
  stages: Choice[];
  kinds: Choice[];
  /** Departments that lead or support a card, by their page's slug. */
  units: Choice[];
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

export type SupportSource = Pick<Document, "id" | "title" | "date" | "datePrinted" | "number" | "implements" | "government" | "columns" | "chapters" | "units" | "figures">;

/** The department page's slug of a unit as a list prints it, and the department's label (the library's). */
export interface UnitSlugs {
  slugOf(docId: string, printed: string): string;
  labelOf(slug: string): string;
}

/** A title printed over several lines, on one. */
const oneLine = (title: string) => title.replace(/\s*\n\s*/g, "");
const kindLabel = (id: string) => KINDS.find((k) => k.id === id)?.label ?? id;

function levelText(card: SupportCard): string {
  if (!card.level) return card.levelPrinted;
  const word = strings.support.levels[card.level as Level];
  return card.levelPrinted === word ? word : `${word}（${card.levelPrinted}）`;
}

function cardView(doc: SupportSource, list: SupportListRef, units: UnitSlugs, contactOf: ContactOf, card: SupportCard): SupportCardView {
  const s = strings.support;
  const item = doc.chapters.flatMap((c) => c.items).find((i) => i.number === card.task);
  // A numbered paragraph may have no title: then the opening of its first measure, as the task pages show it.
  const title = item ? taskTitle(item) : card.taskTitle;
  const unit = (name: string): UnitRef => {
    const slug = units.slugOf(doc.id, name);
    return { name, slug, label: units.labelOf(slug) };
  };
  const printed: [string, string | null][] = [[s.rate, card.amount ? card.rate : null], [s.basis, card.basis], [s.cap, card.cap]];
  const facts = printed.flatMap(([label, value]) => (value ? [{ label, value }] : []));
  const stageLabels = STAGES.filter((st) => card.stages.includes(st.id)).map((st) => st.label);
  const contact = card.lead.map(unit);
  const cooperating = card.support.map(unit);
  const contacts = [...new Map(contact.map((u) => [u.slug, u])).values()].flatMap((u) => {
    const found = contactOf(u.slug);
    return found ? [{ unit: u, contact: found }] : [];
  });
  const kind = card.kinds[0]!;
  return {
    id: `${doc.id}-${card.id}`,
    heading: card.amount ?? card.rate ?? kindLabel(kind),
    kindLabel: kindLabel(kind),
    facts,
    oneOff: card.oneOff,
    upTo: card.upTo,
    recipient: card.recipient,
    condition: card.text,
    stages: stageLabels.length > 0 ? stageLabels.join("、") : s.anyStage,
    level: levelText(card),
    superior: card.side === "superior",
    contact,
    contacts,
    cooperating,
    government: doc.government.name,
    list,
    ...(doc.number ? { listNumber: doc.number } : {}),
    listDate: doc.datePrinted,
    ...(doc.implements && isSuperiorSupport(card, doc.government.name) ? { cites: doc.implements } : {}),
    taskPath: paths.task(doc.id, card.task),
    taskLabel: s.taskLink(card.task, title),
    claimable: card.yuan !== null,
    data: {
      stages: STAGES.filter((st) => appliesTo(card, st.id)).map((st) => st.id).join(" "),
      kinds: card.kinds.join(" "),
      kind,
      government: doc.government.name,
      list: doc.id,
      units: [...new Set([...contact, ...cooperating].map((u) => u.slug))].join(" "),
      yuan: card.yuan === null ? "" : String(card.yuan),
      upTo: card.upTo ? "true" : "",
      oneOff: card.oneOff ? "true" : "",
    },
  };
}

/** The newest lists whose cards together stay within ALL_CARDS_SHOWN (the first whatever its count). */
function newestWithin(newestFirst: readonly SupportSource[]): SupportSource[] {
  const kept: SupportSource[] = [];
  let cards = 0;
  for (const doc of newestFirst) {
    const count = supportCards(doc).length;
    if (kept.length && cards + count > ALL_CARDS_SHOWN) break;
    kept.push(doc);
    cards += count;
  }
  return kept;
}

/**
 * The finder over `lists` (every list of the site, in brief), with the cards of `whole` (the lists at hand whole: all
 * of them, or in a list shard its own); with `scope`, the page of that one list: only its cards.
 */
export function supportView(
  lists: readonly Pick<Document, "id" | "title" | "date">[],
  whole: readonly SupportSource[],
  units: UnitSlugs,
  scope?: string,
  contactOf: ContactOf = noContacts,
): SupportView {
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
  // Over every list, the newest lists' cards (ALL_LISTS_SHOWN, ALL_CARDS_SHOWN): a province's hundreds of lists would
  // make one page of megabytes. Older lists are on their own pages, from the lists index.
  const shown = scoped ? [scoped] : newestWithin(ordered.slice(0, ALL_LISTS_SHOWN).map((d) => full(d.id)));
  // Cards list by list, newest first: within a kind, the newest list's cards come first.
  const all = shown.flatMap((doc) => {
    const list = { id: doc.id, title: oneLine(doc.title), path: paths.document(doc.id) };
    return supportCards(doc).map((card) => ({ card, view: cardView(doc, list, units, contactOf, card) }));
  });
  const views = new Map(all.map((x) => [x.card, x.view]));
  const groups = groupByKind(all.map((x) => x.card)).map((g) => ({
    id: g.kind,
    anchor: anchors.supportKind(g.kind),
    label: g.label,
    named: g.cards.filter((c) => c.stages.length > 0).map((c) => views.get(c)!),
    open: g.cards.filter((c) => c.stages.length === 0).map((c) => views.get(c)!),
    count: g.cards.length,
    expanded: false,
  }));
  const unitChoices = new Map<string, string>();
  for (const { view } of all) for (const u of [...view.contact, ...view.cooperating]) unitChoices.set(u.slug, u.label || u.name);
  const governments = [...new Set(shown.map((d) => d.government.name).filter(Boolean))];
  return {
    scope: scoped ? { id: scoped.id, title: oneLine(scoped.title) } : null,
    pageTitle: scoped ? `${s.title} - ${oneLine(scoped.title)}` : s.title,
    olderLists: scoped ? 0 : ordered.length - shown.length,
    listsPath: paths.lists(),
    governments: governments.map((g) => ({ value: g, label: g })),
    stages: STAGES.map((st) => ({ value: st.id, label: st.label })),
    kinds: KINDS.filter((k) => all.some((x) => x.card.kinds.includes(k.id))).map((k) => ({ value: k.id, label: k.label })),
    units: [...unitChoices].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "zh-CN")),
    groups,
    total: all.length,
    countText: s.countTemplate.replace("{n}", String(all.length)),
    countTemplate: s.countTemplate,
    allPath: paths.supportAll(),
    figuresPath: scoped ? paths.figures(scoped.id) : null,
  };
}
