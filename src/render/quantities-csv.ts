// The quantities of a document as CSV (the second download beside the JSON): one row per quantity,
// through the shared RFC 4180 writer (UTF-8 BOM, CRLF, quoting and formula guard in one place).
import type { Document } from "../model/schema.ts";
import { toCsv } from "./csv.ts";
import { columnLabel } from "../model/labels.ts";

const KIND_LABELS = { target: "目标", subsidy: "奖补", rate: "比例", deadline: "时限", other: "其他" } as const;

export const QUANTITY_CSV_HEADER = ["编号", "任务序号", "任务事项", "栏目", "措施序号", "数值", "原文数值", "单位", "原文", "类别", "期限", "限定", "对象", "列表项", "起", "止", "对照编号", "市/省"];

export function quantitiesCsv(doc: Pick<Document, "columns" | "chapters" | "figures">): string {
  const titles = new Map(doc.chapters.flatMap((c) => c.items).map((i) => [i.number, i.title]));
  const pairOf = new Map<string, { other: string; share: number }>();
  for (const p of doc.figures.targetPairs) {
    pairOf.set(p.superior, { other: p.local, share: p.localShare });
    pairOf.set(p.local, { other: p.superior, share: p.localShare });
  }
  const rows = doc.figures.quantities.map((q) => {
    const pair = pairOf.get(q.id);
    return [
      q.id, String(q.task), titles.get(q.task) ?? "", q.side === "superior" ? columnLabel(doc, "superior") : columnLabel(doc, "measure"), String(q.measure + 1),
      String(q.value), q.valuePrinted, q.unit, q.printed, KIND_LABELS[q.kind], q.period ?? "", q.qualifier ?? "", q.subject, q.label?.text ?? "",
      String(q.start), String(q.end), pair?.other ?? "", pair ? String(pair.share) : "",
    ];
  });
  return toCsv(QUANTITY_CSV_HEADER, rows);
}
