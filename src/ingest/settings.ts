// seeds/<stem>.settings.json: what a web team says about one source where the file itself does not say it. Each
// refusal that a setting would resolve names the setting (e.g. the issuing government of a list without a letter).
import { z } from "zod";
import { ColumnRole, GovernmentName } from "../model/schema.ts";
import { DOCUMENT_NUMBER, foldNumber } from "./doc-number.ts";
import type { LayoutSettings } from "./layouts/list.ts";
import type { SourceInfo } from "./parse.ts";
import { MARK_SAMPLES, STYLE_ORDER, type MarkStyle } from "./markers.ts";

/** A level's numbering, as one of its marks. */
const MARK_STYLES: Record<string, MarkStyle> = Object.fromEntries(STYLE_ORDER.map((style) => [MARK_SAMPLES[style], style]));
const Mark = z.enum(Object.keys(MARK_STYLES) as [string, ...string[]]);

function inOrder(levels: Partial<Record<"part" | "chapter" | "task" | "measure", string>>): boolean {
  const ranks = (["part", "chapter", "task", "measure"] as const).flatMap((k) => (levels[k] ? [STYLE_ORDER.indexOf(MARK_STYLES[levels[k]]!)] : []));
  return ranks.every((r, i) => i === 0 || r > ranks[i - 1]!);
}

export const SeedSettings = z
  .object({
    $comment: z.string().optional(),
    government: GovernmentName.optional().describe("the government that issued the list (六安市): its departments are this government's"),
    number: z
      .string()
      .trim()
      .regex(DOCUMENT_NUMBER, { message: "expected a document number (文号) such as 六政办〔2022〕12号" })
      .transform(foldNumber)
      .optional()
      .describe("the list's own document number (文号), for a source that does not print it"),
    columns: z
      .record(z.string().trim().min(1), ColumnRole)
      .optional()
      .describe("header labels the layouts do not know, each with the role it names: { \"责任处室\": \"lead\", \"工作内容\": \"measure\" }"),
    layout: z
      .enum(["table", "label-lines", "unit-parenthesis"])
      .optional()
      .describe("what the list is, where the detection cannot decide: a table with a header row, numbered paragraphs followed by 牵头单位：… lines, or numbered paragraphs ending in （…牵头…）"),
    firstListedLeads: z.boolean().optional().describe("the first unit listed leads (责任单位中列第一位的为牵头单位), for a list that says so nowhere in the file"),
    header: z
      .object({
        table: z.number().int().positive().default(1).describe("which table of the file, from 1"),
        row: z.number().int().positive().describe("the header's row in that table, from 1"),
      })
      .strict()
      .optional()
      .describe("where the table's header row is, when its labels do not show it"),
    levels: z
      .object({ part: Mark.optional(), chapter: Mark.optional(), task: Mark, measure: Mark.optional() })
      .strict()
      .refine((l) => inOrder(l), { message: "expected the levels from the outermost in, each numbered in a style of its own: part, chapter, task, measure (e.g. 一、 / （一） / 1. / （1））" })
      .optional()
      .describe("the numbering of each level of a paragraph list, as one of its marks: { \"chapter\": \"一、\", \"task\": \"1.\", \"measure\": \"（1）\" }"),
    pages: z
      .object({ from: z.number().int().positive(), to: z.number().int().positive() })
      .strict()
      .refine((p) => p.from <= p.to, { message: "expected from ≤ to" })
      .optional()
      .describe("the pages of a PDF or OFD that hold the list, from 1: { \"from\": 3, \"to\": 9 }"),
    ocr: z.boolean().optional().describe("read a scanned PDF (no text layer) by OCR (tesseract.js, its Chinese model); never the default: check every measure against the scan"),
  })
  .strict();
export type SeedSettings = z.infer<typeof SeedSettings>;

/** The shape the problems show. */
export const SETTINGS_SHAPE = '{ "government": "六安市", "number": "六政办〔2022〕12号", "columns": { "责任处室": "lead" } }';

/** What the layouts take from the settings file. */
export function layoutSettings(settings: SeedSettings | undefined): LayoutSettings | undefined {
  if (!settings) return undefined;
  const out: LayoutSettings = {};
  if (settings.layout) out.kind = settings.layout;
  if (settings.firstListedLeads !== undefined) out.firstListedLeads = settings.firstListedLeads;
  if (settings.header) out.header = { table: settings.header.table, row: settings.header.row };
  if (settings.levels) {
    const { part, chapter, task, measure } = settings.levels;
    out.levels = { task: MARK_STYLES[task], ...(part ? { part: MARK_STYLES[part] } : {}), ...(chapter ? { chapter: MARK_STYLES[chapter] } : {}), ...(measure ? { measure: MARK_STYLES[measure] } : {}) };
  }
  return Object.keys(out).length ? out : undefined;
}

/** A source's identity with what its settings file says about it. */
export function sourceSettings(settings: SeedSettings | undefined, source: SourceInfo): SourceInfo {
  const layout = layoutSettings(settings);
  return {
    ...source,
    ...(settings?.government ? { government: settings.government } : {}),
    ...(settings?.number ? { number: settings.number } : {}),
    ...(settings?.columns ? { columns: settings.columns } : {}),
    ...(layout ? { layout } : {}),
    ...(settings?.pages ? { pages: settings.pages } : {}),
    ...(settings?.ocr ? { ocr: true } : {}),
  };
}
