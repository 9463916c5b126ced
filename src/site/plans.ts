// View models of a plan (a superior document several lists implement): its page, a page per superior measure with
// every list's measures for it, the coverage matrix and the targets summed across governments. Pure: the plans
// file (src/plans/) and the lists' models in, what the pages lay out out.
import { overallShare } from "../compare/share.ts";
import type { CopiedShare } from "../model/comparison.ts";
import type { Plan, PlanMeasure, PlansContent } from "../model/plans.ts";
import type { Document } from "../model/schema.ts";
import type { Quantity } from "../model/figures.ts";
import { coverageMatrixChart } from "../charts/coverage-matrix.ts";
import { percent } from "../charts/labels.ts";
import { chartTable, type ChartView } from "./figures.ts";
import { strings } from "./strings.ts";
import { documentLabels, taskMeasures, taskTitle, type DocumentLabels, type MeasureView, type UnitDirectory } from "./view.ts";

/** Lists per page of a superior measure's page and per page of the coverage matrix (a province's 16 cities fit one). */
export const LISTS_PER_PAGE = 16;

/** How much of a list's measures for a superior measure is the superior text copied word for word. */
export type CoverageState = "copied" | "partly" | "own" | "absent";
/** At or above: 照搬; below SHARE_OWN: 自拟; between: 沿用 (the share the comparison computes). */
export const SHARE_COPIED = 0.8;
export const SHARE_OWN = 0.3;

export function coverageState(share: CopiedShare | undefined): CoverageState {
  if (!share) return "absent";
  return share.share >= SHARE_COPIED ? "copied" : share.share >= SHARE_OWN ? "partly" : "own";
}

export interface PlanRef {
  id: string;
  title: string;
  number?: string;
}

export interface PlanListView {
  id: string;
  title: string;
  government: string;
  date: string;
  datePrinted: string;
  number?: string;
  tasks: number;
  /** How many of the plan's superior measures the list carries. */
  carried: number;
  /** The copied share over the list's tasks that carry one of the plan's measures; undefined when it has none. */
  share?: CopiedShare;
}

export interface PlanMeasureRef {
  n: number;
  chapter: string;
  title: string;
  text: string;
  /** Lists that carry it, of all the plan's lists. */
  carriedBy: number;
}

export interface TargetRow {
  list: PlanListView;
  /** The list's targets paired with the superior one, as printed (12家). */
  printed: string[];
  /** Their sum in the superior target's unit; undefined when the list states none or another unit. */
  value?: number;
  why?: "none" | "unit";
}

export interface TargetSum {
  /** The superior target as printed, with what it counts (遴选省专精特新企业 500家). */
  printed: string;
  subject: string;
  value: number;
  unit: string;
  rows: TargetRow[];
  /** Over the rows with a value: the newest list of each government that carries the measure. */
  sum?: { value: number; lists: number; ratio: number };
}

export interface PlanView {
  plan: PlanRef;
  groupedBy: Plan["groupedBy"];
  lists: PlanListView[];
  governments: number;
  measures: PlanMeasureRef[];
  /** The lists without a superior column: members by their cited 文号, with nothing to align. */
  withoutSuperior: PlanListView[];
}

export interface CityMeasures {
  list: PlanListView;
  labels: DocumentLabels;
  /** How close the list's copy of the superior text is to the plan's (1 = the same words). */
  similarity: number;
  share?: CopiedShare;
  state: CoverageState;
  counts: { identical: number; changed: number; added: number; omitted: number };
  tasks: Array<{ number: number; title: string; measures: MeasureView[]; targets: string[] }>;
}

export interface MeasurePageView {
  plan: PlanRef;
  measure: PlanMeasureRef;
  previous?: PlanMeasureRef;
  next?: PlanMeasureRef;
  cities: CityMeasures[];
  /** The plan's lists (with a superior column) that leave it out: 未列入. */
  absent: PlanListView[];
  targets: TargetSum[];
  page: number;
  pages: number;
}

