// Progress on a list (落实情况): the reports its lead units return month by month or quarter by quarter, each read as a
// dated snapshot of the measures it names. Part of the list's model (Document.progress), absent without reports.
import { z } from "zod";
import { Location, SourceSpan } from "./location.ts";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One scale for the words reports print (已完成 / 已办结, 序时推进 / 正常推进, 滞后 / 欠进度 …). */
export const ProgressStatus = z
  .enum(["done", "on-track", "behind", "unknown"])
  .describe("done: 已完成; on-track: 序时推进; behind: 滞后; unknown: the report neither prints a status nor says one plainly");

export const ProgressReport = z
  .object({
    source: z.string().describe("the report's file name in seeds/"),
    title: z.string().describe("the report's title, as printed; empty when it prints none"),
    date: isoDay.describe("the day the report speaks for (截至2025年6月底 → 2025-06-30)"),
    datePrinted: z.string().describe("the words the date was read from: the title's (2025年上半年) or the file name's (progress-2025-06)"),
    dateFrom: z.enum(["title", "file-name"]),
    rows: z.number().int().nonnegative().describe("rows of the report read as progress on a measure"),
  })
  .strict();

export const ProgressEntry = z
  .object({
    report: z.number().int().nonnegative().describe("index in progress.reports"),
    task: z.number().int().positive(),
    measure: z.number().int().nonnegative().describe("index in the task's local measures"),
    scope: z.enum(["measure", "task"]).describe("measure: the row names this measure; task: the row reports on the whole task, each of its measures"),
    status: ProgressStatus,
    statusPrinted: z.string().describe("the status cell as printed, or the words of the text it was read from; empty when unknown"),
    statusFrom: z.enum(["column", "text", "none"]),
    text: z.string().describe("进展情况 as printed; rows of one measure joined by line breaks"),
    problems: z.string().optional().describe("存在问题, as printed"),
    next: z.string().optional().describe("下步打算, as printed"),
    note: z.string().optional().describe("备注, as printed"),
    overdue: z.boolean().describe("the measure's last deadline is before the report's date and it is not done (超期)"),
    at: SourceSpan,
  })
  .strict();

export const Progress = z
  .object({
    reports: z.array(ProgressReport).min(1).describe("oldest first"),
    entries: z.array(ProgressEntry).describe("by report, then task and measure"),
  })
  .strict();

export type ProgressStatus = z.infer<typeof ProgressStatus>;
export type ProgressReport = z.infer<typeof ProgressReport>;
export type ProgressEntry = z.infer<typeof ProgressEntry>;
export type Progress = z.infer<typeof Progress>;
export type { Location };
