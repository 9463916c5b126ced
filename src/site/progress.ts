// Progress on the lists (落实情况) as the pages show it: each measure's latest status and its history, a list's
// counts by status, chapter and lead unit with what is overdue or behind, every list's together, and a department's
// measures. Pure: models in, view models out. Nothing here shows for a list without reports.
import { measureDeadline, isOverdue } from "../progress/attach.ts";
import type { ProgressEntry, ProgressReport, ProgressStatus } from "../model/progress.ts";
import type { Document } from "../model/schema.ts";
import { progressStatusChart, STATUS_COLOURS } from "../charts/progress-status.ts";
import { changeRuns, type TextRun } from "./comparison-view.ts";
import { chartTable, type ChartView } from "./figures.ts";
import type { Library, LibrarySource } from "./library.ts";
import { paths } from "./paths.ts";
import { strings } from "./strings.ts";
import { chapterLabel, taskTitle } from "./view.ts";

/** A measure no report has named yet is 未报送, beside the report's own statuses. */
export type MeasureState = ProgressStatus | "unreported";

/** The order counts and lists show: what needs attention first. */
export const STATE_ORDER: readonly MeasureState[] = ["behind", "on-track", "done", "unknown", "unreported"];

export interface HistoryEntry {
  date: string;
  report: string;
  status: ProgressStatus;
  statusLabel: string;
  statusPrinted: string;
  overdue: boolean;
  scope: ProgressEntry["scope"];
  text: string;
  problems?: string;
  next?: string;
  note?: string;
  /** What changed since the report before it that named the measure; absent for the first, or when unchanged. */
  changes?: TextRun[];
}

export interface MeasureProgress {
  measure: number;
  /** Newest first. */
  history: HistoryEntry[];
  latest: HistoryEntry;
  deadline?: string;
}

type ProgressDoc = Pick<Document, "id" | "title" | "chapters" | "dueDates" | "progress">;

const key = (task: number, measure: number) => `${task}:${measure}`;

function historyOf(reports: readonly ProgressReport[], entries: readonly ProgressEntry[]): HistoryEntry[] {
  const oldestFirst = [...entries].sort((a, b) => a.report - b.report);
  const out = oldestFirst.map((e, i): HistoryEntry => {
    const before = oldestFirst[i - 1];
    const changed = before !== undefined && before.text !== e.text;
    return {
      date: reports[e.report].date,
      report: reports[e.report].title || reports[e.report].source,
      status: e.status,
      statusLabel: strings.progress.states[e.status],
      statusPrinted: e.statusPrinted,
      overdue: e.overdue,
      scope: e.scope,
      text: e.text,
      ...(e.problems ? { problems: e.problems } : {}),
      ...(e.next ? { next: e.next } : {}),
      ...(e.note ? { note: e.note } : {}),
      ...(changed ? { changes: changeRuns(before.text, e.text) } : {}),
    };
  });
  return out.reverse();
}

// Every department page reads every reported list's measures: each list's histories (and their diffs) are made
// once per model, not once per page.
const made = new WeakMap<object, Map<number, MeasureProgress[]>>();

/** Each measure's reports, by task then measure; empty for a list without reports. */
export function measureProgress(doc: ProgressDoc): Map<number, MeasureProgress[]> {
  const cached = doc.progress ? made.get(doc.progress) : undefined;
  if (cached) return cached;
  const out = new Map<number, MeasureProgress[]>();
  const progress = doc.progress;
  if (!progress) return out;
  const byMeasure = new Map<string, ProgressEntry[]>();
  for (const e of progress.entries) byMeasure.set(key(e.task, e.measure), [...(byMeasure.get(key(e.task, e.measure)) ?? []), e]);
  for (const chapter of doc.chapters)
    for (const item of chapter.items) {
      const measures: MeasureProgress[] = [];
      item.local.forEach((_, m) => {
        const entries = byMeasure.get(key(item.number, m));
        if (!entries) return;
        const history = historyOf(progress.reports, entries);
        const deadline = measureDeadline(doc, item.number, m);
        measures.push({ measure: m, history, latest: history[0], ...(deadline ? { deadline } : {}) });
      });
      if (measures.length) out.set(item.number, measures);
    }
  made.set(progress, out);
  return out;
}

