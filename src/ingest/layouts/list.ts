// What every layout hands back: the list as chapters of tasks, the text around it, and the accounting that lets
// the coverage check prove nothing was lost (characters consumed as syntax, characters a merged cell repeats).
import type { Block, Location, Problem } from "../blocks.ts";
import type { Chapter, Column, ColumnRole, Deadline, Item, Layout, LocalMeasure } from "../../model/schema.ts";
import { parseDeadline } from "../../extract/deadline.ts";
import type { ColumnNames } from "../column-labels.ts";
import type { MarkStyle } from "../markers.ts";
import { UNIT_SEPARATORS } from "../units.ts";

export interface ListModel {
  layout: Layout;
  columns: Column[];
  chapters: Chapter[];
  /** Paragraph texts before the list: the cover letter, the list's title. */
  cover: string[];
  /** Paragraph texts after the list. */
  closing: string[];
  /** Every text of the list as the reader gave it (the coverage check's source). */
  source: string[];
  /** Characters the layout consumed as syntax (labels, markers, separators, brackets). */
  structural: string;
  /** Characters the model holds twice because a merged cell spans several measures (its units, its deadline). */
  repeated: string;
  /** Where the list starts, for problems about the list as a whole. */
  at: Location;
}

export type LayoutResult = { ok: true; list: ListModel } | { ok: false; problems: Problem[] };

export interface LayoutInput {
  blocks: Block[];
  /** The year of the document, when its date is known, for deadlines that name no year (6月底前). */
  year?: number;
  /** The cover letter says the first unit listed leads (layout E). */
  firstListedLeads: boolean;
  /** Column labels the seed's settings file gives a role (`"columns": { "工作内容": "measure" }`), compacted. */
  columnNames?: ColumnNames;
  /** What the settings file says of the layout, where the file itself does not show it. */
  settings?: LayoutSettings;
}

export interface LayoutSettings {
  kind?: "table" | "label-lines" | "unit-parenthesis";
  firstListedLeads?: boolean;
  /** 1-based: the table among the file's tables, the row within it. */
  header?: { table: number; row: number };
  levels?: { part?: MarkStyle; chapter?: MarkStyle; task: MarkStyle; measure?: MarkStyle };
}

/** How a refusal names the setting that would resolve it. */
export const SETTINGS_FILE = "the list's settings file (seeds/<name>.settings.json)";

export type { ColumnNames } from "../column-labels.ts";

/** Unit separators inside a list of names, consumed by the split and counted as structure. */
export function separatorsOf(text: string): string {
  return [...text].filter((ch) => UNIT_SEPARATORS.test(ch)).join("");
}

export function deadlineOf(printed: string | undefined, year: number | undefined): Deadline | undefined {
  if (printed === undefined || printed.trim() === "") return undefined;
  return parseDeadline(printed, year === undefined ? undefined : { year });
}

export function emptyMeasure(text: string, at: [Location, Location]): LocalMeasure {
  return { text, lead: [], support: [], responsible: [], leaders: [], at };
}

/** Drops optional fields that are undefined, so the JSON holds only what the list prints. */
export function tidyMeasure(m: LocalMeasure): LocalMeasure {
  const out: LocalMeasure = { text: m.text, lead: m.lead, support: m.support, responsible: m.responsible, leaders: m.leaders, at: m.at };
  if (m.deadline) out.deadline = m.deadline;
  if (m.note !== undefined) out.note = m.note;
  return out;
}

/**
 * Numbers tasks and chapters for addresses: a list that numbers its tasks 1, 2, 3… once each keeps its numbers;
 * one that restarts them in each chapter, uses （一） for tasks or prints none is numbered in order.
 */
export function numberList(chapters: Chapter[], printed: Array<number | undefined>): void {
  const items: Item[] = chapters.flatMap((c) => c.items);
  const unique = printed.every((n) => n !== undefined) && new Set(printed).size === printed.length;
  items.forEach((item, i) => (item.number = unique ? printed[i]! : i + 1));
  const chapterNumbers = chapters.map((c) => c.number);
  if (new Set(chapterNumbers).size !== chapterNumbers.length) chapters.forEach((c, i) => (c.number = c.numeral === "" && chapters.length === 1 ? 0 : i + 1));
}
