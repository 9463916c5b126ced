// View models: the document model → exactly what each page lays out. Pure; pages only render these.
import { columnLabel, hasSuperior } from "../model/labels.ts";
import { strings } from "./strings.ts";
import type { Chapter, Deadline, Document, Item, SourceSpan } from "../model/schema.ts";

export interface UnitRef {
  /** As the list prints it. */
  name: string;
  slug: string;
  /** The department as pages and the search filters name it: 六安市 · 市经信局. */
  label: string;
}

export interface ChapterRef {
  number: number;
  /** As printed: "一、梯度化培育优质企业群体". */
  label: string;
}

export interface TaskRef {
  number: number;
  title: string;
}

export interface MeasureView {
  /** 1-based index into item.local, as the MDX's <Local n="…"> uses. */
  n: number;
  text: string;
  lead: UnitRef[];
  support: UnitRef[];
  /** Units responsible together with no lead named (按职责分工负责). */
  responsible: UnitRef[];
  /** Leading officials (牵头领导): persons, not linked. */
  leaders: string[];
  deadline?: Deadline;
  /** The dates the measure's own text sets (到2025年, 6月底前), with the last day each allows. */
  datesInText: Array<{ printed: string; last: string }>;
  note?: string;
  at: SourceSpan;
}

/** The labels a document prints for its columns, or the usual ones where it prints none. */
export interface DocumentLabels {
  task: string;
  superior: string;
  measure: string;
  lead: string;
  support: string;
  responsible: string;
  leader: string;
  deadline: string;
  note: string;
}

export interface DocumentRef {
  id: string;
  title: string;
  source: string;
  /** The issuing government (六安市), empty when unknown. */
  government: string;
  labels: DocumentLabels;
  /** The list prints the superior level's measure beside its own (comparison pages exist). */
  hasSuperior: boolean;
  /** Progress reports were read for the list (its 落实情况 page exists). */
  reported: boolean;
}

export interface TaskView {
  doc: DocumentRef;
  chapter: ChapterRef;
  number: number;
  /** The task's number as printed (1. / （1） / 3). */
  label: string;
  title: string;
  /** Where the task is in the source, as a person finds it: "lines 38–56", "table 1, rows 3–5", "Sheet1!A3:F5". */
  source: string;
  measures: MeasureView[];
  /** Every unit leading one of the measures, in first-seen order (search filter "lead"). */
  leadUnits: UnitRef[];
  supportUnits: UnitRef[];
  /** The task's units' other names (市经信局: 市经济和信息化局…), shown so a reader and the search find them by any. */
  /** Other spellings the government's lists print for the units named here. */
  otherNames: Array<{ name: string; others: string[] }>;
  /** Names of those units that no list prints, for search only (the alias table's, the full names). */
  searchNames: string[];
  previous?: TaskRef;
  next?: TaskRef;
}

export interface DocumentOverview {
  doc: DocumentRef;
  titleLines: string[];
  datePrinted: string;
  /** The list's own 文号, when known (its cover line, or the settings file). */
  number?: string;
  addressees: string;
  paragraphs: string[];
  attachment: string;
  listTitle: string;
  /** Paragraphs after the list, as printed. */
  closing: string[];
  counts: { tasks: number; measures: number; units: number };
  /**
   * `part`: the heading above the chapter, on the first chapter of each part (一、 above （一））, with `partIntro`, its
   * introductory paragraphs; `intro`: the chapter's own, before its first task.
   */
  chapters: Array<ChapterRef & { tasks: TaskRef[]; part?: string; partIntro?: string[]; intro?: string[] }>;
}




export function documentLabels(doc: Pick<Document, "columns">): DocumentLabels {
  const roles = ["task", "superior", "measure", "lead", "support", "responsible", "leader", "deadline", "note"] as const;
  return Object.fromEntries(roles.map((r) => [r, columnLabel(doc, r)])) as unknown as DocumentLabels;
}

function docRef(doc: Document): DocumentRef {
  return { id: doc.id, title: doc.title, source: doc.source, government: doc.government.name, labels: documentLabels(doc), hasSuperior: hasSuperior(doc), reported: doc.progress !== undefined };
}

/** A chapter's heading as printed: 一、梯度化培育… / （一）加强… / 第一部分 总体要求 (a bare numeral gets a space). */
export function chapterLabel(chapter: Pick<Chapter, "label" | "title">): string {
  if (chapter.label === "") return chapter.title;
  return /[、.．）)\s]$/.test(chapter.label) ? `${chapter.label}${chapter.title}` : `${chapter.label} ${chapter.title}`;
}

/** A task's title: as printed, or for a numbered paragraph without one, the opening of its first measure. */
export function taskTitle(item: Pick<Item, "title" | "local">): string {
  if (item.title !== "") return item.title;
  const text = item.local[0].text.split("\n")[0];
  const sentence = /^[^。；！？]{4,40}[。；！？]/.exec(text)?.[0].slice(0, -1);
  if (sentence) return sentence;
  const chars = [...text];
  return chars.length > 30 ? chars.slice(0, 30).join("") + "…" : text;
}

