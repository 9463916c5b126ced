// The lists themselves as a library grows: the home page shows the newest few, one short row each, and an index
// shows every list, a page at a time, so neither page grows with the library (at a thousand lists the home page
// holding every list was 8 MB, 305 KB gzip). The figures chooser is that index with links to each list's figures.
import { hasSuperior } from "../model/labels.ts";
import type { Document } from "../model/schema.ts";
import type { Library } from "./library.ts";

/** Lists on the home page; with more, the rest are one link away (paths.lists()). Few, so a phone's home page
 * stays short under the three entries by kind of user. */
export const HOME_LISTS = 5;
/** Rows of the lists index a page. */
export const LISTS_PER_INDEX_PAGE = 100;

export interface ListRow {
  id: string;
  /** On one line: titles are printed over several. */
  title: string;
  datePrinted: string;
  /** The issuing government (六安市), empty when unknown. */
  government: string;
  tasks: number;
  measures: number;
  units: number;
  hasSuperior: boolean;
}

export interface ListIndexPage {
  page: number;
  pages: number;
  rows: ListRow[];
  /** Every page's first and last list, for the page links. */
  pageRanges: { page: number; first: string; last: string }[];
}

const oneLine = (title: string) => title.replace(/\s*\n\s*/g, "");

export function listRow(doc: Document): ListRow {
  const items = doc.chapters.flatMap((c) => c.items);
  return {
    id: doc.id,
    title: oneLine(doc.title),
    datePrinted: doc.datePrinted,
    government: doc.government.name,
    tasks: items.length,
    measures: items.reduce((sum, item) => sum + item.local.length, 0),
    units: doc.units.length,
    hasSuperior: hasSuperior(doc),
  };
}

/** The home page's lists: the newest HOME_LISTS of the library (newest first), and how many there are in all. */
export function homeLists(library: Pick<Library, "documents">): { shown: ListRow[]; total: number } {
  return { shown: library.documents.slice(0, HOME_LISTS).map(listRow), total: library.documents.length };
}

/** The lists index, newest first, LISTS_PER_INDEX_PAGE rows a page. */
export function listIndexPages(library: Pick<Library, "documents">): ListIndexPage[] {
  const rows = library.documents.map(listRow);
  const pages = Math.max(1, Math.ceil(rows.length / LISTS_PER_INDEX_PAGE));
  const slice = (p: number) => rows.slice((p - 1) * LISTS_PER_INDEX_PAGE, p * LISTS_PER_INDEX_PAGE);
  const pageRanges = Array.from({ length: pages }, (_, i) => ({ page: i + 1, first: slice(i + 1)[0]?.title ?? "", last: slice(i + 1).at(-1)?.title ?? "" }));
  return pageRanges.map(({ page }) => ({ page, pages, rows: slice(page), pageRanges }));
}