export interface MeasureStatusRow {
  docId: string;
  docTitle: string;
  task: number;
  measure: number;
  /** Several measures in the task: 第 2 项措施. */
  measureLabel: string;
  title: string;
  chapter: string;
  leads: Array<{ name: string; path?: string; /** The department with its government (六安市 · 市经信局), for pages over several lists. */ label: string }>;
  state: MeasureState;
  stateLabel: string;
  /** Overdue (超期) at the list's newest report: its last deadline is before that day and it is not done. */
  overdue: boolean;
  deadline?: string;
  latestDate?: string;
  latestText?: string;
  path: string;
}

/** Every measure of a list with reports, in the list's order, at its newest report. */
export function measureRows(doc: ProgressDoc, library?: Pick<Library<LibrarySource>, "slugOf" | "department">): MeasureStatusRow[] {
  const progress = doc.progress;
  if (!progress) return [];
  const newest = progress.reports.at(-1)!.date;
  const byTask = measureProgress(doc);
  const rows: MeasureStatusRow[] = [];
  for (const chapter of doc.chapters)
    for (const item of chapter.items)
      item.local.forEach((m, i) => {
        const reported = byTask.get(item.number)?.find((p) => p.measure === i);
        const state: MeasureState = reported ? reported.latest.status : "unreported";
        const deadline = measureDeadline(doc, item.number, i);
        const names = m.lead.length ? m.lead : m.responsible;
        rows.push({
          docId: doc.id,
          docTitle: doc.title,
          task: item.number,
          measure: i,
          measureLabel: item.local.length > 1 ? strings.progress.measureN(i + 1) : "",
          title: taskTitle(item),
          chapter: chapterLabel(chapter),
          leads: names.map((name) => {
            const slug = library?.slugOf(doc.id, name);
            const department = slug ? library?.department(slug) : undefined;
            return department ? { name, path: paths.unit(slug!), label: department.label } : { name, label: name };
          }),
          state,
          stateLabel: strings.progress.states[state],
          overdue: isOverdue(deadline, newest, reported?.latest.status ?? "unknown"),
          ...(deadline ? { deadline } : {}),
          ...(reported ? { latestDate: reported.latest.date, latestText: reported.latest.text } : {}),
          path: paths.task(doc.id, item.number),
        });
      });
  return rows;
}

export type StateCounts = Record<MeasureState, number>;

export function countStates(rows: readonly Pick<MeasureStatusRow, "state">[]): StateCounts {
  const counts = Object.fromEntries(STATE_ORDER.map((s) => [s, 0])) as StateCounts;
  for (const r of rows) counts[r.state]++;
  return counts;
}

export interface GroupCounts {
  label: string;
  path?: string;
  counts: StateCounts;
  overdue: number;
  total: number;
}

function groupCounts(rows: readonly MeasureStatusRow[], groupsOf: (r: MeasureStatusRow) => Array<{ label: string; path?: string }>): GroupCounts[] {
  const groups = new Map<string, { label: string; path?: string; rows: MeasureStatusRow[] }>();
  for (const r of rows)
    for (const g of groupsOf(r)) {
      const found = groups.get(g.label) ?? { ...g, rows: [] };
      found.rows.push(r);
      groups.set(g.label, found);
    }
  return [...groups.values()].map((g) => ({
    label: g.label,
    ...(g.path ? { path: g.path } : {}),
    counts: countStates(g.rows),
    overdue: g.rows.filter((r) => r.overdue).length,
    total: g.rows.length,
  }));
}

export interface ProgressView {
  reports: Array<{ date: string; title: string; source: string; rows: number; docId: string; docTitle: string }>;
  counts: StateCounts;
  total: number;
  overdue: MeasureStatusRow[];
  behind: MeasureStatusRow[];
  byChapter: GroupCounts[];
  byLead: GroupCounts[];
  rows: MeasureStatusRow[];
}

