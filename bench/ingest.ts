// Benchmark of the ingest (parse + MDX plan), in process: the bundled document, then a generated corpus of
// 100 documents. Prints medians of several runs and the peak memory; checks that time grows linearly with size.
//   npm run bench:ingest
import { readFileSync } from "node:fs";
import { parseDocument } from "../src/ingest/parse.ts";
import { planDocument } from "../src/ingest/plan.ts";
import { generateCorpus } from "./corpus.ts";
import { fmt, summarize, time } from "./stats.ts";

const RUNS = 30;
const bytes = readFileSync("seeds/luan-zjtx-2022.txt");
const ingest = (b: Uint8Array, id: string) => {
  const r = parseDocument(b, { id, file: `${id}.txt` });
  if (!r.ok) throw new Error(`${id}: ${r.problems[0].line}: ${r.problems[0].message}`);
  planDocument(r.document);
  return r.document;
};

const base = ingest(bytes, "bundled");
for (let i = 0; i < 30; i++) ingest(bytes, "warm");
const single = summarize(Array.from({ length: RUNS }, () => time(() => ingest(bytes, "bundled"))));

const corpus = generateCorpus(base, 100).map((d) => ({ ...d, bytes: Buffer.from(d.text, "utf8") }));
const totalBytes = corpus.reduce((n, d) => n + d.bytes.length, 0);
const corpusRuns = summarize(Array.from({ length: 5 }, () => time(() => corpus.forEach((d) => ingest(d.bytes, d.name)))));

// Linearity: time per KB for the smallest and largest thirds of the corpus.
const perDoc = corpus.map((d) => ({ kb: d.bytes.length / 1024, ms: summarize(Array.from({ length: 5 }, () => time(() => ingest(d.bytes, d.name)))).median }));
perDoc.sort((a, b) => a.kb - b.kb);
const third = Math.floor(perDoc.length / 3);
const rate = (xs: typeof perDoc) => xs.reduce((n, x) => n + x.ms, 0) / xs.reduce((n, x) => n + x.kb, 0);
const small = rate(perDoc.slice(0, third));
const large = rate(perDoc.slice(-third));

const peak = process.resourceUsage().maxRSS / 1024;
const tasks = base.chapters.reduce((n, c) => n + c.items.length, 0);
console.log(`ingest benchmark (parse + MDX plan, in process, Node ${process.version})`);
console.log(`  bundled document: ${(bytes.length / 1024).toFixed(1)} KB, ${tasks} tasks: ${fmt(single)}`);
console.log(`  corpus: 100 documents, ${(totalBytes / 1024).toFixed(0)} KB, ${perDoc[0].kb.toFixed(1)}–${perDoc.at(-1)!.kb.toFixed(1)} KB each: ${fmt(corpusRuns)} in all, ${(corpusRuns.median / 100).toFixed(2)} ms per document`);
console.log(`  linearity: ${small.toFixed(3)} ms/KB (smallest third) vs ${large.toFixed(3)} ms/KB (largest third), ratio ${(large / small).toFixed(2)}`);
console.log(`  peak memory (max RSS): ${peak.toFixed(0)} MB`);
const verdict = (x: number) => (x < 20 ? "met" : "NOT met");
console.log(`  goal < 20 ms per document: bundled ${verdict(single.median)}; corpus mean ${verdict(corpusRuns.median / 100)} (its documents average ${(totalBytes / 1024 / 100).toFixed(1)} KB)`);
