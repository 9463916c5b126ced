// Download: every quantity of a document as CSV, one row per quantity (UTF-8 with BOM for Excel).
import type { APIRoute, GetStaticPaths } from "astro";
import { loadOwnLists, withCacheKeys } from "../../site/content.ts";
import { quantitiesCsv } from "../../render/quantities-csv.ts";
import type { Document } from "../../model/schema.ts";

export const getStaticPaths = (async () =>
  withCacheKeys("list", (await loadOwnLists()).map((doc) => ({ params: { doc: doc.id }, props: { doc } })))) satisfies GetStaticPaths;

// Bytes rather than a string, so the BOM reaches the file exactly as encoded.
export const GET: APIRoute = ({ props }) =>
  new Response(new TextEncoder().encode(quantitiesCsv((props as { doc: Document }).doc)), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
