// Benchmark of a progress report's ingest: a 200-row Excel report on a list of 207 measures (the bundled list's
// tasks nine times over, each measure's text made its own), read and matched row by row as `npm run ingest` does.
// Prints the median of several runs of the read (xlsx → blocks) and of the match (blocks → the list's progress).
//   npm run bench:progress
import { readFileSync } from "node:fs";
import { parseDocument } from "../src/ingest/parse.ts";
import { readSource } from "../src/ingest/readers/index.ts";
import type { Document } from "../src/model/schema.ts";
import { withProgress } from "../src/progress/reports.ts";
import { writeXlsx } from "../test/support/xlsx-writer.ts";
import { toSourceText } from "./corpus.ts";
import { fmt, summarize } from "./stats.ts";

const RUNS = 15;
const COPIES = 9;
const STATES = ["序时推进", "已完成", "滞后", "正常推进", ""];

const base = parseDocument(readFileSync("seeds/luan-zjtx-2022.txt"), { id: "base", file: "base.txt" });
if (!base.ok) throw new Error(base.problems[0]!.message);
let number = 0;
// Each chapter holds its tasks nine times over, renumbered, so the list keeps its seven chapters and grows ninefold.
const chapters = base.document.chapters.map((c) => ({
  ...c,
  items: Array.from({ length: COPIES }, (_, k) => c.items.map((item) => ({ ...item, local: item.local.map((m, i) => ({ ...m, text: `${m.text}（第${k + 1}批第${i + 1}项）` })) })))
    .flat()
    .map((item) => ({ ...item, number: ++number })),
}));
const big: Document = { ...base.document, chapters };
const list = parseDocument(new TextEncoder().encode(toSourceText(big)), { id: "bench-list", file: "bench-list.txt", government: "六安市" });
if (!list.ok) throw new Error(list.problems[0]!.message);
const measures = list.document.chapters.flatMap((c) => c.items.flatMap((item) => item.local.map((m) => ({ task: item.number, text: m.text, lead: m.lead.join("、") }))));

// One row per measure, the measure's text cut to its first sentence and its own mark, as reports copy them.
const rows: Array<Array<string | number | null>> = [["六安市任务和责任清单落实情况（截至2025年6月底）", null, null, null, null], ["序号", "工作措施", "牵头单位", "进展情况", "完成情况"]];
for (const [i, m] of measures.slice(0, 200).entries()) {
  const opening = m.text.split("。")[0]!;
  const mark = m.text.slice(m.text.lastIndexOf("（"));
  rows.push([m.task, `${opening}。${mark}`, m.lead, `第${i + 1}项措施按计划推进，完成投资${i + 3}亿元。`, STATES[i % STATES.length]!]);
}
const bytes = await writeXlsx({ sheets: [{ name: "Sheet1", rows, merges: ["A1:E1"] }] });

const read = async () => {
  const r = await readSource(".xlsx", bytes);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r;
};
const match = (blocks: Awaited<ReturnType<typeof read>>) => {
  const r = withProgress([list.document], [{ file: "bench-list.progress-2025-06.xlsx", name: "bench-list.progress-2025-06.xlsx", read: blocks }]);
  if (!r.ok) throw new Error(r.lines.slice(0, 3).join("\n"));
  return r.documents[0]!.progress!;
};

const first = match(await read());
for (let i = 0; i < 3; i++) match(await read());
const readTimes: number[] = [];
const matchTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const blocks = await read();
  const t1 = performance.now();
  match(blocks);
  matchTimes.push(performance.now() - t1);
  readTimes.push(t1 - t0);
}
const total = readTimes.map((t, i) => t + matchTimes[i]!);
console.log(`list: ${measures.length} measures in ${number} tasks; report: ${rows.length - 2} rows, ${bytes.length} bytes of .xlsx`);
console.log(`matched: ${first.entries.length} measures (${first.entries.filter((e) => e.status === "unknown").length} of unknown status)`);
console.log(`read (xlsx → blocks):  ${fmt(summarize(readTimes))}`);
console.log(`match (rows → progress): ${fmt(summarize(matchTimes))}`);
console.log(`200-row report ingest: ${fmt(summarize(total))}`);
