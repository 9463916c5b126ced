// The label a list prints for each column role, or the usual one where it prints none (paragraph lists have no
// header; a list without a note column still needs a word for 备注 in a download).
import type { Column, ColumnRole } from "./schema.ts";

const USUAL: Record<ColumnRole, string> = {
  number: "序号",
  task: "任务",
  superior: "上级措施",
  measure: "工作措施",
  lead: "牵头单位",
  support: "配合单位",
  responsible: "责任单位",
  leader: "牵头领导",
  deadline: "完成时限",
  note: "备注",
};

export function columnLabel(doc: { columns: Column[] }, role: ColumnRole): string {
  return doc.columns.find((c) => c.role === role)?.label ?? USUAL[role];
}

/** Whether the list prints the superior level's measure beside its own (layout A). */
export function hasSuperior(doc: { columns: Column[] }): boolean {
  return doc.columns.some((c) => c.role === "superior");
}
