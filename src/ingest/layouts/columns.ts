// Header labels → column roles. Lists name their columns in many ways (牵头单位 / 牵头责任单位, 完成时限 / 时间节点);
// each label is taken by what it says, and the superior level's column by the level it names (省 above 市 above 县).
import type { Column, ColumnRole } from "../../model/schema.ts";
import { compact, labelRole, type ColumnNames } from "../column-labels.ts";

export { compact, labelRole };

const LEVELS = ["国家", "中央", "省", "自治区", "市", "州", "盟", "县", "区", "旗", "乡", "镇", "街道"];
const LEVEL_RANK: Record<string, number> = { 国家: 0, 中央: 0, 省: 1, 自治区: 1, 市: 2, 州: 2, 盟: 2, 县: 3, 区: 3, 旗: 3, 乡: 4, 镇: 4, 街道: 4 };

/** 省工作举措 → 1, 县贯彻落实措施 → 3, 上级任务 → -1 (above any), 工作措施 → undefined. */
function levelOf(label: string): number | undefined {
  if (/^上级/.test(label)) return -1;
  const word = LEVELS.find((w) => label.startsWith(w));
  return word === undefined ? undefined : LEVEL_RANK[word];
}

export type ColumnRoles = { ok: true; columns: Column[] } | { ok: false; column: number; message: string };


/** The columns a progress report adds to a list's (进展情况, 完成情况, 存在问题, 下步打算): src/progress/ reads them. */
export type ReportColumn = "progress" | "status" | "problems" | "next";

// Checked before the list's roles: 工作进展 is progress before 工作 makes it a content column.
const REPORT_PATTERNS: Array<[ReportColumn, RegExp]> = [
  ["status", /完成情况|完成进度|推进状态|进度状态|完成状态|是否完成|进度评价|状态/],
  ["progress", /进展情况|推进情况|落实情况|工作进展|进展|执行情况|工作开展情况/],
  ["problems", /存在问题|问题/],
  ["next", /下[一]?步|计划安排|打算/],
];

/** The report column a header label names, if any. */
export function reportColumn(label: string): ReportColumn | undefined {
  return REPORT_PATTERNS.find(([, re]) => re.test(compact(label)))?.[0];
}


/** What a refusal of a column's label adds: the setting that says what the column is. */
export const COLUMNS_SETTING = 'or give the column its role in the list\'s settings file (seeds/<name>.settings.json), e.g. { "columns": { "工作内容": "measure" } }';

export function columnRoles(labels: string[], names?: ColumnNames): ColumnRoles {
  const given = labels.map((l) => names?.get(compact(l)));
  const roles: Array<ColumnRole | "content" | undefined> = labels.map((l, i) => given[i] ?? labelRole(l));
  const unknown = roles.findIndex((r) => r === undefined);
  if (unknown >= 0) {
    return {
      ok: false,
      column: unknown,
      message: `the column label “${labels[unknown]}” names no role the layouts know; expected labels such as 序号, 重点任务, 工作措施, 牵头单位, 配合单位, 完成时限 or 备注, ${COLUMNS_SETTING}`,
    };
  }
  const content = roles.flatMap((r, i) => (r === "content" ? [i] : []));
  const assigned: ColumnRole[] = roles.map((r) => (r === "content" ? "measure" : r!));
  // The settings file's roles stand; the content columns it leaves take the task and measure roles it does not give.
  const givenContent = given.filter((g) => g === "task" || g === "measure" || g === "superior");
  if (givenContent.length) {
    const free = (["task", "measure"] as const).filter((r) => !given.includes(r));
    content.forEach((i, k) => (assigned[i] = free[Math.min(k, free.length - 1)] ?? "note"));
    if (!assigned.includes("measure")) return { ok: false, column: 0, message: `no column holds this level's measures; expected a label such as 工作措施, ${COLUMNS_SETTING}` };
    return unique(labels, assigned);
  }
  if (content.length === 0) return { ok: false, column: 0, message: "no column holds the tasks or measures; expected a label such as 重点任务, 工作任务 or 工作措施" };
  // The superior column is a content column naming a higher level than a later one (省工作举措 before 市贯彻落实措施).
  let superior: number | undefined;
  for (let a = 0; a < content.length && superior === undefined; a++) {
    for (let b = a + 1; b < content.length; b++) {
      const la = levelOf(compact(labels[content[a]]));
      const lb = levelOf(compact(labels[content[b]]));
      if (la !== undefined && lb !== undefined && la < lb) {
        superior = content[a];
        break;
      }
    }
  }
  const rest = content.filter((i) => i !== superior);
  if (superior !== undefined) assigned[superior] = "superior";
  if (rest.length === 1) assigned[rest[0]] = superior !== undefined && rest[0] > superior ? "measure" : "task";
  else if (rest.length >= 2) {
    assigned[rest[0]] = "task";
    assigned[rest.at(-1)!] = "measure";
    if (rest.length > 2) {
      const extra = rest[1];
      return { ok: false, column: extra, message: `more than two task or measure columns (${rest.map((i) => labels[i]).join(" / ")}); expected one task column and one measure column, and a superior column naming a higher level` };
    }
  }
  // A task column alone holds the measure itself (重点任务 | 牵头单位 | …), unless a superior column stands before it.
  if (!assigned.includes("measure")) {
    const task = assigned.indexOf("task");
    if (task >= 0) assigned[task] = "measure";
    else return { ok: false, column: content[0], message: "no column holds this level's measures; expected a label such as 工作措施 or 市贯彻落实措施 after the superior column" };
  }
  return unique(labels, assigned);
}

function unique(labels: readonly string[], assigned: ColumnRole[]): ColumnRoles {
  const seen = new Map<ColumnRole, number>();
  for (const [i, role] of assigned.entries()) {
    if (seen.has(role)) {
      return { ok: false, column: i, message: `two columns for one role: “${labels[seen.get(role)!]}” and “${labels[i]}”; expected one column each for the task, the measure, the lead units, the cooperating units and the deadline` };
    }
    seen.set(role, i);
  }
  return { ok: true, columns: labels.map((label, i) => ({ role: assigned[i], label })) };
}

/** Whether a row of a table could be its header: every non-empty cell names a role, and one names units. */
export function looksLikeHeader(labels: string[], names?: ColumnNames): boolean {
  const filled = labels.filter((l) => compact(l) !== "");
  // Labels are short words; a note merged across the sheet (注：责任单位中列第一位的为牵头单位。) is not a header.
  if (new Set(filled).size < 2 || filled.some((l) => compact(l).length > 30 || /[。：:；;，,]/.test(l))) return false;
  const roles = filled.map((l) => labelRole(l, names));
  return roles.every((r) => r !== undefined) && roles.some((r) => r === "lead" || r === "support" || r === "responsible");
}