export interface CoverageCell {
  list: string;
  state: CoverageState;
  share?: number;
}

export interface CoverageView {
  plan: PlanRef;
  lists: PlanListView[];
  rows: Array<{ measure: PlanMeasureRef; cells: CoverageCell[] }>;
  page: number;
  pages: number;
}

export type PlanDocument = Pick<Document, "id" | "title" | "listTitle" | "date" | "datePrinted" | "number" | "government" | "chapters" | "comparison" | "figures" | "dueDates" | "columns" | "units">;

/** Plans by the lists they hold: a list's plan, for its pages, its department sections and the search filter. */
export function planOfList(content: PlansContent | undefined): (listId: string) => PlanRef | undefined {
  const byList = new Map<string, PlanRef>();
  for (const plan of content?.plans ?? []) for (const id of plan.lists) byList.set(id, planRef(plan));
  return (id) => byList.get(id);
}

export function planRef(plan: Plan): PlanRef {
  return { id: plan.id, title: plan.title, ...(plan.number ? { number: plan.number } : {}) };
}

/** How pages and the search filter name a plan: its title and 文号, or the one it has. */
export function planLabel(plan: PlanRef): string {
  if (plan.title && plan.number) return `《${plan.title}》（${plan.number}）`;
  return plan.title ? `《${plan.title}》` : (plan.number ?? "");
}

function shareOf(doc: PlanDocument, items: readonly number[]): CopiedShare | undefined {
  const tasks = doc.comparison.tasks.filter((t) => items.includes(t.item));
  return tasks.length ? overallShare(tasks.map((t) => t.share)) : undefined;
}

const superiorHeld = new WeakMap<PlanDocument, boolean>();
const hasSuperior = (doc: PlanDocument) => {
  let held = superiorHeld.get(doc);
  if (held === undefined) superiorHeld.set(doc, (held = doc.chapters.some((c) => c.items.some((i) => i.upper !== undefined))));
  return held;
};

/** Each list's tasks that carry one of the plan's measures (in the measures' order) and how many measures it carries. */
const carriedBy = new WeakMap<Plan, Map<string, { items: number[]; measures: number }>>();
function carried(plan: Plan, listId: string): { items: number[]; measures: number } {
  let byList = carriedBy.get(plan);
  if (!byList) {
    byList = new Map();
    for (const m of plan.measures) {
      const seen = new Set<string>();
      for (const x of m.members) {
        const entry = byList.get(x.list) ?? { items: [], measures: 0 };
        entry.items.push(...x.items);
        if (!seen.has(x.list)) entry.measures++;
        seen.add(x.list);
        byList.set(x.list, entry);
      }
    }
    carriedBy.set(plan, byList);
  }
  return byList.get(listId) ?? { items: [], measures: 0 };
}

// A list's line is asked for on every page of every measure that it leaves out (未列入) and every page that shows
// it: made once a plan and list. Built anew for each, it scanned every measure's members each time, which at a
// thousand lists made the plan pages' views most of their rendering (21.7 s for 855 measure pages).
const listViews = new WeakMap<Plan, WeakMap<PlanDocument, PlanListView>>();
function listView(plan: Plan, doc: PlanDocument): PlanListView {
  let views = listViews.get(plan);
  if (!views) listViews.set(plan, (views = new WeakMap()));
  let view = views.get(doc);
  if (!view) views.set(doc, (view = makeListView(plan, doc)));
  return view;
}

function makeListView(plan: Plan, doc: PlanDocument): PlanListView {
  const { items, measures } = carried(plan, doc.id);
  const share = shareOf(doc, items);
  return {
    id: doc.id,
    title: doc.title,
    government: doc.government.name,
    date: doc.date,
    datePrinted: doc.datePrinted,
    ...(doc.number ? { number: doc.number } : {}),
    tasks: doc.chapters.reduce((n, c) => n + c.items.length, 0),
    carried: measures,
    ...(share ? { share } : {}),
  };
}

