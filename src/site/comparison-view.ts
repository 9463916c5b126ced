// The superior-vs-local comparison as the site shows it: a task's aligned rows grouped by local measure, with
// the side each diff part belongs to, labels and the copied share; and the document's share page (上下对照).
// Pure; the components render every text as escaped text.
import { format } from "d3";
import { copiedShareChart, copiedShareData } from "../charts/copied-share.ts";
import type { ComparisonRow, CopiedShare, DiffPart, RowKind, TaskComparison } from "../model/comparison.ts";
import type { Document, Item } from "../model/schema.ts";
import { anchors, paths } from "./paths.ts";
import { diffParts } from "../compare/classify.ts";
import { strings } from "./strings.ts";
import { columnLabel } from "../model/labels.ts";

/** A row's badge: the four kinds, with identical rows that differ in punctuation told apart. */
export type BadgeKind = RowKind | "punctuation";

/** One run of text on one side of a row. `change` runs are wrapped in <del> (superior) or <ins> (local). */
export interface TextRun {
  text: string;
  change?: {
    element: "del" | "ins";
    /** Visually hidden label read before the change ("删除：" / "新增："). */
    label: string;
    /** number: a changed number, shown more strongly; punctuation: a punctuation-only change. */
    mark?: "number" | "punctuation";
  };
}

export interface ComparisonRowView {
  kind: RowKind;
  badge: { kind: BadgeKind; text: string };
  /** The superior sentence as runs (same + deleted parts); null when the row is local only. */
  superior: TextRun[] | null;
  /** The local sentence as runs (same + inserted parts); null when the row is superior only. */
  local: TextRun[] | null;
  /** What stands in the empty side ("省工作举措无对应内容"); null when both sides have text. */
  missing: string | null;
}

export interface ComparisonGroupView {
  /** 1-based local measure number. */
  measure: number;
  /** "市贯彻落实措施（2）"; shown only when the task has several measures. */
  label: string;
  rows: ComparisonRowView[];
}

export interface LegendEntry {
  /** Swatch class: a del/ins sample, a number sample or a badge. */
  sample: "del" | "ins" | "number" | BadgeKind;
  text: string;
  description: string;
}

export interface TaskComparisonView {
  /** Element id of the comparison section (paths.taskComparison points here). */
  id: string;
  heading: string;
  columns: { kind: string; superior: string; local: string };
  caption: string;
  /** True when the task has more than one local measure: each group gets a heading row. */
  grouped: boolean;
  groups: ComparisonGroupView[];
  share: { percent: string; text: string };
  counts: string;
  legend: { heading: string; entries: LegendEntry[] };
  /** Base-relative path of the document's share page. */
  pagePath: string;
  pageLink: string;
}

const percent = format(".0%");
const count = format(",d");

const upperLabel = (doc: Pick<Document, "columns">) => columnLabel(doc, "superior");
const localLabel = (doc: Pick<Document, "columns">) => columnLabel(doc, "measure");

export function badgeOf(row: Pick<ComparisonRow, "kind" | "diff">): { kind: BadgeKind; text: string } {
  const kind: BadgeKind = row.kind === "identical" && row.diff.length > 0 ? "punctuation" : row.kind;
  return { kind, text: strings.comparison.kinds[kind] };
}

function run(part: DiffPart): TextRun {
  if (part.kind === "same") return { text: part.text };
  const element = part.kind;
  const label = element === "del" ? strings.comparison.del : strings.comparison.ins;
  return { text: part.text, change: part.mark ? { element, label, mark: part.mark } : { element, label } };
}

/** Joins neighbouring unchanged runs, so a side reads as few text nodes as possible. */
function merge(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (last && !last.change && !r.change) out[out.length - 1] = { text: last.text + r.text };
    else out.push(r);
  }
  return out;
}

/** One text's change into another, deletions and insertions inline (a measure's progress from one report to the next). */
export function changeRuns(before: string, after: string): TextRun[] {
  return merge(diffParts(before, after).map(run));
}

/**
 * The two sides of a row: the superior side keeps the same and deleted parts, the local side the same and
 * inserted ones. Each side must spell its span's text exactly; a mismatch is a bug in the data and throws.
 */
export function rowSides(row: ComparisonRow, where: string): Pick<ComparisonRowView, "superior" | "local"> {
  const side = (span: { text: string } | null, keep: "del" | "ins"): TextRun[] | null => {
    if (!span) return null;
    if (row.diff.length === 0) return [{ text: span.text }];
    const runs = merge(row.diff.filter((p) => p.kind === "same" || p.kind === keep).map(run));
    const spelled = runs.map((r) => r.text).join("");
    if (spelled !== span.text) throw new Error(`${where}: the diff spells "${spelled}" but the ${keep === "del" ? "superior" : "local"} text is "${span.text}"`);
    return runs;
  };
  return { superior: side(row.superior, "del"), local: side(row.local, "ins") };
}

/**
 * Groups rows by local measure. A left-out superior sentence has no measure: it joins the measure of the
 * row before it (where it would have stood), or of the row after it when it opens the task.
 */
