// The data model of a task and responsibility list (任务和责任清单): the one source of truth.
// TypeScript types are inferred from these schemas, the published JSON Schema is generated from them,
// and the site's content collection validates against them.
import { z } from "zod";
import { Comparison } from "./comparison.ts";
import { Figures } from "./figures.ts";
import { SourceSpan } from "./location.ts";
import { Progress } from "./progress.ts";

export { Location, SourceSpan } from "./location.ts";

/** The layouts the ingest recognises (it prints which one it found). */
export const Layout = z
  .enum(["superior-table", "table", "label-lines", "unit-parenthesis", "first-listed-lead"])
  .describe(
    "A superior-table: a table with the superior level's measure beside this level's; B table: columns taken by role from " +
      "the header labels; C label-lines: numbered paragraphs followed by 牵头单位： / 配合单位： lines; D unit-parenthesis: " +
      "numbered paragraphs ending in （…牵头，…配合）; E first-listed-lead: one unit list per task whose first unit leads, " +
      "as the cover letter says (责任单位中列第一位的为牵头单位)",
  );

/** A government by its place and level (六安市), as the companion files name one (settings, contacts). */
export const GovernmentName = z
  .string()
  .trim()
  .regex(/^[\u4e00-\u9fff]{1,12}(?:省|自治区|市|州|盟|县|区|旗)$/u, { message: "expected a place with its level, such as 六安市, 霍山县 or 青岚区" });

/** The file formats the ingest reads (.doc and .wps arrive converted to .docx by LibreOffice). */
export const Format = z.enum(["txt", "docx", "xlsx", "html", "doc", "wps", "pdf", "ofd"]);

export const Deadline = z
  .object({
    printed: z.string().min(1).describe("as printed: 2025年6月底前, 长期坚持"),
    kind: z.enum(["date", "ongoing", "none"]).describe("date: names a date; ongoing: 长期坚持, 持续推进, 每年…; none: neither"),
    last: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe("the last day the text allows (2025年6月底前 → 2025-06-30), when kind is date"),
  })
  .strict();

export const DueDate = z
  .object({
    task: z.number().int().positive(),
    measure: z.number().int().nonnegative().describe("index in the task's local measures"),
    source: z.enum(["column", "text"]).describe("the deadline column or label line, or a phrase in the measure's text (到2025年, 6月底前)"),
    printed: z.string().min(1),
    kind: z.enum(["date", "ongoing", "none"]),
    last: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    start: z.number().int().nonnegative().optional().describe("offset of a text phrase in the measure's text"),
    end: z.number().int().nonnegative().optional(),
  })
  .strict();

export const LocalMeasure = z
  .object({
    text: z.string().min(1).describe("this level's measure (e.g. 市贯彻落实措施), as printed"),
    lead: z.array(z.string().min(1)).describe("lead units (牵头责任单位), as printed; empty when the list names none (see responsible)"),
    support: z.array(z.string().min(1)).describe("cooperating units (配合责任单位), as printed"),
    responsible: z
      .array(z.string().min(1))
      .describe("units responsible together with no lead named (（市民政局、市财政局按职责分工负责）), as printed"),
    leaders: z.array(z.string().min(1)).describe("leading officials (牵头领导, 牵头市领导): persons, never units"),
    deadline: Deadline.optional(),
    note: z.string().optional().describe("the note column (备注), as printed"),
    at: SourceSpan,
  })
  .strict()
  .refine((m) => m.lead.length + m.responsible.length > 0, { message: "a measure needs a lead unit or responsible units" });

export const Item = z
  .object({
    number: z.number().int().positive().describe("task number: as printed when the list numbers its tasks 1, 2, 3…, else the order in the list"),
    label: z.string().describe("the task's number as printed (1. / （1） / 3 / 一), empty when unnumbered"),
    title: z.string().describe("task title (任务事项), as printed; empty when the task is a numbered paragraph without one"),
    upper: z.string().optional().describe("the superior level's measure (e.g. 省工作举措), as printed; only in lists that have one"),
    local: z.array(LocalMeasure).min(1),
    at: SourceSpan,
  })
  .strict();

export const Chapter = z
  .object({
    number: z.number().int().nonnegative().describe("chapter number (一 = 1); 0 for the tasks of a list without chapters"),
    numeral: z.string().describe("chapter numeral as printed (一); empty without chapters"),
    label: z.string().describe("the heading's mark as printed (一、 / （一） / 第一部分); empty without chapters"),
    title: z.string(),
    text: z.string().optional().describe("an introductory paragraph under the heading, before its first task, as printed (paragraphs joined by a line break)"),
    part: z
      .object({
        label: z.string().describe("as printed: 一、 / 第一部分"),
        title: z.string(),
        text: z.string().optional().describe("an introductory paragraph under the part's heading, before its first chapter, as printed"),
      })
      .strict()
      .optional()
      .describe("the heading above the chapter, in lists with two heading levels (一、 above （一）)"),
    items: z.array(Item),
    at: SourceSpan,
  })
  .strict();

