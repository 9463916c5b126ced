// Download: the document model as JSON.
import type { APIRoute, GetStaticPaths } from "astro";
import { loadOwnLists, withCacheKeys } from "../../site/content.ts";
import { documentJson } from "../../site/downloads.ts";
import type { Document } from "../../model/schema.ts";

export const getStaticPaths = (async () =>
  withCacheKeys("list", (await loadOwnLists()).map((doc) => ({ params: { doc: doc.id }, props: { doc } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(documentJson((props as { doc: Document }).doc), { headers: { "Content-Type": "application/json; charset=utf-8" } });