/** A list's progress page (or, given several lists, the page over all of them): none without reports. */
export function progressView(docs: readonly ProgressDoc[], library?: Pick<Library<LibrarySource>, "slugOf" | "department">): ProgressView | undefined {
  const withReports = docs.filter((d) => d.progress);
  if (withReports.length === 0) return undefined;
  const rows = withReports.flatMap((d) => measureRows(d, library));
  const many = withReports.length > 1;
  return {
    reports: withReports
      .flatMap((d) => d.progress!.reports.map((r) => ({ date: r.date, title: r.title || r.source, source: r.source, rows: r.rows, docId: d.id, docTitle: d.title })))
      .sort((a, b) => b.date.localeCompare(a.date) || a.docId.localeCompare(b.docId)),
    counts: countStates(rows),
    total: rows.length,
    rows,
    // The longest overdue first, as a 督查通报 lists them.
    overdue: rows.filter((r) => r.overdue).sort((a, b) => (a.deadline ?? "").localeCompare(b.deadline ?? "") || a.docId.localeCompare(b.docId) || a.task - b.task || a.measure - b.measure),
    behind: rows.filter((r) => r.state === "behind" && !r.overdue),
    byChapter: many ? groupCounts(rows, (r) => [{ label: r.docTitle, path: paths.listProgress(r.docId) }]) : groupCounts(rows, (r) => [{ label: r.chapter }]),
    byLead: groupCounts(rows, (r) => r.leads.map((l) => ({ label: many ? l.label : l.name, ...(l.path ? { path: l.path } : {}) })))
      .sort((a, b) => b.overdue - a.overdue || b.counts.behind - a.counts.behind || b.total - a.total || a.label.localeCompare(b.label, "zh-CN")),
  };
}

/** The measures a department leads in every list with reports: overdue first, then behind, then the rest. */
export function departmentProgress(library: Pick<Library<ProgressDoc & LibrarySource>, "slugOf" | "department" | "document">, slug: string) {
  // Only the lists that name the department: a page does not read the whole library.
  const docs = (library.department(slug)?.lists ?? []).map((l) => library.document(l.doc.id)).filter((d) => d?.progress !== undefined);
  const rows = docs
    .flatMap((d) => measureRows(d!, library))
    .filter((r) => r.leads.some((l) => l.path === paths.unit(slug)));
  if (rows.length === 0) return undefined;
  const rank = (r: MeasureStatusRow) => (r.overdue ? 0 : r.state === "behind" ? 1 : 2 + STATE_ORDER.indexOf(r.state));
  return { counts: countStates(rows), overdue: rows.filter((r) => r.overdue).length, rows: [...rows].sort((a, b) => rank(a) - rank(b)) };
}

/** The page's two charts: by chapter (or by list, over several lists) and by lead unit. */
export function progressCharts(view: ProgressView, many: boolean): ChartView[] {
  const s = strings.progress;
  const series = STATE_ORDER.filter((k) => view.rows.some((r) => r.state === k)).map((key) => ({ key, label: s.states[key]!, colour: STATUS_COLOURS[key]! }));
  const chart = (id: string, what: string, groups: readonly GroupCounts[]) => {
    const made = progressStatusChart({ id, title: s.chartTitle(what), groupLabel: what.replace(/^按/, ""), groups, series, overdueLabel: s.overdue });
    return { id, svg: made.svg, caption: made.table.caption, table: chartTable(made.table) };
  };
  return [chart("chart-progress-groups", many ? s.byList : s.byChapter, view.byChapter), chart("chart-progress-leads", s.byLead, view.byLead)];
}

/** The search's 落实状态 choices: the states some task page's latest badge shows, in the pages' order. */
export function statusFilterValues(docs: readonly ProgressDoc[]): string[] {
  const shown = new Set(docs.flatMap((d) => [...measureProgress(d).values()].flatMap((ms) => ms.map((m) => m.latest.status))));
  return STATE_ORDER.filter((k) => shown.has(k as ProgressStatus)).map((k) => strings.progress.states[k]!);
}

/** A task's reported measures, those with the very same reports (a report's row on the whole task) shown once. */
export function progressGroups(measures: readonly MeasureProgress[]): Array<{ measures: number[]; progress: MeasureProgress }> {
  const groups: Array<{ measures: number[]; progress: MeasureProgress; key: string }> = [];
  for (const m of measures) {
    const key = JSON.stringify([m.history, m.deadline]);
    const same = groups.find((g) => g.key === key);
    if (same) same.measures.push(m.measure);
    else groups.push({ measures: [m.measure], progress: m, key });
  }
  return groups.map(({ measures: ms, progress }) => ({ measures: ms, progress }));
}
