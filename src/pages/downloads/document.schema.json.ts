// Download: the JSON Schema of a document, generated from the zod model (the one source of truth).
import type { APIRoute } from "astro";
import { documentJsonSchema } from "../../site/downloads.ts";

export const GET: APIRoute = () =>
  new Response(documentJsonSchema(), { headers: { "Content-Type": "application/schema+json; charset=utf-8" } });
