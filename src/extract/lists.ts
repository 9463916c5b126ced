// Printed lists paired item by item: 对评估等级在3A、4A、5A级的企业，省级分别给予…50万元、100万元、150万元
// gives 3A ↔ 50万元, 4A ↔ 100万元, 5A级 ↔ 150万元. The word 分别 ("respectively") is what licenses the pairing.
import type { ListLabel } from "../model/figures.ts";
import type { Found } from "./quantities.ts";
import { sentenceAt } from "./text.ts";
import { CLAUSE_END, dimensionOf, LABEL_BACK_STOPS, LABEL_FORWARD_STOPS, LEVEL_WORD } from "./vocabulary.ts";

const MAX_LABEL = 12;

/** Runs of quantities printed as one list: only 、 between them, same dimension. */
export function listRuns(text: string, found: Found[]): Found[][] {
  const runs: Found[][] = [];
  for (const f of found) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && text.slice(last.outerEnd, f.outerStart).trim() === "、" && dimensionOf(last.unit) === dimensionOf(f.unit)) run.push(f);
    else runs.push([f]);
  }
  return runs;
}

const span = (text: string, start: number, end: number): ListLabel => ({ text: text.slice(start, end), start, end });

/** A quoted label loses its quotes: “小巨人” → 小巨人. */
function firstLabel(text: string, sep: number, floor: number): ListLabel | null {
  if (text[sep - 1] === "”") {
    const open = text.lastIndexOf("“", sep - 2);
    if (open >= floor && sep - 1 - (open + 1) > 0) return span(text, open + 1, sep - 1);
  }
  let i = sep;
  while (i > floor && sep - i < MAX_LABEL && !LABEL_BACK_STOPS.has(text[i - 1])) i--;
  return i < sep ? span(text, i, sep) : null;
}

function lastLabel(text: string, from: number, limit: number, levelList: boolean): ListLabel | null {
  if (text[from] === "“") {
    const close = text.indexOf("”", from + 1);
    if (close > from + 1 && close < limit) return span(text, from + 1, close);
  }
  if (levelList) {
    const level = LEVEL_WORD.exec(text.slice(from, limit));
    if (level) return span(text, from, from + level[0].length);
  }
  let i = from;
  while (i < limit && i - from < MAX_LABEL && !LABEL_FORWARD_STOPS.some((s) => text.startsWith(s, i))) i++;
  return i > from ? span(text, from, i) : null;
}

/** The labels of a run of n values, read from the n-item 、 list before 分别 in the same sentence. */
export function labelsFor(text: string, run: Found[]): ListLabel[] | null {
  const n = run.length;
  if (n < 2) return null;
  const [sentenceStart] = sentenceAt(text, run[0].start);
  const respectively = text.lastIndexOf("分别", run[0].outerStart);
  if (respectively < sentenceStart) return null;
  const seps: number[] = [];
  for (let i = sentenceStart; i < respectively; i++) if (text[i] === "、") seps.push(i);
  const chosen = seps.slice(-(n - 1));
  if (chosen.length !== n - 1) return null;
  // The items must form one list: no clause boundary inside it.
  if (CLAUSE_END.test(text.slice(chosen[0], chosen.at(-1)! + 1))) return null;
  const first = firstLabel(text, chosen[0], sentenceStart);
  if (!first) return null;
  const labels: ListLabel[] = [first];
  for (let k = 1; k < chosen.length; k++) {
    const a = chosen[k - 1] + 1;
    const b = chosen[k];
    const quoted = text[a] === "“" && text[b - 1] === "”";
    labels.push(quoted ? span(text, a + 1, b - 1) : span(text, a, b));
  }
  const levelList = LEVEL_WORD.exec(first.text)?.[0] === first.text;
  const last = lastLabel(text, chosen.at(-1)! + 1, respectively, levelList);
  if (!last) return null;
  labels.push(last);
  return labels.every((l) => l.text.trim() !== "") ? labels : null;
}

/** Sets `label` on every value of a printed list that 分别 pairs with a list of names. */
export function pairLists(text: string, found: Found[]): void {
  for (const run of listRuns(text, found)) {
    const labels = labelsFor(text, run);
    if (labels) run.forEach((f, i) => (f.label = labels[i]));
  }
}