function measureRef(plan: Plan, m: PlanMeasure): PlanMeasureRef {
  return { n: m.n, chapter: m.chapter, title: m.title, text: m.text, carriedBy: m.members.length };
}

type Lookup = (id: string) => PlanDocument | undefined;

/** The plan's lists this build holds whole (a sharded build's list shard holds only its own). */
function docsOf(plan: Plan, lookup: Lookup): PlanDocument[] {
  return plan.lists.flatMap((id) => lookup(id) ?? []);
}

export function planView(plan: Plan, lookup: Lookup): PlanView {
  const docs = docsOf(plan, lookup);
  const lists = docs.map((d) => listView(plan, d));
  return {
    plan: planRef(plan),
    groupedBy: plan.groupedBy,
    lists,
    governments: new Set(lists.map((l) => l.government)).size,
    measures: plan.measures.map((m) => measureRef(plan, m)),
    withoutSuperior: lists.filter((_, i) => !hasSuperior(docs[i]!)),
  };
}

export function measurePageCount(plan: Plan, measure: PlanMeasure): number {
  return Math.max(1, Math.ceil(measure.members.length / LISTS_PER_PAGE));
}

/** A share of a target to one decimal: 72 of 500 → 14.4%. */
export function ratioPercent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** A list's target quantities that the model pairs with the superior target `superiorId`, in the list's own tasks. */
function pairedLocals(doc: PlanDocument, superiorIds: ReadonlySet<string>): Quantity[] {
  const byId = new Map(doc.figures.quantities.map((q) => [q.id, q]));
  return doc.figures.targetPairs.filter((p) => superiorIds.has(p.superior)).flatMap((p) => byId.get(p.local) ?? []);
}

/** Superior targets of the measure as the lists print them, one per value, unit and subject. */
function targetSums(plan: Plan, measure: PlanMeasure, lookup: Lookup): TargetSum[] {
  const targets = new Map<string, { q: Quantity; byList: Map<string, Set<string>> }>();
  for (const member of measure.members) {
    const doc = lookup(member.list)!;
    for (const q of doc.figures.quantities) {
      if (q.side !== "superior" || q.kind !== "target" || !member.items.includes(q.task)) continue;
      const key = `${q.value}\u0000${q.unit}\u0000${q.subject}`;
      let t = targets.get(key);
      if (!t) targets.set(key, (t = { q, byList: new Map() }));
      if (!t.byList.has(doc.id)) t.byList.set(doc.id, new Set());
      t.byList.get(doc.id)!.add(q.id);
    }
  }
  // Each government once: its newest list that prints the target (a city's 2022 and 2023 lists are not two cities).
  const newest = new Map<string, PlanDocument>();
  for (const id of plan.lists) {
    const doc = lookup(id)!;
    const held = newest.get(doc.government.name);
    if (!held || doc.date > held.date) newest.set(doc.government.name, doc);
  }
  const sums: TargetSum[] = [];
  for (const { q, byList } of targets.values()) {
    const rows: TargetRow[] = [];
    for (const doc of newest.values()) {
      const ids = byList.get(doc.id);
      if (!ids) continue;
      const locals = pairedLocals(doc, ids);
      const list = listView(plan, doc);
      if (locals.length === 0) rows.push({ list, printed: [], why: "none" });
      else if (locals.some((l) => l.unit !== q.unit)) rows.push({ list, printed: locals.map((l) => l.printed), why: "unit" });
      else rows.push({ list, printed: locals.map((l) => l.printed), value: locals.reduce((n, l) => n + l.value, 0) });
    }
    const counted = rows.filter((r) => r.value !== undefined);
    const total = counted.reduce((n, r) => n + r.value!, 0);
    sums.push({
      printed: q.printed,
      subject: q.subject,
      value: q.value,
      unit: q.unit,
      rows,
      ...(counted.length ? { sum: { value: total, lists: counted.length, ratio: q.value === 0 ? 0 : total / q.value } } : {}),
    });
  }
  return sums;
}

