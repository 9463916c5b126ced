// Benchmark of the figures extraction alone (quantities, lists, subsidies, alignment, growth paths) on the bundled
// document, plus the support cards and the charts built from them. Median of several runs, min and max.
//   node bench/extract.ts
import { readFileSync } from "node:fs";
import { figureCharts } from "../src/charts/index.ts";
import { extractFigures } from "../src/extract/figures.ts";
import { supportCards } from "../src/extract/support-cards.ts";
import { formatProblem } from "../src/ingest/blocks.ts";
import { parseDocument } from "../src/ingest/parse.ts";
import { fmt, summarize, time } from "./stats.ts";

const RUNS = 25;
const source = "seeds/luan-zjtx-2022.txt";
const overrides = { file: "seeds/luan-zjtx-2022.overrides.json", text: readFileSync("seeds/luan-zjtx-2022.overrides.json", "utf8") };
const parsed = parseDocument(readFileSync(source), { id: "bench", file: source, overrides });
if (!parsed.ok) throw new Error(parsed.problems.map((p) => formatProblem(source, p)).join("\n"));
const doc = parsed.document;

const measure = (fn: () => void) => {
  for (let i = 0; i < 5; i++) fn();
  return summarize(Array.from({ length: RUNS }, () => time(fn)));
};
const extraction = measure(() => {
  const r = extractFigures(doc, overrides);
  if (!r.ok) throw new Error("extraction failed");
});
const cards = measure(() => supportCards(doc));
const charts = measure(() => figureCharts(doc));

console.log(`figures benchmark (in process, Node ${process.version}, ${RUNS} runs each)`);
console.log(`  extraction (${doc.figures.quantities.length} quantities, ${doc.figures.subsidies.length} subsidies, ${doc.figures.targetPairs.length} pairs): ${fmt(extraction)}`);
console.log(`  support cards (${supportCards(doc).length}): ${fmt(cards)}`);
console.log(`  charts (${figureCharts(doc).length} SVG + tables): ${fmt(charts)}`);
