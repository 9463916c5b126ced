// One progress report's blocks → its rows, each matched to the measures it reports on. Pure: the list's model and
// the report's blocks in, the report and its entries (or the problems, at their cells) out.
import type { Location, Problem, ReadDocument, Table, TableCell } from "../ingest/blocks.ts";
import { isChapterMark, readMark, readNumberCell } from "../ingest/markers.ts";
import { LIMITS } from "../ingest/readers/limits.ts";
import type { ProgressReport, ProgressStatus } from "../model/progress.ts";
import { findReportHeader, rowLabels, type ReportRole } from "./report-columns.ts";
import { fileNameDate, titleDate } from "./report-date.ts";
import type { ReportName } from "./report-name.ts";
import { matchRow, type MeasureIndex } from "./match.ts";
import { combineStatus, foldStatus, STATUS_WORDS, statusInText } from "./status.ts";

/** What one report says of one measure, before the reports of a list are put in date order. */
export interface ReportedMeasure {
  task: number;
  measure: number;
  scope: "measure" | "task";
  status: ProgressStatus;
  statusPrinted: string;
  statusFrom: "column" | "text" | "none";
  text: string;
  problems?: string;
  next?: string;
  note?: string;
  at: [Location, Location];
}

export type ReportResult = { ok: true; report: ProgressReport; measures: ReportedMeasure[] } | { ok: false; problems: Problem[] };

/** Problems reported for one report before the reading stops. */
export const MAX_PROBLEMS = 20;

const text = (cell: TableCell | undefined, joiner = "\n") => (cell && !cell.covered ? cell.paragraphs.join(joiner).trim() : "");

/** The report's title: the first line above its table (a paragraph or a row of the sheet), or the page's. */
function titleOf(read: ReadDocument, table: number, headerRow: number): { title: string; at: Location } {
  const lines: Array<{ title: string; at: Location }> = [];
  for (const block of read.blocks.slice(0, table)) if (block.kind === "paragraph" && block.text.trim()) lines.push({ title: block.text.trim(), at: block.at });
  const t = read.blocks[table] as Table;
  for (const row of t.rows.slice(0, headerRow)) {
    const cell = row.find((c) => !c.covered && c.paragraphs.length > 0);
    if (cell) lines.push({ title: cell.paragraphs.join(""), at: cell.at });
  }
  // A heading line such as 附件 or 附件1 is no title.
  const named = lines.find((l) => !/^附件\s*\d*[:：]?$/.test(l.title));
  return named ?? { title: read.title ?? "", at: t.at };
}

export function reportDate(title: string, name: ReportName | undefined, at: Location) {
  const fromFile = fileNameDate(name && { year: name.year, month: name.month });
  const fromTitle = titleDate(title, name?.year);
  if (fromTitle && fromFile && fromTitle.date.slice(0, 7) !== fromFile.date.slice(0, 7)) {
    return { ok: false as const, problem: { at, message: `the title dates the report ${fromTitle.date} (${fromTitle.printed}), its file name ${fromFile.date.slice(0, 7)}; expected the same month in both` } };
  }
  const date = fromTitle ?? fromFile;
  if (!date) {
    return {
      ok: false as const,
      problem: { at, message: "the report's date is not in its title (截至2025年6月底, 2025年上半年, 2025年三季度…) nor in its file name; expected a title that dates it, or a file name such as <list id>.progress-2025-06.xlsx" },
    };
  }
  return { ok: true as const, date };
}