export function measurePage(plan: Plan, n: number, page: number, lookup: Lookup, units: UnitDirectory): MeasurePageView {
  const measure = plan.measures[n - 1]!;
  const members = measure.members.slice((page - 1) * LISTS_PER_PAGE, page * LISTS_PER_PAGE);
  const cities = members.map((member): CityMeasures => {
    const doc = lookup(member.list)!;
    const tasks = doc.comparison.tasks.filter((t) => member.items.includes(t.item));
    const counts = { identical: 0, changed: 0, added: 0, omitted: 0 };
    for (const t of tasks) for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += t.counts[k];
    const share = shareOf(doc, member.items);
    return {
      list: listView(plan, doc),
      labels: documentLabels(doc),
      similarity: member.similarity,
      ...(share ? { share } : {}),
      state: coverageState(share),
      counts,
      tasks: member.items.map((number) => {
        const item = doc.chapters.flatMap((c) => c.items).find((i) => i.number === number)!;
        const targets = doc.figures.quantities.filter((q) => q.task === number && q.side === "local" && q.kind === "target").map((q) => q.printed);
        return { number, title: taskTitle(item), measures: taskMeasures(doc as Document, item, units), targets };
      }),
    };
  });
  const carrying = new Set(measure.members.map((m) => m.list));
  const absent = docsOf(plan, lookup)
    .filter((d) => hasSuperior(d) && !carrying.has(d.id))
    .map((d) => listView(plan, d));
  const at = (i: number) => plan.measures[i] && measureRef(plan, plan.measures[i]!);
  return {
    plan: planRef(plan),
    measure: measureRef(plan, measure),
    ...(at(n - 2) ? { previous: at(n - 2)! } : {}),
    ...(at(n) ? { next: at(n)! } : {}),
    cities,
    absent,
    targets: page === 1 ? targetSums(plan, measure, lookup) : [],
    page,
    pages: measurePageCount(plan, measure),
  };
}

export function coverageView(plan: Plan, page: number, lookup: Lookup): CoverageView {
  const aligned = docsOf(plan, lookup).filter(hasSuperior);
  const docs = aligned.slice((page - 1) * LISTS_PER_PAGE, page * LISTS_PER_PAGE);
  return {
    plan: planRef(plan),
    lists: docs.map((d) => listView(plan, d)),
    rows: plan.measures.map((m) => ({
      measure: measureRef(plan, m),
      cells: docs.map((d) => {
        const member = m.members.find((x) => x.list === d.id);
        const share = member ? (shareOf(d, member.items) ?? { localCharacters: 0, copiedCharacters: 0, share: 0 }) : undefined;
        return { list: d.id, state: coverageState(share), ...(share ? { share: share.share } : {}) };
      }),
    })),
    page,
    pages: Math.max(1, Math.ceil(aligned.length / LISTS_PER_PAGE)),
  };
}

/** The coverage matrix of a page of lists as a chart with its table (src/charts/coverage-matrix.ts). */
export function coverageChart(view: CoverageView): ChartView {
  const s = strings.plans;
  const absent = view.rows.reduce((n, r) => n + r.cells.filter((c) => c.state === "absent").length, 0);
  const chart = coverageMatrixChart(
    {
      columns: view.lists.map((l) => ({ id: l.id, label: l.government || strings.lists.unknownGovernment, sublabel: l.date.slice(0, 4) || l.datePrinted })),
      rows: view.rows.map((r) => ({ n: r.measure.n, title: r.measure.title || r.measure.text, cells: r.cells })),
    },
    {
      title: s.matrixTitle,
      description: s.matrixDescription(view.rows.length, view.lists.length, absent),
      words: s.words,
      caption: s.matrixCaption,
      measureColumn: s.measureColumn,
      percent,
    },
  );
  return { id: "chart-coverage", svg: chart.svg, caption: s.matrixCaption, table: chartTable(chart.table) };
}
