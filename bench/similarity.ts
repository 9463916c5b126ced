// Measures the two candidate similarities on the bundled document against the hand-made pairs in
// test/compare/gold.ts: errors of the sentence matcher at each threshold, the range of thresholds with the
// fewest errors, and the time of a whole-document alignment.
//   npm exec -- node bench/similarity.ts
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { matchTexts } from "../src/compare/align.ts";
import { splitSentences } from "../src/compare/sentences.ts";
import { diceSimilarity, lcsSimilarity, type Similarity } from "../src/compare/similarity.ts";
import { compareTask } from "../src/compare/document.ts";
import type { Document } from "../src/model/schema.ts";
import { accepts, SENTENCE_GOLD } from "../test/compare/gold.ts";

const doc = JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")) as Document;
const items = doc.chapters.flatMap((c) => c.items);
const candidates: Record<string, Similarity> = { lcs: lcsSimilarity, dice: diceSimilarity };

function errors(similarity: Similarity, threshold: number): number {
  let wrong = 0;
  for (const item of items) {
    const superior = splitSentences(item.upper ?? "").map((s) => s.text);
    const local = item.local.flatMap((m) => splitSentences(m.text).map((s) => s.text));
    const matches = matchTexts(superior, local, { similarity, threshold });
    local.forEach((_, j) => {
      const got = matches.find((m) => m.local === j)?.superior ?? null;
      if (!accepts(SENTENCE_GOLD[item.number][j], got)) wrong++;
    });
  }
  return wrong;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

for (const [name, similarity] of Object.entries(candidates)) {
  const sweep: Array<[number, number]> = [];
  for (let t = 0.1; t <= 0.8001; t += 0.01) sweep.push([Math.round(t * 100) / 100, errors(similarity, t)]);
  const fewest = Math.min(...sweep.map(([, e]) => e));
  const best = sweep.filter(([, e]) => e === fewest).map(([t]) => t);
  const times: number[] = [];
  for (let run = 0; run < 21; run++) {
    const t0 = performance.now();
    for (const item of items) compareTask({ ...item, upper: item.upper ?? "" }, { similarity, threshold: best[Math.floor(best.length / 2)] });
    times.push(performance.now() - t0);
  }
  console.log(
    `${name}: fewest errors ${fewest} of ${Object.values(SENTENCE_GOLD).flat().length} local sentences at thresholds ${best[0]}–${best.at(-1)}; ` +
      `errors at 0.30 = ${errors(similarity, 0.3)}; whole document ${median(times).toFixed(2)} ms (median of 21)`,
  );
}
