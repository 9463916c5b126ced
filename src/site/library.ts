// The library: every list at once. One department per government and canonical name across that government's lists
// (六安's 市经济和信息化局 and 市经信局 are one; 云岭's 市经信局 is another), its page grouped by list, newest first, with
// what falls due; and the index of departments. Pure: the pages lay these out.
import { departmentKey, departmentLabel, departmentSlug, governmentLevel } from "../ingest/government.ts";
import { otherNames } from "../ingest/unit-folding.ts";
import type { Document, DueDate, Item } from "../model/schema.ts";
import { isOverdue, latestEntry } from "../progress/attach.ts";
import { chapterLabel, documentLabels, taskTitle, type DocumentLabels } from "./view.ts";

export interface DocumentBrief {
  id: string;
  title: string;
  /** The source file's name: two lists may share a title. */
  source: string;
  date: string;
  datePrinted: string;
  /** The issuing government (六安市), empty when unknown. */
  government: string;
}

export interface Department {
  /** The issuing government of the lists that name it (六安市); empty when the library's one list does not say. */
  government: string;
  canonical: string;
  /** How pages name it: 六安市 · 市经信局. */
  label: string;
  slug: string;
  /** The names the lists print for it, in the order first seen (newest list first). */
  names: string[];
  /**
   * Names no list prints that search should find it by: the alias table's (市经济和信息化局) and the full names with
   * the government's place (六安市经信局). Never shown as its names.
   */
  otherNames: string[];
  /** The lists that name it, newest first. */
  lists: Array<{ doc: DocumentBrief; names: string[]; lead: number[]; support: number[] }>;
  leadCount: number;
  supportCount: number;
}

/**
 * What the library needs of a list: its identity and its units. A whole Document is one; so is an entry of the
 * library index a list shard reads for the lists it does not hold (src/site/content.ts), which gives the same slugs
 * and names.
 */
export type LibrarySource = Pick<Document, "id" | "title" | "source" | "date" | "datePrinted" | "government" | "units"> & {
  /** The library index's word for whether the list has progress reports (a whole Document has them, or not). */
  reported?: boolean;
  progress?: Document["progress"];
};

/** Whether a list of the library has progress reports: its 落实情况 page and the header's link exist. */
export function isReported(source: LibrarySource): boolean {
  return source.reported ?? source.progress !== undefined;
}

/** A list as the library index holds it (a few kilobytes instead of a whole model): the same for either. */
export function briefSource(source: LibrarySource): LibrarySource {
  const { id, title, source: file, date, datePrinted, government, units } = source;
  return { id, title, source: file, date, datePrinted, government, units, reported: isReported(source) };
}

export interface Library<D extends LibrarySource = Document> {
  /** Newest first (date, then id). */
  documents: D[];
  /** By slug. */
  departments: Department[];
  /** The department page's slug of a unit as one list prints it. */
  slugOf(docId: string, printed: string): string;
  department(slug: string): Department | undefined;
  /** A list of the library by its id. */
  document(id: string): D | undefined;
  /** The names the lists print for the department (its canonical one first). */
  namesOf(slug: string): string[];
  /** The names search finds it by that no list prints (the alias table's, the full names with the place). */
  searchNamesOf(slug: string): string[];
  /** How pages name it: 六安市 · 市经信局. */
  labelOf(slug: string): string;
}

const brief = (d: LibrarySource): DocumentBrief => ({ id: d.id, title: d.title, source: d.source, date: d.date, datePrinted: d.datePrinted, government: d.government.name });

/** Newest first; undated lists last; ties by id, so the order is the same on every build. */
export function byNewest(a: Pick<Document, "date" | "id">, b: Pick<Document, "date" | "id">): number {
  if (a.date !== b.date) return a.date === "" ? 1 : b.date === "" ? -1 : b.date.localeCompare(a.date);
  return a.id.localeCompare(b.id);
}

