// A department's progress updates as an Atom feed (units/<slug>/progress.xml): built only for a department that
// leads a measure some report names (hasProgressUpdates: found without building every feed).
import type { APIRoute, GetStaticPaths } from "astro";
import { libraryPages, loadLibrary, withCacheKeys } from "../../../site/content.ts";
import { hasProgressUpdates, progressFeed, type FeedInput } from "../../../site/progress-feed.ts";
import type { Department, Library } from "../../../site/library.ts";
import { paths, withBase } from "../../../site/paths.ts";
import { strings } from "../../../site/strings.ts";

/** The department's lists that have reports, each with the names it has there. */
const reportedLists = (library: Library, department: Department): FeedInput["lists"] =>
  department.lists.map((l) => ({ doc: library.document(l.doc.id)!, names: new Set(l.names) })).filter((l) => l.doc.progress);

function feedOf(library: Library, department: Department): string | undefined {
  const site = import.meta.env.SITE;
  const base = import.meta.env.BASE_URL;
  const address = (path: string) => (site ? new URL(withBase(base, path), site).href : withBase(base, path));
  const lists = reportedLists(library, department);
  return progressFeed({ title: strings.progress.feedTitle(department.label), self: address(paths.unitProgressFeed(department.slug)), page: address(paths.unit(department.slug)), siteUrl: site, base, lists });
}

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  return withCacheKeys(
    "department",
    libraryPages(library.departments)
      .filter((d) => hasProgressUpdates(reportedLists(library, d)))
      .map((d) => ({ params: { slug: d.slug } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const library = await loadLibrary();
  const body = feedOf(library, library.department(params.slug!)!)!;
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
};
