// A list's progress as CSV for the 督查 office's spreadsheet: one row per report per measure, oldest report first,
// with where in the report each row was read.
import { formatRange } from "../model/location-format.ts";
import type { Document } from "../model/schema.ts";
import { STATUS_LABELS } from "../model/progress-labels.ts";
import { toCsv } from "./csv.ts";


export function progressCsv(doc: Pick<Document, "chapters" | "progress">): string {
  const progress = doc.progress;
  const items = new Map(doc.chapters.flatMap((c) => c.items.map((i) => [i.number, i] as const)));
  const header = ["报告日期", "报告", "任务序号", "任务", "措施序号", "牵头单位", "状态", "原文状态", "超期", "进展情况", "存在问题", "下步打算", "备注", "报告中的位置"];
  const rows = (progress?.entries ?? []).map((e) => {
    const report = progress!.reports[e.report];
    const item = items.get(e.task);
    const m = item?.local[e.measure];
    return [
      report.date,
      report.source,
      String(e.task),
      item?.title ?? "",
      String(e.measure + 1),
      [...(m?.lead ?? []), ...(m?.responsible ?? [])].join("、"),
      STATUS_LABELS[e.status],
      e.statusPrinted,
      e.overdue ? "是" : "否",
      e.text,
      e.problems ?? "",
      e.next ?? "",
      e.note ?? "",
      formatRange(e.at[0], e.at[1]),
    ];
  });
  return toCsv(header, rows);
}
