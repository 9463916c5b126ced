// The search page's synonym table (src/site/synonyms.json, which the web team extends): a query word also finds
// the words the table gives it. The table is checked before the site is built (scripts/build.ts), a mistake
// reported at its line; the search page carries it as data (src/site/search.ts matches with it).
// Expansion is one way on purpose: 奖补 is 奖励 and 补助 together, so 奖补 finds both, but 奖励 is not every 补助.
import { z } from "zod";
import { parseCompanion } from "../model/companion.ts";
import { foldText, type Synonyms } from "./search.ts";

export const SYNONYMS_FILE = "src/site/synonyms.json";
const SHAPE = '{ "synonyms": { "奖补": ["奖励", "补助"] } }';

const word = z
  .string()
  .trim()
  .min(1, "a word is empty")
  .max(24, "a word is longer than 24 characters");

export const SynonymTable = z
  .object({
    $comment: z.string().optional(),
    synonyms: z.record(word, z.array(word).min(1, "a word needs at least one synonym").max(12, "at most 12 synonyms per word")),
  })
  .strict();

/** The table from its file's text: folded, or the problems as `FILE:LINE: message`. */
export function parseSynonyms(file: string, text: string): { ok: true; synonyms: Synonyms } | { ok: false; problems: string[] } {
  const read = parseCompanion(file, text, SynonymTable, SHAPE);
  if (!read.ok) return { ok: false, problems: read.problems.map((p) => `${p.file}:${p.line}: ${p.message}`) };
  const synonyms: Synonyms = {};
  for (const [key, words] of Object.entries(read.value.synonyms)) {
    const folded = foldText(key).text;
    const others = words.map((w) => foldText(w).text).filter((w) => w !== folded);
    synonyms[folded] = [...new Set([...(synonyms[folded] ?? []), ...others])];
  }
  return { ok: true, synonyms };
}
