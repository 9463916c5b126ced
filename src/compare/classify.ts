// Classify an aligned row (identical, changed, added, omitted) and give a changed pair its inline diff.
import { diffArrays } from "diff";
import type { ComparisonRow, DiffPart } from "../model/comparison.ts";
import type { Alignment } from "./align.ts";
import { content, isNotation } from "./fold.ts";

/** Numbers are diffed whole (500 → 10, not 5→1 0 0→); spaces as one run; everything else character by character. */
const TOKEN = /[0-9０-９]+(?:[.．][0-9０-９]+)*|\s+|[\s\S]/gu;
const NUMBER = /^[0-9０-９]/;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart["kind"], text: string, mark?: DiffPart["mark"]) {
  const last = parts.at(-1);
  if (last && last.kind === kind && last.mark === mark) last.text += text;
  else parts.push(mark ? { kind, text, mark } : { kind, text });
}

/**
 * Superior → local diff in parts. A changed number is a part of its own marked "number"; an insertion or deletion
 * with no letter or digit is marked "punctuation" (full-width vs half-width comma, a space).
 */
export function diffParts(superior: string, local: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(tokens(superior), tokens(local))) {
    const kind = change.added ? "ins" : change.removed ? "del" : "same";
    if (kind === "same") {
      push(parts, kind, change.value.join(""));
      continue;
    }
    const text = change.value.join("");
    if (isNotation(text)) {
      push(parts, kind, text, "punctuation");
      continue;
    }
    // Numbers become parts of their own, so a changed number stands out from the words around it.
    let run = "";
    for (const token of change.value) {
      if (!NUMBER.test(token)) {
        run += token;
        continue;
      }
      if (run) push(parts, kind, run);
      run = "";
      push(parts, kind, token, "number");
    }
    if (run) push(parts, kind, run);
  }
  return parts;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function classify(alignment: Alignment): ComparisonRow {
  const { superior, local, similarity } = alignment;
  const row = { superior, local, similarity: similarity === null ? null : round(similarity) };
  if (!superior) return { kind: "added", ...row, diff: [] };
  if (!local) return { kind: "omitted", ...row, diff: [] };
  const diff = superior.text === local.text ? [] : diffParts(superior.text, local.text);
  return { kind: content(superior.text) === content(local.text) ? "identical" : "changed", ...row, diff };
}
