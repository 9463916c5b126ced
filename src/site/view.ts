// View models: the document model → exactly what each page lays out. Pure; pages only render these.
import type { Chapter, Document, Item, LineRange } from "../model/schema.ts";

export interface UnitRef {
  name: string;
  slug: string;
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
  lines: LineRange;
}

export interface DocumentRef {
  id: string;
  title: string;
  source: string;
  columns: Document["columns"];
}

export interface TaskView {
  doc: DocumentRef;
  chapter: ChapterRef;
  number: number;
  title: string;
  lines: LineRange;
  measures: MeasureView[];
  /** Every unit leading one of the measures, in first-seen order (search filter "lead"). */
  leadUnits: UnitRef[];
  supportUnits: UnitRef[];
  previous?: TaskRef;
  next?: TaskRef;
}

export interface DocumentOverview {
  doc: DocumentRef;
  titleLines: string[];
  datePrinted: string;
  addressees: string;
  paragraphs: string[];
  attachment: string;
  listTitle: string;
  counts: { tasks: number; measures: number; units: number };
  chapters: Array<ChapterRef & { tasks: TaskRef[] }>;
}

export interface UnitSummary extends UnitRef {
  leadCount: number;
  supportCount: number;
}

export interface UnitTaskEntry extends TaskRef {
  chapter: ChapterRef;
  /** Only the measures in which the unit has this role. */
  measures: MeasureView[];
}

export interface UnitView {
  doc: DocumentRef;
  unit: UnitSummary;
  led: UnitTaskEntry[];
  supported: UnitTaskEntry[];
}

function docRef(doc: Document): DocumentRef {
  return { id: doc.id, title: doc.title, source: doc.source, columns: doc.columns };
}

export function chapterLabel(chapter: Pick<Chapter, "numeral" | "title">): string {
  return `${chapter.numeral}、${chapter.title}`;
}

function chapterRef(chapter: Chapter): ChapterRef {
  return { number: chapter.number, label: chapterLabel(chapter) };
}

/** Items in document order with their chapter. */
function itemsWithChapter(doc: Document): Array<{ chapter: Chapter; item: Item }> {
  return doc.chapters.flatMap((chapter) => chapter.items.map((item) => ({ chapter, item })));
}

/** Looks up unit slugs by name; the ingest lists every unit a measure names in doc.units. */
function unitResolver(doc: Document): (name: string) => UnitRef {
  const slugs = new Map(doc.units.map((u) => [u.name, u.slug]));
  return (name) => {
    const slug = slugs.get(name);
    if (slug === undefined) throw new Error(`${doc.source}: unit "${name}" is missing from the document's units list`);
    return { name, slug };
  };
}

function uniqueUnits(lists: UnitRef[][]): UnitRef[] {
  const seen = new Map<string, UnitRef>();
  for (const unit of lists.flat()) if (!seen.has(unit.name)) seen.set(unit.name, unit);
  return [...seen.values()];
}

function measures(item: Item, unit: (name: string) => UnitRef): MeasureView[] {
  return item.local.map((m, i) => ({
    n: i + 1,
    text: m.text,
    lead: m.lead.map(unit),
    support: m.support.map(unit),
    lines: m.lines,
  }));
}

export function documentOverview(doc: Document): DocumentOverview {
  const all = itemsWithChapter(doc);
  return {
    doc: docRef(doc),
    titleLines: doc.title.split("\n"),
    datePrinted: doc.datePrinted,
    addressees: doc.preamble.addressees,
    paragraphs: doc.preamble.paragraphs,
    attachment: doc.preamble.attachment,
    listTitle: doc.listTitle,
    counts: {
      tasks: all.length,
      measures: all.reduce((sum, { item }) => sum + item.local.length, 0),
      units: doc.units.length,
    },
    chapters: doc.chapters.map((c) => ({
      ...chapterRef(c),
      tasks: c.items.map((i) => ({ number: i.number, title: i.title })),
    })),
  };
}

export function taskViews(doc: Document): TaskView[] {
  const unit = unitResolver(doc);
  const all = itemsWithChapter(doc);
  return all.map(({ chapter, item }, index) => {
    const ms = measures(item, unit);
    const ref = (i: number): TaskRef | undefined => {
      const other = all[i]?.item;
      return other && { number: other.number, title: other.title };
    };
    return {
      doc: docRef(doc),
      chapter: chapterRef(chapter),
      number: item.number,
      title: item.title,
      lines: item.lines,
      measures: ms,
      leadUnits: uniqueUnits(ms.map((m) => m.lead)),
      supportUnits: uniqueUnits(ms.map((m) => m.support)),
      previous: ref(index - 1),
      next: ref(index + 1),
    };
  });
}

export function unitSummaries(doc: Document): UnitSummary[] {
  return doc.units.map((u) => ({ name: u.name, slug: u.slug, leadCount: u.lead.length, supportCount: u.support.length }));
}

export function unitViews(doc: Document): UnitView[] {
  const resolve = unitResolver(doc);
  const all = itemsWithChapter(doc);
  const entries = (name: string, role: "lead" | "support"): UnitTaskEntry[] =>
    all.flatMap(({ chapter, item }) => {
      const mine = measures(item, resolve).filter((m) => m[role].some((u) => u.name === name));
      return mine.length === 0 ? [] : [{ number: item.number, title: item.title, chapter: chapterRef(chapter), measures: mine }];
    });
  return unitSummaries(doc).map((unit) => ({
    doc: docRef(doc),
    unit,
    led: entries(unit.name, "lead"),
    supported: entries(unit.name, "support"),
  }));
}