export const Unit = z
  .object({
    name: z.string().min(1).describe("as printed in this list"),
    canonical: z
      .string()
      .min(1)
      .describe("the department's name across the government's lists (市经济和信息化局, 六安市经信局 → 市经信局; see src/ingest/unit-aliases.ts)"),
    slug: z.string().min(1).describe("stable path segment for the department's page, from the government and the canonical name"),
    lead: z.array(z.number().int().positive()).describe("numbers of the tasks this unit leads"),
    support: z.array(z.number().int().positive()).describe("numbers of the tasks this unit supports or shares (按职责分工负责)"),
  })
  .strict();

export const ColumnRole = z.enum(["number", "task", "superior", "measure", "lead", "support", "responsible", "leader", "deadline", "note"]);

export const Column = z
  .object({ role: ColumnRole, label: z.string().describe("as printed") })
  .strict()
  .describe("a column of the list's table, or a label line of a paragraph list (牵头单位：)");

export const Document = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    source: z.string().describe("file name of the source in seeds/"),
    title: z.string().min(1).describe("the cover letter's title, or the list's title without one"),
    listTitle: z.string().describe("the attached list's own title"),
    date: z.string().describe("ISO date (YYYY-MM or YYYY-MM-DD) when printed, else empty"),
    datePrinted: z.string().describe("the date as printed"),
    number: z
      .string()
      .min(1)
      .optional()
      .describe("the list's own document number (文号, 六政办〔2022〕12号) as printed, the year's brackets as 〔〕; or the settings file's; absent when neither says it"),
    implements: z
      .object({
        title: z.string().min(1).describe("the cited title without its 《》, as printed"),
        number: z.string().min(1).optional().describe("its 文号 as the letter prints it beside the title, the year's brackets as 〔〕"),
      })
      .strict()
      .optional()
      .describe("the superior document the list implements, as the cover letter cites it (贯彻落实《…》, 为推动《…》（皖政办〔2022〕2号）)"),
    format: Format.describe("the format of the source file"),
    government: z
      .object({
        name: z.string().describe("the government that issued the list (六安市), whose departments its units are; empty when unknown"),
        from: z.enum(["settings", "title", "signature", "list-title", "none"]).describe("where the name was read: the seed's settings file, the letter's title, its signature, a title opening with the place"),
      })
      .strict(),
    layout: Layout,
    columns: z.array(Column).describe("the table's columns in order, or the label lines a paragraph list uses"),
    preamble: z
      .object({
        addressees: z.string(),
        paragraphs: z.array(z.string()),
        attachment: z.string().describe("the attachment line of the cover letter"),
      })
      .strict(),
    chapters: z.array(Chapter).min(1),
    closing: z.array(z.string()).describe("paragraphs after the list (notes, 抄送 lines), as printed"),
    units: z.array(Unit),
    coverage: z
      .object({
        characters: z.number().int().nonnegative().describe("non-blank characters of the list (from its header or first heading to its last unit)"),
        covered: z.number().int().nonnegative().describe("of these, found in the model's fields"),
        structural: z
          .number()
          .int()
          .nonnegative()
          .describe("characters the layout consumed as syntax (unit separators, 1. and 一、 markers, 牵头单位： labels, （…牵头）)"),
      })
      .strict(),
    dueDates: z.array(DueDate).describe("every deadline of the measures: the deadline column's and the dates their texts set"),
    figures: Figures.describe("quantities, subsidies, superior ↔ local target pairs and growth paths of the measures"),
    comparison: Comparison.describe("each task's local measures aligned with its superior measure, sentence by sentence"),
    progress: Progress.optional().describe("the progress reports on the list (seeds/<id>.progress-YYYY-MM.<ext>), read as dated snapshots; absent without reports"),
  })
  .strict();

export type Deadline = z.infer<typeof Deadline>;
export type DueDate = z.infer<typeof DueDate>;
export type Layout = z.infer<typeof Layout>;
export type Format = z.infer<typeof Format>;
export type ColumnRole = z.infer<typeof ColumnRole>;
export type Column = z.infer<typeof Column>;
export type LocalMeasure = z.infer<typeof LocalMeasure>;
export type Item = z.infer<typeof Item>;
export type Chapter = z.infer<typeof Chapter>;
export type Unit = z.infer<typeof Unit>;
export type Document = z.infer<typeof Document>;