export function groupByMeasure<T>(rows: readonly ComparisonRow[], map: (row: ComparisonRow, index: number) => T): Array<{ measure: number; rows: T[] }> {
  const measureOf = rows.map((r) => r.local?.measure);
  const resolved = measureOf.map((m, i) => m ?? measureOf.slice(0, i).findLast((x) => x !== undefined) ?? measureOf.slice(i).find((x) => x !== undefined) ?? 0);
  const groups: Array<{ measure: number; rows: T[] }> = [];
  rows.forEach((row, i) => {
    const measure = resolved[i]!;
    const last = groups.at(-1);
    if (last && last.measure === measure) last.rows.push(map(row, i));
    else groups.push({ measure, rows: [map(row, i)] });
  });
  return groups;
}

export function shareText(doc: Pick<Document, "columns">, share: CopiedShare): { percent: string; text: string } {
  const p = percent(share.share);
  return { percent: p, text: strings.comparison.share(localLabel(doc), upperLabel(doc), p, count(share.copiedCharacters), count(share.localCharacters)) };
}

function legend(doc: Pick<Document, "columns">): TaskComparisonView["legend"] {
  const s = strings.comparison;
  const upper = upperLabel(doc);
  const local = localLabel(doc);
  const kinds: BadgeKind[] = ["identical", "punctuation", "changed", "added", "omitted"];
  return {
    heading: s.legend,
    entries: [
      { sample: "del", text: s.legendSamples.del, description: s.legendText.del(upper, local) },
      { sample: "ins", text: s.legendSamples.ins, description: s.legendText.ins(local) },
      { sample: "number", text: s.legendSamples.number, description: s.legendText.number },
      ...kinds.map((k) => ({ sample: k, text: s.kinds[k], description: s.legendText.kinds[k](upper, local) })),
    ],
  };
}

export function taskComparisonView(doc: Pick<Document, "id" | "columns">, item: Pick<Item, "number" | "local">, comparison: TaskComparison): TaskComparisonView {
  const s = strings.comparison;
  const upper = upperLabel(doc);
  const local = localLabel(doc);
  const where = `${doc.id} task ${item.number}`;
  const groups = groupByMeasure(comparison.rows, (row, i): ComparisonRowView => ({
    kind: row.kind,
    badge: badgeOf(row),
    ...rowSides(row, `${where} row ${i + 1}`),
    missing: row.kind === "added" ? s.noSuperior(upper) : row.kind === "omitted" ? s.noLocal(local) : null,
  }));
  return {
    id: anchors.comparison(),
    heading: s.heading,
    columns: { kind: s.kindColumn, superior: upper, local },
    caption: s.caption(upper, local),
    grouped: item.local.length > 1,
    groups: groups.map((g) => ({ measure: g.measure + 1, label: strings.task.localNumber(local, g.measure + 1, item.local.length), rows: g.rows })),
    share: shareText(doc, comparison.share),
    counts: s.counts(comparison.counts),
    legend: legend(doc),
    pagePath: paths.comparison(doc.id),
    pageLink: s.pageLink,
  };
}

/** Every task's comparison view by task number. */
export function taskComparisonViews(doc: Document): Map<number, TaskComparisonView> {
  const items = new Map(doc.chapters.flatMap((c) => c.items).map((i) => [i.number, i]));
  return new Map(
    doc.comparison.tasks.map((t) => {
      const item = items.get(t.item);
      if (!item) throw new Error(`${doc.id}: the comparison names task ${t.item}, which the document lacks`);
      return [t.item, taskComparisonView(doc, item, t)];
    }),
  );
}

export interface ShareTableRow {
  item: number;
  /** Base-relative link to the task's comparison view. */
  path: string;
  cells: string[];
}

export interface ComparisonPageView {
  doc: { id: string; title: string };
  pageTitle: string;
  title: string;
  intro: string;
  method: string;
  overall: string;
  chart: { id: string; caption: string; svg: string };
  table: { caption: string; columns: string[]; rows: ShareTableRow[]; footer: string[] };
}

export function comparisonPageView(doc: Document): ComparisonPageView {
  const s = strings.comparison;
  const upper = upperLabel(doc);
  const local = localLabel(doc);
  const items = doc.chapters.flatMap((c) => c.items);
  const chart = copiedShareChart(copiedShareData(doc.comparison, items), doc.comparison.share, s.chart(local), { id: "copied-share" });
  const counts = new Map(doc.comparison.tasks.map((t) => [t.item, t.counts]));
  const kinds = ["identical", "changed", "added", "omitted"] as const;
  const total = (k: (typeof kinds)[number]) => doc.comparison.tasks.reduce((n, t) => n + t.counts[k], 0);
  return {
    doc: { id: doc.id, title: doc.title.replace(/\n/g, "") },
    pageTitle: s.pageTitle(doc.title.replace(/\n/g, "")),
    title: s.title,
    intro: s.intro(upper, local),
    method: s.method(percent(doc.comparison.method.threshold), doc.comparison.method.minCopiedRun),
    overall: shareText(doc, doc.comparison.share).text,
    chart: { id: "copied-share", caption: s.chartCaption(local, upper), svg: chart.svg },
    table: {
      caption: chart.table.caption,
      columns: [...chart.table.columns, ...kinds.map((k) => s.kinds[k])],
      rows: chart.table.rows.map((r) => {
        const c = counts.get(r.item)!;
        return { item: r.item, path: paths.taskComparison(doc.id, r.item), cells: [...r.cells, ...kinds.map((k) => String(c[k]))] };
      }),
      footer: [...chart.table.footer, ...kinds.map((k) => String(total(k)))],
    },
  };
}
