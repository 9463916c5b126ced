// Growth paths: 按照“A→B→…”成长路径 → the list of stages, with offsets into the measure's text.
import type { GrowthPath, GrowthStage } from "../model/figures.ts";
import type { MeasureText } from "./text.ts";

const PATH = /“([^”]*→[^”]*)”\s*(?:成长|培育|发展)?路径/g;
const ARROW = /\s*(?:→|->|—>|＞)\s*/g;
/**
 * The bundled document prints 省专精特新企业一省专精特新冠军企业 where → was meant (a source typo).
 * The text stays as printed, but a 一 between 企业 and a level word (省, 市, 国家, 县) is read as an arrow:
 * no stage name of these lists ends in 企业 and goes on with 一省….
 */
const TYPO_ARROW = /(?<=企业)一(?=省|市|国家|国|县)/g;

export function findGrowthPaths(m: MeasureText): GrowthPath[] {
  const out: GrowthPath[] = [];
  for (const match of m.text.matchAll(PATH)) {
    const start = match.index + 1; // after the opening quote
    const printed = match[1];
    const cuts: [number, number][] = [];
    for (const sep of [...printed.matchAll(ARROW), ...printed.matchAll(TYPO_ARROW)]) cuts.push([sep.index, sep.index + sep[0].length]);
    cuts.sort((a, b) => a[0] - b[0]);
    const stages: GrowthStage[] = [];
    let from = 0;
    for (const [a, b] of [...cuts, [printed.length, printed.length] as [number, number]]) {
      const text = printed.slice(from, a).trim();
      if (text) {
        const offset = printed.indexOf(text, from);
        stages.push({ text, start: start + offset, end: start + offset + text.length });
      }
      from = b;
    }
    if (stages.length) out.push({ task: m.task, side: m.side, measure: m.measure, printed, stages, start, end: start + printed.length });
  }
  return out;
}
