// URL paths of every page and download, in one place, so links and routes cannot drift apart.
// Paths are relative to the site's base; `withBase` adds the base (BASE_PATH) for links.

/** Element ids the paths above point into. */
export const anchors = {
  document: (docId: string) => `doc-${docId}`,
  chapter: (docId: string, chapter: number) => `doc-${docId}-ch-${chapter}`,
  units: (docId: string) => `units-${docId}`,
  /** The comparison view on a task page. */
  comparison: () => "comparison",
  /** A quantity's row in the figures page's table (task pages link their highlighted numbers here). */
  quantity: (quantityId: string) => `q-${quantityId}`,
  /** A kind of benefit's group on the support finder. */
  supportKind: (kindId: string) => `kind-${kindId}`,
} as const;

/**
 * The site's own top-level folders: a list's pages live under its id (paths.document), so no list may be named
 * like one of these (the ingest refuses such a file name).
 */
export const SITE_FOLDERS = ["units", "lists", "plans", "progress", "figures", "support", "search", "downloads", "pagefind", "_astro", "404"] as const;

export const paths = {
  home: () => "",
  /** A list's own page: its cover letter, task index and downloads (the newest lists are on the home page too). */
  document: (docId: string) => `${docId}/`,
  /** A chapter's place in its list's task index. */
  chapter: (docId: string, chapter: number) => `${docId}/#${anchors.chapter(docId, chapter)}`,
  /** Every list, newest first, a page of them at a time. */
  lists: (page = 1) => (page === 1 ? "lists/" : `lists/${page}/`),
  task: (docId: string, item: number) => `${docId}/tasks/${item}/`,
  /** Plans: lists that implement one superior document; a plan's page, its superior measures, its matrix. */
  plans: () => "plans/",
  plan: (planId: string) => `plans/${planId}/`,
  planMeasure: (planId: string, n: number, page = 1) => (page === 1 ? `plans/${planId}/measures/${n}/` : `plans/${planId}/measures/${n}/${page}/`),
  planCoverage: (planId: string, page = 1) => (page === 1 ? `plans/${planId}/coverage/` : `plans/${planId}/coverage/${page}/`),
  /** 落实情况: every list's progress (督查), and one list's. */
  progressAll: () => "progress/",
  listProgress: (docId: string) => `${docId}/progress/`,
  /** An Atom feed of a department's progress updates. */
  unitProgressFeed: (slug: string) => `units/${slug}/progress.xml`,
  unitsIndex: () => "units/",
  /** The units index filtered to one list. */
  unitsOf: (docId: string) => `units/?list=${encodeURIComponent(docId)}`,
  /** A department's page across every list (page 1), and its further pages of older lists. */
  unit: (slug: string) => `units/${slug}/`,
  unitPage: (slug: string, page: number) => (page === 1 ? `units/${slug}/` : `units/${slug}/${page}/`),
  /** iCalendar feeds (RFC 5545): one department's deadlines, and everyone's. */
  unitCalendar: (slug: string) => `units/${slug}/calendar.ics`,
  calendar: () => "calendar.ics",
  search: () => "search/",
  /** The words the search page suggests when a query finds nothing (read only then). */
  searchTerms: () => "search/terms.json",
  /** 上下对照: the copied share by task. */
  comparison: (docId: string) => `${docId}/comparison/`,
  /** A task page opened on its comparison view. */
  taskComparison: (docId: string, item: number) => `${docId}/tasks/${item}/#${anchors.comparison()}`,
  json: (docId: string) => `downloads/${docId}.json`,
  csv: (docId: string) => `downloads/${docId}.csv`,
  schema: () => "downloads/document.schema.json",
  /** 目标与指标 with several lists: the lists index as a chooser, each row linking to its figures page. */
  figuresIndex: (page = 1) => (page === 1 ? "figures/" : `figures/${page}/`),
  /** 目标与指标: the charts and every quantity of a document. */
  figures: (docId: string) => `${docId}/figures/`,
  quantity: (docId: string, quantityId: string) => `${docId}/figures/#${anchors.quantity(quantityId)}`,
  /** 政策找寻 over every list (the newest lists' cards), and a document's own finder. */
  supportAll: () => "support/",
  /** 政策找寻: the support finder of a document. */
  support: (docId: string) => `${docId}/support/`,
  quantitiesCsv: (docId: string) => `downloads/${docId}.quantities.csv`,
  /** A list's progress reports, one row per report per measure (only for a list with reports). */
  progressCsv: (docId: string) => `downloads/${docId}.progress.csv`,
  pagefind: () => "pagefind/pagefind.js",
  /** The folder of this site's Pagefind bundle (its first part, when the index is in parts). */
  pagefindBundle: () => "pagefind/",
} as const;

/** Joins the base ("/" or "/zjtx/") and a base-relative path. */
export function withBase(base: string, path: string): string {
  const head = base.endsWith("/") ? base : `${base}/`;
  return head + path.replace(/^\/+/, "");
}
