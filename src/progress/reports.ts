// The reports of a run, joined to their lists: each report finds its list by its file name (<list id>.progress-
// YYYY-MM.xlsx) or by its title naming the list's; is read against that list's measures; and the list's model gains
// its progress. Pure: read blocks in, the lists with their progress (or the problems as FILE:LOCATION lines) out.
import { content } from "../compare/fold.ts";
import { formatProblem, type ReadDocument } from "../ingest/blocks.ts";
import { slugify } from "../ingest/slug.ts";
import { Document } from "../model/schema.ts";
import { attachProgress, type ReadReport } from "./attach.ts";
import { measureIndex } from "./match.ts";
import { readReport } from "./read-report.ts";
import { reportName } from "./report-name.ts";
import { findReportHeader, rowLabels } from "./report-columns.ts";

export interface ReportSource {
  /** The path problems are printed with. */
  file: string;
  /** The file's own name, as the model records it. */
  name: string;
  read: ReadDocument;
}

/**
 * Whether read blocks are a progress report rather than a list: a table whose header names 进展情况 or 完成情况 and
 * that has something under it. A list printed with an empty 完成情况 column for the units to fill is still a list.
 */
export function isReport(read: ReadDocument): boolean {
  const header = findReportHeader(read.blocks);
  if (!header) return false;
  const table = read.blocks[header.table];
  if (table.kind !== "table") return false;
  const columns = header.roles.flatMap((r, i) => (r === "progress" || r === "status" ? [i] : []));
  return table.rows.slice(header.row + 1).some((row) => columns.some((c) => !row[c]!.covered && row[c]!.paragraphs.some((p) => p.trim() !== "")));
}

/** The list a report is on: its file name's, else the list whose title its title holds (the longest, if several). */
function listOf(report: ReportSource, documents: readonly Document[]): { doc?: Document; message?: string } {
  const named = reportName(report.name);
  if (named) {
    const id = slugify(named.listStem);
    const doc = documents.find((d) => d.id === id);
    return doc ? { doc } : { message: `the report is on the list “${id}” (its file name says so), which is not among the sources read; expected that list beside it in seeds/ (${named.listStem}.txt, .docx, .xlsx…)` };
  }
  const header = findReportHeader(report.read.blocks)!;
  const table = report.read.blocks[header.table];
  const above = [
    ...report.read.blocks.slice(0, header.table).flatMap((b) => (b.kind === "paragraph" ? [b.text] : [])),
    ...(table.kind === "table" ? Array.from({ length: header.row }, (_, r) => rowLabels(table, r).join("")) : []),
    report.read.title ?? "",
  ].map(content).join("");
  const titled = documents
    .flatMap((d) => [d.listTitle, d.title].filter(Boolean).map((t) => ({ d, key: content(t) })))
    .filter(({ key }) => key.length >= 6 && above.includes(key))
    .sort((a, b) => b.key.length - a.key.length);
  if (titled[0]) return { doc: titled[0].d };
  return {
    message: "the report names no list of the sources read: its file name is not <list id>.progress-YYYY-MM.<ext> and its title holds no list's title; expected a file name such as luan-zjtx-2022.progress-2025-06.xlsx, or the list's title in the report's",
  };
}

export type WithProgress = { ok: true; documents: Document[] } | { ok: false; lines: string[] };

export function withProgress(documents: readonly Document[], reports: readonly ReportSource[]): WithProgress {
  const lines: string[] = [];
  const byList = new Map<string, ReadReport[]>();
  const indexes = new Map<string, ReturnType<typeof measureIndex>>();
  for (const report of reports) {
    const { doc, message } = listOf(report, documents);
    if (!doc) {
      lines.push(`${report.file}:1: ${message}`);
      continue;
    }
    let index = indexes.get(doc.id);
    if (!index) indexes.set(doc.id, (index = measureIndex(doc)));
    const read = readReport(report.read, report.name, index, reportName(report.name));
    if (!read.ok) {
      lines.push(...read.problems.map((p) => formatProblem(report.file, p)));
      continue;
    }
    byList.set(doc.id, [...(byList.get(doc.id) ?? []), { file: report.file, report: read.report, measures: read.measures }]);
  }
  const out: Document[] = [];
  for (const doc of documents) {
    const own = byList.get(doc.id);
    if (!own) {
      out.push(doc);
      continue;
    }
    const attached = attachProgress(doc, own);
    if (!attached.ok) {
      lines.push(...attached.problems.map((p) => formatProblem(p.file, p)));
      continue;
    }
    const checked = Document.safeParse({ ...doc, progress: attached.progress });
    if (!checked.success) lines.push(...checked.error.issues.map((i) => `${own[0].file}:1: the progress model is invalid at ${i.path.join(".")}: ${i.message}`));
    else out.push(checked.data);
  }
  return lines.length ? { ok: false, lines } : { ok: true, documents: out };
}
