// How much of the local text is copied word for word from the superior text.
import type { ComparisonRow, CopiedShare } from "../model/comparison.ts";
import { content, visibleLength } from "./fold.ts";

/**
 * A common run shorter than this many letters and digits is coincidence, not copying: a character diff of two
 * unrelated clauses still finds a shared 的 or 企业. Four characters is a short Chinese phrase (专项资金).
 */
export const MIN_COPIED_RUN = 4;

/** Local characters of a row that are copied: all of an identical row, the long common runs of a changed one. */
export function copiedCharacters(row: ComparisonRow): number {
  if (!row.local) return 0;
  if (row.kind === "identical") return visibleLength(row.local.text);
  if (row.kind !== "changed") return 0;
  let copied = 0;
  for (const part of row.diff) if (part.kind === "same" && content(part.text).length >= MIN_COPIED_RUN) copied += visibleLength(part.text);
  return copied;
}

export function copiedShare(localCharacters: number, copied: number): CopiedShare {
  return {
    localCharacters,
    copiedCharacters: copied,
    share: localCharacters === 0 ? 0 : Math.round((copied / localCharacters) * 10000) / 10000,
  };
}

/** The share of a task: `localTexts` are its local measures, `rows` their comparison. */
export function taskShare(rows: readonly ComparisonRow[], localTexts: readonly string[]): CopiedShare {
  const total = localTexts.reduce((n, text) => n + visibleLength(text), 0);
  return copiedShare(total, rows.reduce((n, row) => n + copiedCharacters(row), 0));
}

/** The share over several tasks: copied characters over local characters, not a mean of the tasks' shares. */
export function overallShare(shares: readonly CopiedShare[]): CopiedShare {
  return copiedShare(
    shares.reduce((n, s) => n + s.localCharacters, 0),
    shares.reduce((n, s) => n + s.copiedCharacters, 0),
  );
}
