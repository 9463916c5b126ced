// The task pages' views, made a list at a time as its pages are rendered: Astro renders a route's pages in the
// order getStaticPaths gave them (a list's items one after another), so keeping the last list's views is enough,
// and the build never holds the views of every task of a shard at once.
import type { Document } from "../model/schema.ts";
import { taskComparisonViews, type TaskComparisonView } from "./comparison-view.ts";
import { loadDocuments, loadLibraryOfSources } from "./content.ts";
import { taskHighlights, type TaskHighlights } from "./highlight.ts";
import { taskViews, type TaskView } from "./view.ts";
import { measureProgress, type MeasureProgress } from "./progress.ts";

export interface ListViews {
  views: Map<number, TaskView>;
  highlights: Map<number, TaskHighlights>;
  comparisons: Map<number, TaskComparisonView>;
  /** Each task's measures with reports (none for a list without them). */
  progress: Map<number, MeasureProgress[]>;
}

let last: { doc: Document; views: ListViews } | undefined;

/** The views of every task of the list `docId`, by item number. */
export async function listViews(docId: string): Promise<ListViews> {
  const doc = (await loadDocuments()).find((d) => d.id === docId);
  if (!doc) throw new Error(`task pages: no list "${docId}" in this build`);
  if (last?.doc === doc) return last.views;
  // Other lists' units (their slugs and names) from the library index: a list shard holds only its own lists.
  const library = await loadLibraryOfSources();
  const views: ListViews = {
    views: new Map(taskViews(doc, library).map((v) => [v.number, v])),
    highlights: taskHighlights(doc),
    comparisons: taskComparisonViews(doc),
    progress: measureProgress(doc),
  };
  last = { doc, views };
  return views;
}
