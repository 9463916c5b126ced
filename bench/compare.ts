// Times the superior-vs-local comparison of the bundled document (alignment, classification, diffs, shares).
//   npm exec -- node bench/compare.ts [runs]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { compareDocument } from "../src/compare/document.ts";
import type { Document } from "../src/model/schema.ts";

const doc = JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")) as Document;
const runs = Number(process.argv[2] ?? 50);

for (let i = 0; i < 5; i++) compareDocument(doc.chapters); // warm-up: the first runs measure the JIT, not the code
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  compareDocument(doc.chapters);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const tasks = doc.chapters.reduce((n, c) => n + c.items.length, 0);
console.log(
  `compare ${doc.id} (${tasks} tasks): median ${median.toFixed(2)} ms, min ${times[0].toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms over ${runs} runs (after 5 warm-up runs)`,
);
