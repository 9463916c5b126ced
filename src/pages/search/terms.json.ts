// The words the search page suggests when a query finds nothing (src/site/suggest.ts), fetched only then.
import type { APIRoute } from "astro";
import { loadDocuments } from "../../site/content.ts";
import { KINDS } from "../../extract/support-rules.ts";
import { suggestionTerms, type SearchTerms } from "../../site/suggest.ts";
import { siteSynonyms } from "../../site/site-synonyms.ts";

export const GET: APIRoute = async () => {
  const synonyms = siteSynonyms();
  const extra = [...KINDS.map((k) => k.label), ...Object.entries(synonyms).flat(2)];
  const body: SearchTerms = { terms: suggestionTerms(await loadDocuments(), extra) };
  return new Response(`${JSON.stringify(body)}\n`, { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
