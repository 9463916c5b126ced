// Download: a list's progress reports as CSV, one row per report per measure; only for a list with reports.
import type { APIRoute, GetStaticPaths } from "astro";
import { loadOwnLists, withCacheKeys } from "../../site/content.ts";
import { progressCsv } from "../../render/progress-csv.ts";
import type { Document } from "../../model/schema.ts";

export const getStaticPaths = (async () =>
  withCacheKeys("list", (await loadOwnLists()).filter((doc) => doc.progress).map((doc) => ({ params: { doc: doc.id }, props: { doc } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(new TextEncoder().encode(progressCsv((props as { doc: Document }).doc)), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
