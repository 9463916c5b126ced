// The data model of a task and responsibility list (任务和责任清单): the one source of truth.
// TypeScript types are inferred from these schemas, the published JSON Schema is generated from them,
// and the site's content collection validates against them.
import { z } from "zod";
import { Comparison } from "./comparison.ts";
import { Figures } from "./figures.ts";

/** 1-based [first, last] line numbers in the source file. */
export const LineRange = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .describe("1-based first and last line of the source file");

export const LocalMeasure = z
  .object({
    text: z.string().min(1).describe("this level's measure (e.g. 市贯彻落实措施), as printed"),
    lead: z.array(z.string().min(1)).min(1).describe("lead units (牵头责任单位), as printed"),
    support: z.array(z.string().min(1)).describe("cooperating units (配合责任单位), as printed"),
    lines: LineRange,
  })
  .strict();

export const Item = z
  .object({
    number: z.number().int().positive().describe("task number as printed (1., 2., …)"),
    title: z.string().min(1).describe("task title (任务事项), as printed"),
    upper: z.string().describe("the superior level's measure (e.g. 省工作举措), as printed"),
    local: z.array(LocalMeasure).min(1),
    lines: LineRange,
  })
  .strict();

export const Chapter = z
  .object({
    number: z.number().int().positive().describe("chapter number (一 = 1)"),
    numeral: z.string().min(1).describe("chapter numeral as printed (一、二、…)"),
    title: z.string().min(1),
    items: z.array(Item),
    lines: LineRange,
  })
  .strict();

export const Unit = z
  .object({
    name: z.string().min(1),
    slug: z.string().min(1).describe("stable path segment for the unit's page"),
    lead: z.array(z.number().int().positive()).describe("numbers of the tasks this unit leads"),
    support: z.array(z.number().int().positive()).describe("numbers of the tasks this unit supports"),
  })
  .strict();

export const Columns = z
  .tuple([z.string(), z.string(), z.string(), z.string(), z.string()])
  .describe("the five column labels as printed in the header row");

export const Document = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    source: z.string().describe("file name of the source in seeds/"),
    title: z.string().min(1).describe("the cover letter's title, or the list's title without one"),
    listTitle: z.string().describe("the attached list's own title"),
    date: z.string().describe("ISO date (YYYY-MM or YYYY-MM-DD) when printed, else empty"),
    datePrinted: z.string().describe("the date as printed"),
    columns: Columns,
    preamble: z
      .object({
        addressees: z.string(),
        paragraphs: z.array(z.string()),
        attachment: z.string().describe("the attachment line of the cover letter"),
      })
      .strict(),
    chapters: z.array(Chapter).min(1),
    units: z.array(Unit),
    coverage: z
      .object({
        characters: z.number().int().nonnegative().describe("non-blank characters in the table"),
        covered: z.number().int().nonnegative().describe("of these, found in the model's fields"),
        structural: z
          .number()
          .int()
          .nonnegative()
          .describe("separators the parser consumed (unit list separators, 1. and 一、 markers)"),
      })
      .strict(),
    figures: Figures.describe("quantities, subsidies, superior ↔ local target pairs and growth paths of the measures"),
    comparison: Comparison.describe("each task's local measures aligned with its superior measure, sentence by sentence"),
  })
  .strict();

export type LineRange = z.infer<typeof LineRange>;
export type LocalMeasure = z.infer<typeof LocalMeasure>;
export type Item = z.infer<typeof Item>;
export type Chapter = z.infer<typeof Chapter>;
export type Unit = z.infer<typeof Unit>;
export type Columns = z.infer<typeof Columns>;
export type Document = z.infer<typeof Document>;
