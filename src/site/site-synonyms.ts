// The site's synonym table as the pages read it: the file's text inlined by Vite (a `?raw` import, which plain Node
// cannot load, so this stays apart from src/site/synonyms.ts, which scripts/build.ts uses to check the file first).
import synonymsText from "./synonyms.json?raw";
import { parseSynonyms, SYNONYMS_FILE } from "./synonyms.ts";
import type { Synonyms } from "./search.ts";

let table: Synonyms | undefined;

/** Parsed once per build: the search page and the terms file both ask. */
export function siteSynonyms(): Synonyms {
  if (table) return table;
  const read = parseSynonyms(SYNONYMS_FILE, synonymsText);
  if (!read.ok) throw new Error(read.problems.join("\n"));
  return (table = read.synonyms);
}
