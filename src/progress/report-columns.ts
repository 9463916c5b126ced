// A progress report's header: the list's own columns (序号, 任务事项, 工作措施, 牵头单位…) taken by role as the list
// layouts take them, and the report's: 进展情况, 完成情况, 存在问题, 下步打算. A table is a report when its header
// names a progress or status column, which no list prints.
import type { Block, Table, TableCell } from "../ingest/blocks.ts";
import { compact, labelRole, reportColumn, type ReportColumn } from "../ingest/layouts/columns.ts";
import type { ColumnRole } from "../model/schema.ts";

export type ReportRole = ColumnRole | ReportColumn;


function roleOf(label: string): ReportRole | "content" | undefined {
  return reportColumn(label) ?? labelRole(label);
}

const LEVEL = /^(上级|国家|省|自治区)/;

/** A header row's roles, or undefined when the row is no report header. */
export function reportRoles(labels: readonly string[]): Array<ReportRole | undefined> | undefined {
  const roles = labels.map((l) => (compact(l) === "" ? undefined : roleOf(l)));
  const filled = labels.filter((l) => compact(l) !== "");
  if (filled.length < 2 || filled.some((l) => compact(l).length > 20 || /[。：:；;，,]/.test(l))) return undefined;
  if (roles.some((r, i) => r === undefined && compact(labels[i]) !== "")) return undefined;
  if (!roles.some((r) => r === "progress" || r === "status")) return undefined;
  // Content columns: a superior one names a higher level; of the rest the first is the task, the last the measure.
  const content = roles.flatMap((r, i) => (r === "content" ? [i] : []));
  const superior = content.find((i) => LEVEL.test(compact(labels[i])));
  const rest = content.filter((i) => i !== superior);
  const out = roles as Array<ReportRole | "content" | undefined>;
  if (superior !== undefined) out[superior] = "superior";
  if (rest.length === 1) out[rest[0]] = "measure";
  else if (rest.length >= 2) {
    out[rest[0]] = "task";
    out[rest.at(-1)!] = "measure";
    for (const i of rest.slice(1, -1)) out[i] = "measure";
  }
  return out as Array<ReportRole | undefined>;
}

const cellText = (cell: TableCell) => (cell.covered ? "" : cell.paragraphs.join(""));

/** A row's labels, a label merged across columns repeated in each. */
export function rowLabels(table: Table, r: number): string[] {
  const labels: string[] = [];
  for (const [c, cell] of table.rows[r].entries()) labels.push(cell.covered === "left" ? (labels[c - 1] ?? "") : cellText(cell));
  return labels;
}

/** The first table with a report header among its first rows: its index, the header row and the roles. */
export function findReportHeader(blocks: readonly Block[]): { table: number; row: number; roles: Array<ReportRole | undefined> } | undefined {
  for (const [t, block] of blocks.entries()) {
    if (block.kind !== "table") continue;
    for (let r = 0; r < Math.min(block.rows.length, 10); r++) {
      const roles = reportRoles(rowLabels(block, r));
      if (roles) return { table: t, row: r, roles };
    }
  }
  return undefined;
}
