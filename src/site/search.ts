// Search contract shared by the indexed pages, the search page and its script: filter names and choices.
import type { Document } from "../model/schema.ts";
import { chapterLabel } from "./view.ts";

/** Pagefind filters, in the order the search page shows them (data-pagefind-filter names). */
export const searchFilterKeys = ["chapter", "lead", "support", "document"] as const;
export type SearchFilterKey = (typeof searchFilterKeys)[number];

/** Page kinds, set as data-pagefind-meta="type:…" on indexed pages. */
export type SearchPageType = "task" | "unit";

/** Filters from URL parameters: only known keys with a non-empty value. */
export function filtersFromParams(params: URLSearchParams): Partial<Record<SearchFilterKey, string>> {
  const filters: Partial<Record<SearchFilterKey, string>> = {};
  for (const key of searchFilterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/**
 * The choices of each filter, computed at build time from the model (not from the index) so chapters keep
 * document order. Each value equals the text the task pages tag with data-pagefind-filter.
 */
export function searchFilterOptions(docs: Document[]): Record<SearchFilterKey, string[]> {
  const unique = (values: string[]) => [...new Set(values)];
  const units = (doc: Document, role: "lead" | "support") =>
    doc.units.filter((u) => u[role].length > 0).map((u) => u.name);
  return {
    chapter: unique(docs.flatMap((d) => d.chapters.map(chapterLabel))),
    lead: unique(docs.flatMap((d) => units(d, "lead"))),
    support: unique(docs.flatMap((d) => units(d, "support"))),
    document: unique(docs.map((d) => d.title)),
  };
}
