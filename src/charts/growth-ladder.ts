// The growth paths side by side: the superior ladder on the left, the local one on the right, stage by stage;
// stages both sides name alike are joined by a dashed line and marked ＝ with the other side's step number.
import { line } from "d3";
import type { GrowthPath } from "../model/figures.ts";
import { similarity } from "../extract/text.ts";
import { type ChartSource, sideLabel, taskLabel } from "./labels.ts";
import { type Chart, COLOURS, fit, svgDocument, tag } from "./svg.ts";

const STEP = 46;
const BOX_W = 220;
const BOX_H = 30;
const LEFT_X = 20;
const RIGHT_X = 380;
const TOP = 50;
const SAME_STAGE = 0.5;

/** Pairs [superior step, local step] (0-based) of stages that name the same rank, best matches first. */
export function matchStages(superior: GrowthPath, local: GrowthPath): [number, number][] {
  const candidates: [number, number, number][] = [];
  superior.stages.forEach((s, i) => local.stages.forEach((l, j) => {
    const score = similarity(s.text, l.text);
    if (score >= SAME_STAGE) candidates.push([i, j, score]);
  }));
  candidates.sort((a, b) => b[2] - a[2] || a[0] - b[0]);
  const used = new Set<string>();
  const out: [number, number][] = [];
  for (const [i, j] of candidates) {
    if (used.has(`s${i}`) || used.has(`l${j}`)) continue;
    // Ladders do not cross: a match must keep the order of the ones already taken.
    if (out.some(([a, b]) => (a < i) !== (b < j))) continue;
    used.add(`s${i}`).add(`l${j}`);
    out.push([i, j]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** The first superior path and the local path of the same task, if the document has both. */
export function ladderPair(doc: ChartSource): { superior: GrowthPath; local: GrowthPath } | null {
  for (const superior of doc.figures.growthPaths.filter((p) => p.side === "superior")) {
    const local = doc.figures.growthPaths.find((p) => p.side === "local" && p.task === superior.task);
    if (local) return { superior, local };
  }
  return null;
}

export function growthLadderChart(doc: ChartSource, options: { id?: string } = {}): Chart | null {
  const id = options.id ?? "chart-growth";
  const pair = ladderPair(doc);
  if (!pair) return null;
  const { superior, local } = pair;
  const matches = matchStages(superior, local);
  const steps = Math.max(superior.stages.length, local.stages.length);
  const height = TOP + steps * STEP + 10;
  const yOf = (i: number) => TOP + i * STEP;
  const title = `成长路径：${sideLabel(doc, "superior")}与${sideLabel(doc, "local")}（${taskLabel(superior.task)}）`;
  const description = `左为${sideLabel(doc, "superior")}的${superior.stages.length}级阶梯，右为${sideLabel(doc, "local")}的${local.stages.length}级阶梯，自上而下按原文的先后编号，箭头↓指向下一级；虚线连接两侧名称相同的阶段（${matches.length}处），框内标＝及对侧级数。`;
  const link = line();

  const column = (path: GrowthPath, x: number, side: 0 | 1) =>
    path.stages.map((s, i) => {
      const m = matches.find((p) => p[side] === i);
      const other = m ? m[side === 0 ? 1 : 0] + 1 : null;
      const y = yOf(i);
      return tag("g", {},
        tag("rect", { x, y, width: BOX_W, height: BOX_H, rx: 4, fill: "#fff", stroke: side === 0 ? COLOURS.superior : COLOURS.local, "stroke-width": 2, "stroke-dasharray": side === 0 ? null : "5 3" }),
        tag("text", { x: x + 8, y: y + 20, fill: COLOURS.text }, `${i + 1}. ${fit(s.text, BOX_W - 60, 12)}`),
        other !== null && tag("text", { x: x + BOX_W - 8, y: y + 20, "text-anchor": "end", fill: COLOURS.muted }, `＝${other}`),
        i + 1 < path.stages.length && tag("path", { d: link([[x + 20, y + BOX_H], [x + 20, y + STEP]]) ?? "", stroke: COLOURS.muted }),
        i + 1 < path.stages.length && tag("text", { x: x + 26, y: y + BOX_H + 13, fill: COLOURS.muted, "font-size": 12 }, "↓"),
      );
    });
  const links = matches.map(([i, j]) =>
    tag("path", { d: link([[LEFT_X + BOX_W, yOf(i) + BOX_H / 2], [RIGHT_X, yOf(j) + BOX_H / 2]]) ?? "", stroke: COLOURS.muted, "stroke-dasharray": "3 3", fill: "none" }));
  const heads = tag("g", {},
    tag("text", { x: LEFT_X, y: 28, "font-weight": "bold", fill: COLOURS.superior }, `${sideLabel(doc, "superior")}（实线框）`),
    tag("text", { x: RIGHT_X, y: 28, "font-weight": "bold", fill: COLOURS.local }, `${sideLabel(doc, "local")}（虚线框）`));
  const svg = svgDocument({ id, width: RIGHT_X + BOX_W + 20, height, title, description }, heads, links, column(superior, LEFT_X, 0), column(local, RIGHT_X, 1));

  return {
    svg,
    table: {
      caption: title,
      head: ["级", sideLabel(doc, "superior"), sideLabel(doc, "local"), "对应"],
      types: ["number", "text", "text", "text"],
      rows: Array.from({ length: steps }, (_, i) => {
        const m = matches.find((p) => p[0] === i);
        return [String(i + 1), superior.stages[i]?.text ?? "", local.stages[i]?.text ?? "", m ? `左${i + 1}＝右${m[1] + 1}` : ""];
      }),
    },
  };
}