export function readReport(read: ReadDocument, file: string, index: MeasureIndex, name: ReportName | undefined): ReportResult {
  const header = findReportHeader(read.blocks);
  if (!header) return { ok: false, problems: [{ at: read.blocks[0]?.at ?? { line: 1 }, message: "no table with a 进展情况 or 完成情况 column; expected a progress report's table" }] };
  const table = read.blocks[header.table] as Table;
  if (table.rows.length - header.row - 1 > LIMITS.reportRows) {
    return { ok: false, problems: [{ at: table.rows[header.row]![0]!.at, message: `the report's table has ${table.rows.length - header.row - 1} rows; expected at most ${LIMITS.reportRows} (one or a few rows per measure of the list)` }] };
  }
  const { title, at: titleAt } = titleOf(read, header.table, header.row);
  const dated = reportDate(title, name, titleAt);
  if (!dated.ok) return { ok: false, problems: [dated.problem] };

  const roles = header.roles;
  const columnsOf = (role: ReportRole) => roles.flatMap((r, i) => (r === role ? [i] : []));
  const problems: Problem[] = [];
  const found = new Map<string, { rows: ReportedMeasure[] }>();
  const carried = new Map<number, string>();
  let rows = 0;
  for (let r = header.row + 1; r < table.rows.length; r++) {
    // A report of another list, or of none, would print a line per row: the first few say what is wrong.
    if (problems.length >= MAX_PROBLEMS) {
      problems.push({ at: table.rows[r]![0]!.at, message: `stopped after ${MAX_PROBLEMS} problems; expected the report of this list (is it another list's?)` });
      break;
    }
    const row = table.rows[r];
    // A cell merged down from the row above (a task over its measures) carries the anchor's text.
    const values = row.map((cell, c) => {
      const own = text(cell);
      if (cell.covered === "above") return carried.get(c) ?? "";
      if (cell.covered !== "left") carried.set(c, own);
      return own;
    });
    const filled = row.filter((c) => !c.covered && c.paragraphs.length > 0);
    if (filled.length === 0) continue;
    const outside = filled.find((c) => roles[row.indexOf(c)] === undefined);
    const joined = (role: ReportRole, joiner = "\n") => columnsOf(role).map((i) => values[i]).filter(Boolean).join(joiner);
    // A chapter heading merged across the row (一、梯度化培育优质企业群体) is the list's structure, not a measure.
    if (filled.length === 1 && (row.some((c) => c.covered === "left") || isChapterMark(readMark(text(filled[0], ""))))) continue;
    if (outside) {
      problems.push({ at: outside.at, message: "a cell under no column of the report's header; expected every cell under a labelled column (序号, 工作措施, 牵头单位, 进展情况, 完成情况…)" });
      continue;
    }
    rows++;
    const statusCol = columnsOf("status").find((i) => values[i] !== "" && !row[i].covered);
    const progressText = joined("progress");
    let status: ProgressStatus = "unknown";
    let statusPrinted = "";
    let statusFrom: ReportedMeasure["statusFrom"] = "none";
    const printedStatus = joined("status", "");
    if (printedStatus) {
      const folded = foldStatus(printedStatus);
      if (folded === undefined) {
        problems.push({ at: row[statusCol ?? columnsOf("status")[0]].at, message: `the status “${printedStatus}” is none the site knows; expected one of ${STATUS_WORDS}, or an empty cell` });
        continue;
      }
      [status, statusPrinted, statusFrom] = [folded, printedStatus, folded === "unknown" ? "none" : "column"];
    }
    if (status === "unknown") {
      const said = statusInText(progressText);
      if (said) [status, statusPrinted, statusFrom] = [said.status, said.words, "text"];
    }
    const measureText = joined("measure", "") || joined("superior", "");
    const match = matchRow(index, { number: readNumberCell(joined("number", "")), task: joined("task", ""), measure: measureText, lead: joined("lead", "") });
    if (!match.ok) {
      const cell = columnsOf(measureText ? (joined("measure") ? "measure" : "superior") : joined("task") ? "task" : "number")[0] ?? 0;
      problems.push({ at: row[cell].at, message: match.message });
      continue;
    }
    const optional = (field: "problems" | "next" | "note") => {
      const value = joined(field);
      return value ? { [field]: value } : {};
    };
    const at: [Location, Location] = [filled[0].at, filled.at(-1)!.end ?? filled.at(-1)!.at];
    for (const measure of match.measures) {
      const key = `${match.task}:${measure}`;
      const entry: ReportedMeasure = {
        task: match.task,
        measure,
        scope: match.scope,
        status,
        statusPrinted,
        statusFrom,
        text: progressText,
        ...optional("problems"),
        ...optional("next"),
        ...optional("note"),
        at,
      };
      const group = found.get(key) ?? { rows: [] };
      group.rows.push(entry);
      found.set(key, group);
    }
  }
  if (problems.length) return { ok: false, problems };
  const measures = [...found.values()].map(({ rows: parts }) => merge(parts)).sort((a, b) => a.task - b.task || a.measure - b.measure);
  return {
    ok: true,
    report: { source: file, title, date: dated.date.date, datePrinted: dated.date.printed, dateFrom: dated.date.from, rows },
    measures,
  };
}

/** A measure reported on several rows (its text split, or the task's row and its own): one entry. */
function merge(parts: ReportedMeasure[]): ReportedMeasure {
  if (parts.length === 1) return parts[0];
  // The measure's own rows speak for it before its task's.
  const own = parts.some((p) => p.scope === "measure") ? parts.filter((p) => p.scope === "measure") : parts;
  const join = (values: Array<string | undefined>, joiner: string) => [...new Set(values.filter((v): v is string => !!v))].join(joiner);
  const status = combineStatus(own.map((p) => p.status));
  const from = own.find((p) => p.status === status);
  const optional = (field: "problems" | "next" | "note") => {
    const joined = join(own.map((p) => p[field]), "\n");
    return joined ? { [field]: joined } : {};
  };
  return {
    task: own[0].task,
    measure: own[0].measure,
    scope: own[0].scope,
    status,
    statusPrinted: join(own.map((p) => p.statusPrinted), "；"),
    statusFrom: from?.statusFrom ?? "none",
    text: join(own.map((p) => p.text), "\n"),
    ...optional("problems"),
    ...optional("next"),
    ...optional("note"),
    at: [own[0].at[0], own.at(-1)!.at[1]],
  };
}