export function buildLibrary<D extends LibrarySource>(all: readonly D[]): Library<D> {
  const documents = [...all].sort(byNewest);
  // A department is a government's: the key is the government and the name its lists give it.
  const keyOf = (doc: LibrarySource, canonical: string) => departmentKey(doc.government.name, canonical);
  const byKey = new Map<string, { government: string; canonical: string; slug: string; lists: Department["lists"] }>();
  for (const doc of documents) {
    const here = new Map<string, Department["lists"][number]>();
    for (const u of doc.units) {
      const key = keyOf(doc, u.canonical);
      let entry = byKey.get(key);
      if (!entry) {
        const government = doc.government.name;
        byKey.set(key, (entry = { government, canonical: u.canonical, slug: departmentSlug(government, u.canonical), lists: [] }));
      }
      let list = here.get(key);
      if (!list) {
        here.set(key, (list = { doc: brief(doc), names: [], lead: [], support: [] }));
        entry.lists.push(list);
      }
      list.names.push(u.name);
      list.lead = [...new Set([...list.lead, ...u.lead])].sort((a, b) => a - b);
      list.support = [...new Set([...list.support, ...u.support])].sort((a, b) => a - b);
    }
  }
  // Two departments whose names read the same in pinyin: -2, -3 in the order of their keys, whatever the lists.
  const keys = [...byKey.keys()].sort();
  const taken = new Map<string, number>();
  const slugs = new Map<string, string>();
  for (const k of keys) {
    const base = byKey.get(k)!.slug;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    slugs.set(k, n === 1 ? base : `${base}-${n}`);
  }
  const departments: Department[] = keys
    .map((key) => {
      const { government, canonical, lists } = byKey.get(key)!;
      const names = [...new Set(lists.flatMap((l) => l.names))];
      return {
        government,
        canonical,
        label: departmentLabel(government, canonical),
        slug: slugs.get(key)!,
        names,
        otherNames: searchNames(government, canonical).filter((n) => !names.includes(n)),
        lists,
        leadCount: lists.reduce((n, l) => n + l.lead.length, 0),
        supportCount: lists.reduce((n, l) => n + l.support.length, 0),
      };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
  const keyOfPrinted = new Map(documents.map((d) => [d.id, new Map(d.units.map((u) => [u.name, keyOf(d, u.canonical)]))]));
  const bySlug = new Map(departments.map((d) => [d.slug, d]));
  const byId = new Map(documents.map((d) => [d.id, d]));
  return {
    documents,
    departments,
    slugOf(docId, printed) {
      const key = keyOfPrinted.get(docId)?.get(printed);
      const slug = key === undefined ? undefined : slugs.get(key);
      if (slug === undefined) throw new Error(`${docId}: unit "${printed}" is missing from the document's units list`);
      return slug;
    },
    department: (slug) => bySlug.get(slug),
    document: (id) => byId.get(id),
    namesOf(slug) {
      const d = bySlug.get(slug);
      return d ? [...new Set([d.canonical, ...d.names])] : [];
    },
    searchNamesOf: (slug) => bySlug.get(slug)?.otherNames ?? [],
    labelOf: (slug) => bySlug.get(slug)?.label ?? "",
  };
}

/** The alias table's names of a department, and each with the government's place in full (市经信局 → 六安市经信局). */
function searchNames(government: string, canonical: string): string[] {
  const short = [canonical, ...otherNames(canonical)];
  const level = governmentLevel(government);
  const full = government ? short.filter((n) => n.startsWith(level)).map((n) => government + n.slice(1)) : [];
  return [...new Set([...short.slice(1), ...full])];
}

/** How many lists one page of a department shows: a department named in every list of a province stays a light page. */
export const LISTS_PER_PAGE = 12;

export interface DepartmentMeasure {
  n: number;
  text: string;
  lead: string[];
  support: string[];
  deadline?: string;
}

export interface DepartmentTask {
  number: number;
  title: string;
  chapter: string;
  role: "lead" | "support";
  measures: DepartmentMeasure[];
}

export interface DepartmentList {
  doc: DocumentBrief;
  labels: DocumentLabels;
  names: string[];
  led: DepartmentTask[];
  supported: DepartmentTask[];
}

export interface DueEntry {
  /** ISO date. */
  date: string;
  printed: string;
  source: DueDate["source"];
  role: "lead" | "support";
  doc: DocumentBrief;
  task: number;
  title: string;
  /** 1-based number of the measure within its task. */
  n: number;
  /** The measure's opening words (empty when the task has no printed title: its title already is them), and its whole text. */
  measure: string;
  text: string;
  /** Where a date read from the text starts in it. */
  start?: number;
  lead: string[];
  support: string[];
  /** Past at the list's newest progress report and not done (超期): the calendars mark it. */
  overdue?: true;
}

export interface DepartmentPage {
  department: Department;
  page: number;
  pages: number;
  lists: DepartmentList[];
  /** Every dated deadline of the measures it is named in, across all lists, by date (on the first page only). */
  due: DueEntry[];
  /** The lists on the other pages, for the pager. */
  pageLists: Array<{ page: number; docs: DocumentBrief[] }>;
}

const opening = (text: string) => {
  const chars = [...text.split("\n")[0]];
  return chars.length > 40 ? chars.slice(0, 40).join("") + "…" : chars.join("");
};

/** The measures of a task in which the department is named in the role, with their deadlines. */
function tasksOf(doc: Document, names: Set<string>, role: "lead" | "support"): DepartmentTask[] {
  const out: DepartmentTask[] = [];
  for (const chapter of doc.chapters)
    for (const item of chapter.items) {
      const measures = item.local
        .map((m, i) => ({ m, i }))
        .filter(({ m }) => (role === "lead" ? m.lead : [...m.support, ...m.responsible]).some((u) => names.has(u)))
        .map(({ m, i }) => ({ n: i + 1, text: m.text, lead: m.lead, support: [...m.responsible, ...m.support], ...(m.deadline ? { deadline: m.deadline.printed } : {}) }));
      if (measures.length) out.push({ number: item.number, title: taskTitle(item), chapter: chapterLabel(chapter), role, measures });
    }
  return out;
}

/** Every dated deadline of the measures that name one of `names` (all of them when `names` is undefined). */
export function dueOf(doc: Document, names?: Set<string>): DueEntry[] {
  const items = new Map<number, Item>(doc.chapters.flatMap((c) => c.items.map((i) => [i.number, i] as const)));
  return doc.dueDates.flatMap((d) => {
    const item = items.get(d.task);
    const m = item?.local[d.measure];
    if (!item || !m || d.kind !== "date" || !d.last) return [];
    const named = (u: string) => names === undefined || names.has(u);
    const role = m.lead.some(named) ? "lead" : [...m.support, ...m.responsible].some(named) ? "support" : undefined;
    if (!role) return [];
    const { entry, asOf } = latestEntry(doc.progress, d.task, d.measure);
    const overdue = asOf !== undefined && isOverdue(d.last, asOf, entry?.status ?? "unknown");
    return [{
      date: d.last,
      printed: d.printed,
      source: d.source,
      role,
      doc: brief(doc),
      task: item.number,
      title: taskTitle(item),
      n: d.measure + 1,
      measure: item.title === "" ? "" : opening(m.text),
      text: m.text,
      ...(d.start !== undefined ? { start: d.start } : {}),
      lead: m.lead,
      support: [...m.responsible, ...m.support],
      ...(overdue ? { overdue: true as const } : {}),
    }];
  });
}

/** A row of a 到期 table: one measure and one date, however many phrases name that date. */
export interface DueRow {
  date: string;
  /** Each phrase naming the date, as printed, and whether it is the measure's text's (else the deadline column's). */
  printed: Array<{ text: string; fromText: boolean }>;
  role: DueEntry["role"];
  doc: DocumentBrief;
  task: number;
  title: string;
  n: number;
  /** The sentence of the measure that holds the date; for a deadline column's date, the measure's opening words. */
  excerpt: string;
}

/** The sentence of `text` around `offset`, with its closing mark, as printed. */
export function sentenceAt(text: string, offset: number): string {
  const stops = /[。；！？\n]/g;
  let begin = 0;
  let end = text.length;
  for (const m of text.matchAll(stops)) {
    if (m.index < offset) begin = m.index + 1;
    else {
      end = m.index + (m[0] === "\n" ? 0 : 1);
      break;
    }
  }
  return text.slice(begin, end).trim();
}

/** The entries (in date order) as table rows: one per list, task, measure and date, in the same order. */
export function dueRows(due: readonly DueEntry[]): DueRow[] {
  const rows = new Map<string, DueRow>();
  for (const e of due) {
    const key = `${e.doc.id}\u0000${e.task}\u0000${e.n}\u0000${e.date}`;
    const fromText = e.source === "text";
    const excerpt = fromText && e.start !== undefined ? sentenceAt(e.text, e.start) : e.measure || opening(e.text);
    const row = rows.get(key);
    if (!row) rows.set(key, { date: e.date, printed: [{ text: e.printed, fromText }], role: e.role, doc: e.doc, task: e.task, title: e.title, n: e.n, excerpt });
    else {
      if (!row.printed.some((p) => p.text === e.printed && p.fromText === fromText)) row.printed.push({ text: e.printed, fromText });
      // The sentence that names the date says more than the opening words a column's date falls back on.
      if (fromText && !row.printed[0]!.fromText) row.excerpt = excerpt;
    }
  }
  return [...rows.values()];
}

/** Rows whose date is `today` or later (coming), and those before it (past), each in date order. */
export function splitDue(rows: readonly DueRow[], today: string): { coming: DueRow[]; past: DueRow[] } {
  return { coming: rows.filter((r) => r.date >= today), past: rows.filter((r) => r.date < today) };
}

/** How many pages the department's lists take (at least one). */
export function departmentPageCount(department: Department): number {
  return Math.max(1, Math.ceil(department.lists.length / LISTS_PER_PAGE));
}

/** Every dated deadline of the department's measures across its lists, by date (page 1's 到期 table, its feed). */
export function departmentDue(library: Library, department: Department): DueEntry[] {
  return department.lists
    .flatMap((l) => dueOf(library.document(l.doc.id)!, new Set(l.names)))
    .sort((a, b) => a.date.localeCompare(b.date) || byNewest(a.doc, b.doc) || a.task - b.task);
}

/** Whether the department has any dated deadline (its feed exists): the first list with one answers. */
export function departmentHasDue(library: Library, department: Department): boolean {
  return department.lists.some((l) => dueOf(library.document(l.doc.id)!, new Set(l.names)).length > 0);
}

/**
 * One page of a department's page across lists: that page's lists only (and on page 1 what falls due), so a page
 * is computed when it is rendered and a build never holds every department's every list at once.
 */
export function departmentPage(library: Library, department: Department, page: number): DepartmentPage {
  const pages = departmentPageCount(department);
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new Error(`${department.slug}: no page ${page} of ${pages}`);
  const lists: DepartmentList[] = department.lists.slice((page - 1) * LISTS_PER_PAGE, page * LISTS_PER_PAGE).map((l) => {
    const doc = library.document(l.doc.id)!;
    const names = new Set(l.names);
    return { doc: l.doc, labels: documentLabels(doc), names: l.names, led: tasksOf(doc, names, "lead"), supported: tasksOf(doc, names, "support") };
  });
  const pageLists = Array.from({ length: pages }, (_, p) => ({ page: p + 1, docs: department.lists.slice(p * LISTS_PER_PAGE, (p + 1) * LISTS_PER_PAGE).map((l) => l.doc) }));
  return { department, page, pages, lists, due: page === 1 ? departmentDue(library, department) : [], pageLists };
}

/** Every page of a department's page across lists (tests; the site renders them one at a time). */
export function departmentPages(library: Library, department: Department): DepartmentPage[] {
  return Array.from({ length: departmentPageCount(department) }, (_, i) => departmentPage(library, department, i + 1));
}

/** The units index: each department once, with its totals and the lists that name it (for the list filter). */
export interface DepartmentRow {
  government: string;
  canonical: string;
  label: string;
  slug: string;
  names: string[];
  leadCount: number;
  supportCount: number;
  listCount: number;
  listIds: string[];
}

export function departmentRows(library: Library): DepartmentRow[] {
  return library.departments.map((d) => ({
    government: d.government,
    canonical: d.canonical,
    label: d.label,
    slug: d.slug,
    names: d.names.filter((n) => n !== d.canonical),
    leadCount: d.leadCount,
    supportCount: d.supportCount,
    listCount: d.lists.length,
    listIds: d.lists.map((l) => l.doc.id),
  }));
}
