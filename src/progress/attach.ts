// A list's reports, read one by one, → its dated progress: the reports oldest first, one per date, and each entry
// marked overdue (超期) when the measure's last deadline is before the report's date and it is not done.
import type { Problem } from "../ingest/blocks.ts";
import type { Progress, ProgressEntry, ProgressReport } from "../model/progress.ts";
import type { Document } from "../model/schema.ts";
import type { ReportedMeasure } from "./read-report.ts";

export interface ReadReport {
  file: string;
  report: ProgressReport;
  measures: ReportedMeasure[];
}

/** The last day a measure is due by: its deadline column's, else the latest date its text sets. */
export function measureDeadline(doc: Pick<Document, "dueDates">, task: number, measure: number): string | undefined {
  const days = doc.dueDates.filter((d) => d.task === task && d.measure === measure && d.kind === "date" && d.last).map((d) => d.last!);
  return days.reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
}

export function isOverdue(deadline: string | undefined, date: string, status: ProgressEntry["status"]): boolean {
  return deadline !== undefined && deadline < date && status !== "done";
}

export type AttachResult = { ok: true; progress: Progress } | { ok: false; problems: Array<Problem & { file: string }> };

export function attachProgress(doc: Pick<Document, "id" | "chapters" | "dueDates">, reports: readonly ReadReport[]): AttachResult {
  const ordered = [...reports].sort((a, b) => a.report.date.localeCompare(b.report.date) || a.file.localeCompare(b.file));
  const problems: Array<Problem & { file: string }> = [];
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i].report.date === ordered[i - 1].report.date) {
      problems.push({ file: ordered[i].file, at: { line: 1 }, message: `a second report of ${ordered[i].report.date} on the list ${doc.id} (the other is ${ordered[i - 1].report.source}); expected one report per date` });
    }
  }
  if (problems.length) return { ok: false, problems };
  const entries: ProgressEntry[] = ordered.flatMap(({ report, measures }, r) =>
    measures.map(({ at, ...m }) => ({ report: r, ...m, overdue: isOverdue(measureDeadline(doc, m.task, m.measure), report.date, m.status), at })),
  );
  return { ok: true, progress: { reports: ordered.map((o) => o.report), entries } };
}

/** A measure's newest entry, and the day of the list's newest report (the day overdue is judged at). */
export function latestEntry(progress: Progress | undefined, task: number, measure: number): { entry?: ProgressEntry; asOf?: string } {
  if (!progress) return {};
  let entry: ProgressEntry | undefined;
  for (const e of progress.entries) if (e.task === task && e.measure === measure && (!entry || e.report > entry.report)) entry = e;
  return { ...(entry ? { entry } : {}), asOf: progress.reports.at(-1)!.date };
}