function chapterRef(chapter: Chapter): ChapterRef {
  return { number: chapter.number, label: chapterLabel(chapter) };
}

/** Items in document order with their chapter. */
function itemsWithChapter(doc: Document): Array<{ chapter: Chapter; item: Item }> {
  return doc.chapters.flatMap((chapter) => chapter.items.map((item) => ({ chapter, item })));
}

/** What the library (site/library.ts) knows of a unit: its department page's slug, label and other names. */
export interface UnitDirectory {
  slugOf(docId: string, printed: string): string;
  /** The names the government's lists print for the department. */
  namesOf(slug: string): string[];
  /** Names no list prints that search finds it by. */
  searchNamesOf(slug: string): string[];
  labelOf(slug: string): string;
}

function unitResolver(doc: Document, units: UnitDirectory): (name: string) => UnitRef {
  return (name) => {
    const slug = units.slugOf(doc.id, name);
    return { name, slug, label: units.labelOf(slug) };
  };
}

function uniqueUnits(lists: UnitRef[][]): UnitRef[] {
  const seen = new Map<string, UnitRef>();
  for (const unit of lists.flat()) if (!seen.has(unit.name)) seen.set(unit.name, unit);
  return [...seen.values()];
}

function measures(item: Item, unit: (name: string) => UnitRef, dueDates: Document["dueDates"]): MeasureView[] {
  return item.local.map((m, i) => ({
    n: i + 1,
    text: m.text,
    lead: m.lead.map(unit),
    support: m.support.map(unit),
    responsible: m.responsible.map(unit),
    leaders: m.leaders,
    ...(m.deadline ? { deadline: m.deadline } : {}),
    datesInText: dueDates
      .filter((d) => d.task === item.number && d.measure === i && d.source === "text" && d.last !== undefined)
      .map((d) => ({ printed: d.printed, last: d.last! })),
    ...(m.note !== undefined ? { note: m.note } : {}),
    at: m.at,
  }));
}

export function documentOverview(doc: Document): DocumentOverview {
  const all = itemsWithChapter(doc);
  return {
    doc: docRef(doc),
    titleLines: doc.title.split("\n"),
    datePrinted: doc.datePrinted,
    ...(doc.number ? { number: doc.number } : {}),
    addressees: doc.preamble.addressees,
    paragraphs: doc.preamble.paragraphs,
    attachment: doc.preamble.attachment,
    listTitle: doc.listTitle,
    closing: doc.closing,
    counts: {
      tasks: all.length,
      measures: all.reduce((sum, { item }) => sum + item.local.length, 0),
      units: doc.units.length,
    },
    chapters: doc.chapters.map((c, i) => ({
      ...chapterRef(c),
      ...(c.part && (i === 0 || doc.chapters[i - 1].part?.label !== c.part.label)
        ? { part: chapterLabel(c.part), ...(c.part.text ? { partIntro: c.part.text.split("\n") } : {}) }
        : {}),
      ...(c.text ? { intro: c.text.split("\n") } : {}),
      tasks: c.items.map((i) => ({ number: i.number, title: taskTitle(i) })),
    })),
  };
}

/** One task's measures as its page shows them (a plan's measure page shows a few tasks of each list, not all). */
export function taskMeasures(doc: Document, item: Item, units: UnitDirectory): MeasureView[] {
  return measures(item, unitResolver(doc, units), doc.dueDates);
}

export function taskViews(doc: Document, units: UnitDirectory): TaskView[] {
  const unit = unitResolver(doc, units);
  const all = itemsWithChapter(doc);
  return all.map(({ chapter, item }, index) => {
    const ms = measures(item, unit, doc.dueDates);
    const named = uniqueUnits(ms.flatMap((m) => [m.lead, m.support, m.responsible]));
    const ref = (i: number): TaskRef | undefined => {
      const other = all[i]?.item;
      return other && { number: other.number, title: taskTitle(other) };
    };
    return {
      doc: docRef(doc),
      chapter: chapterRef(chapter),
      number: item.number,
      label: item.label,
      title: taskTitle(item),
      source: strings.task.sourceRange(item.at[0], item.at[1]),
      measures: ms,
      leadUnits: uniqueUnits(ms.map((m) => m.lead)),
      supportUnits: uniqueUnits(ms.flatMap((m) => [m.support, m.responsible])),
      otherNames: named.map((u) => ({ name: u.name, others: units.namesOf(u.slug).filter((n) => n !== u.name) })).filter((u) => u.others.length > 0),
      searchNames: [...new Set(named.flatMap((u) => units.searchNamesOf(u.slug)))],
      previous: ref(index - 1),
      next: ref(index + 1),
    };
  });
}
