// The library: every list at once. One department per canonical name across lists (市经济和信息化局 and 市经信局 are
// one), its page grouped by list, newest first, with what falls due; and the index of departments. Pure: the pages
// lay these out.
import { slugify } from "../ingest/slug.ts";
import { otherNames } from "../ingest/unit-folding.ts";
import type { Document, DueDate, Item } from "../model/schema.ts";
import { chapterLabel, documentLabels, taskTitle, type DocumentLabels } from "./view.ts";

export interface DocumentBrief {
  id: string;
  title: string;
  /** The source file's name: two lists may share a title. */
  source: string;
  date: string;
  datePrinted: string;
}

export interface Department {
  canonical: string;
  slug: string;
  /** The names the lists print for it, in the order first seen (newest list first). */
  names: string[];
  /** The names the alias table knows for it that no list prints (so search finds it by them too). */
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
export type LibrarySource = Pick<Document, "id" | "title" | "source" | "date" | "datePrinted" | "units">;

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
  /** Every name of the department but its canonical one: other lists' spellings, the alias table's full names. */
  namesOf(slug: string): string[];
}

const brief = (d: LibrarySource): DocumentBrief => ({ id: d.id, title: d.title, source: d.source, date: d.date, datePrinted: d.datePrinted });

/** Newest first; undated lists last; ties by id, so the order is the same on every build. */
export function byNewest(a: Pick<Document, "date" | "id">, b: Pick<Document, "date" | "id">): number {
  if (a.date !== b.date) return a.date === "" ? 1 : b.date === "" ? -1 : b.date.localeCompare(a.date);
  return a.id.localeCompare(b.id);
}

export function buildLibrary<D extends LibrarySource>(all: readonly D[]): Library<D> {
  const documents = [...all].sort(byNewest);
  const byCanonical = new Map<string, { slug: string; lists: Department["lists"] }>();
  for (const doc of documents) {
    const here = new Map<string, Department["lists"][number]>();
    for (const u of doc.units) {
      let entry = byCanonical.get(u.canonical);
      if (!entry) byCanonical.set(u.canonical, (entry = { slug: slugify(u.canonical), lists: [] }));
      let list = here.get(u.canonical);
      if (!list) {
        here.set(u.canonical, (list = { doc: brief(doc), names: [], lead: [], support: [] }));
        entry.lists.push(list);
      }
      list.names.push(u.name);
      list.lead = [...new Set([...list.lead, ...u.lead])].sort((a, b) => a - b);
      list.support = [...new Set([...list.support, ...u.support])].sort((a, b) => a - b);
    }
  }
  // Two departments whose names read the same in pinyin: -2, -3 in the order of their names, whatever the lists.
  const canonicals = [...byCanonical.keys()].sort();
  const taken = new Map<string, number>();
  const slugs = new Map<string, string>();
  for (const c of canonicals) {
    const base = byCanonical.get(c)!.slug;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    slugs.set(c, n === 1 ? base : `${base}-${n}`);
  }
  const departments: Department[] = canonicals
    .map((canonical) => {
      const { lists } = byCanonical.get(canonical)!;
      const names = [...new Set(lists.flatMap((l) => l.names))];
      return {
        canonical,
        slug: slugs.get(canonical)!,
        names,
        otherNames: otherNames(canonical).filter((n) => !names.includes(n)),
        lists,
        leadCount: lists.reduce((n, l) => n + l.lead.length, 0),
        supportCount: lists.reduce((n, l) => n + l.support.length, 0),
      };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
  const canonicalOf = new Map(documents.map((d) => [d.id, new Map(d.units.map((u) => [u.name, u.canonical]))]));
  const bySlug = new Map(departments.map((d) => [d.slug, d]));
  const byId = new Map(documents.map((d) => [d.id, d]));
  return {
    documents,
    departments,
    slugOf(docId, printed) {
      const canonical = canonicalOf.get(docId)?.get(printed);
      const slug = canonical === undefined ? undefined : slugs.get(canonical);
      if (slug === undefined) throw new Error(`${docId}: unit "${printed}" is missing from the document's units list`);
      return slug;
    },
    department: (slug) => bySlug.get(slug),
    document: (id) => byId.get(id),
    namesOf(slug) {
      const d = bySlug.get(slug);
      return d ? [...new Set([d.canonical, ...d.names, ...d.otherNames])] : [];
    },
  };
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
  lead: string[];
  support: string[];
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
      lead: m.lead,
      support: [...m.responsible, ...m.support],
    }];
  });
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
  canonical: string;
  slug: string;
  names: string[];
  leadCount: number;
  supportCount: number;
  listCount: number;
  listIds: string[];
}

export function departmentRows(library: Library): DepartmentRow[] {
  return library.departments.map((d) => ({
    canonical: d.canonical,
    slug: d.slug,
    names: d.names.filter((n) => n !== d.canonical),
    leadCount: d.leadCount,
    supportCount: d.supportCount,
    listCount: d.lists.length,
    listIds: d.lists.map((l) => l.doc.id),
  }));
}
