// What a table's header labels say their columns hold. Lists name their columns in many ways (牵头单位 / 牵头责任单位,
// 完成时限 / 时间节点); the text reader needs this to find a header row whose rows carry no task number, and the
// table layout to give each column its role.
import type { ColumnRole } from "../model/schema.ts";

/** Header labels (without spaces) → the role the web team says they name (the settings file's `columns`). */
export type ColumnNames = ReadonlyMap<string, ColumnRole>;

/** A label without its spaces: 牵 头 单 位 and 牵头单位 are one label. */
export const compact = (label: string) => label.replace(/[\s\u3000]+/g, "");

/** Checked in order: 牵头领导 is a leader before it is a lead, 责任单位 is read after 牵头 and 配合. */
const ROLE_PATTERNS: Array<[ColumnRole | "content", RegExp]> = [
  ["number", /^(序号|编号|序|号|项次)$/],
  ["leader", /领导/],
  ["deadline", /时限|时间|期限|节点|进度安排|完成日期/],
  ["note", /^(备注|说明|附注)$/],
  ["lead", /牵头|主责|主办/],
  ["support", /配合|协办|协助|参与|协同/],
  ["responsible", /责任单位|责任部门|责任主体|承办单位|实施单位|落实单位|负责单位/],
  ["content", /任务|事项|措施|举措|内容|工作|具体|要求|目标|项目|重点|清单/],
];

/** The role a header label names (a content column is a task or measure column until the row decides), if any. */
export function labelRole(label: string, names?: ColumnNames): ColumnRole | "content" | undefined {
  // A label may end in a colon (牵头单位：) where the header is placed by the settings file.
  const bare = compact(label).replace(/[：:]$/, "");
  return names?.get(compact(label)) ?? names?.get(bare) ?? ROLE_PATTERNS.find(([, re]) => re.test(bare))?.[0];
}
