// The lists themselves as a library grows: the home page shows the newest few in full, and an index shows every
// list, a page at a time, so neither page grows with the library (at a thousand lists the home page holding
// every list was 8 MB, 305 KB gzip).
import type { Document } from "../model/schema.ts";
import type { Library } from "./library.ts";

/** Lists shown in full on the home page; with more, the rest are one link away (paths.lists()). */
export const HOME_LISTS = 10;
/** Rows of the lists index a page. */
export const LISTS_PER_INDEX_PAGE = 100;

export interface ListRow {
  id: string;
  /** On one line: titles are printed over several. */
  title: string;
  datePrinted: string;
  source: string;
  tasks: number;
  units: number;
}

export interface ListIndexPage {
  page: number;
  pages: number;
  rows: ListRow[];
  /** Every page's first and last list, for the page links. */
  pageRanges: { page: number; first: string; last: string }[];
}

const oneLine = (title: string) => title.replace(/\s*\n\s*/g, "");

/** The home page's lists: the newest HOME_LISTS of the library (newest first), and how many there are in all. */
export function homeLists(library: Pick<Library, "documents">): { shown: Document[]; total: number } {
  return { shown: library.documents.slice(0, HOME_LISTS), total: library.documents.length };
}

/** The lists index, newest first, LISTS_PER_INDEX_PAGE rows a page. */
export function listIndexPages(library: Pick<Library, "documents">): ListIndexPage[] {
  const rows: ListRow[] = library.documents.map((doc) => ({
    id: doc.id,
    title: oneLine(doc.title),
    datePrinted: doc.datePrinted,
    source: doc.source,
    tasks: doc.chapters.reduce((sum, c) => sum + c.items.length, 0),
    units: doc.units.length,
  }));
  const pages = Math.max(1, Math.ceil(rows.length / LISTS_PER_INDEX_PAGE));
  const slice = (p: number) => rows.slice((p - 1) * LISTS_PER_INDEX_PAGE, p * LISTS_PER_INDEX_PAGE);
  const pageRanges = Array.from({ length: pages }, (_, i) => ({ page: i + 1, first: slice(i + 1)[0]?.title ?? "", last: slice(i + 1).at(-1)?.title ?? "" }));
  return pageRanges.map(({ page }) => ({ page, pages, rows: slice(page), pageRanges }));
}
