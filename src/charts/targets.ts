// Superior vs local targets for every aligned pair, on a log scale (10 beside 10000 stays readable), with the
// local share: ● superior, □ local, joined by a line; the share is printed at the end of each row.
import { scaleLog } from "d3";
import type { Quantity } from "../model/figures.ts";
import { type ChartSource, percent, sideLabel, sideShort, taskLabel, withQualifier } from "./labels.ts";
import { type Chart, COLOURS, fit, num, svgDocument, tag } from "./svg.ts";

const ROW = 28;
const TOP = 56;
const LABEL_W = 230;
const PLOT_X0 = 250;
const PLOT_X1 = 580;
const WIDTH = 760;

export function targetsChart(doc: ChartSource, options: { id?: string } = {}): Chart {
  const id = options.id ?? "chart-targets";
  const byId = new Map<string, Quantity>(doc.figures.quantities.map((q) => [q.id, q]));
  const rows = doc.figures.targetPairs.map((p) => ({ pair: p, s: byId.get(p.superior)!, l: byId.get(p.local)! }));
  const sup = sideShort(doc, "superior");
  const loc = sideShort(doc, "local");
  const title = `目标对照：${sideLabel(doc, "superior")}与${sideLabel(doc, "local")}`;
  const description = rows.length
    ? `${rows.length}对同一事项的目标，对数刻度。实心圆为${sideLabel(doc, "superior")}，空心方块为${sideLabel(doc, "local")}，行末为${loc}占${sup}的比例；带＊的配对由人工校订。`
    : "没有可对照的目标。";

  const values = rows.flatMap((r) => [r.s.value, r.l.value]).filter((v) => v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values, 1)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values, 10)));
  const x = scaleLog().domain([lo, hi]).range([PLOT_X0, PLOT_X1]).clamp(true);
  const height = TOP + Math.max(rows.length, 1) * ROW + 30;
  const ticks = x.ticks().filter((t) => Math.log10(t) % 1 === 0);

  const axis = ticks.map((t) =>
    tag("g", {},
      tag("line", { x1: x(t), x2: x(t), y1: TOP - 6, y2: height - 24, stroke: COLOURS.grid }),
      tag("text", { x: x(t), y: height - 8, "text-anchor": "middle", fill: COLOURS.muted }, String(t))),
  );
  const marks = rows.map(({ pair, s, l }, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const label = `${taskLabel(pair.task)} · ${s.subject}${pair.source === "override" ? " ＊" : ""}`;
    return tag("g", {},
      tag("title", {}, `${label}：${sup} ${withQualifier(s)}，${loc} ${withQualifier(l)}（${l.subject}），${percent(pair.localShare)}`),
      tag("text", { x: LABEL_W, y: y + 4, "text-anchor": "end", fill: COLOURS.text }, fit(label, LABEL_W - 8, 12)),
      tag("line", { x1: x(s.value), x2: x(l.value), y1: y, y2: y, stroke: COLOURS.muted, "stroke-width": 1.5 }),
      tag("circle", { cx: x(s.value), cy: y, r: 6, fill: COLOURS.superior }),
      tag("rect", { x: x(l.value) - 5, y: y - 5, width: 10, height: 10, fill: "#fff", stroke: COLOURS.local, "stroke-width": 2.5 }),
      tag("text", { x: PLOT_X1 + 12, y: y + 4, fill: COLOURS.text }, `${num(l.value)} / ${num(s.value)}${s.unit} · ${percent(pair.localShare)}`),
    );
  });
  const legend = tag("g", {},
    tag("circle", { cx: PLOT_X0, cy: 20, r: 6, fill: COLOURS.superior }),
    tag("text", { x: PLOT_X0 + 12, y: 24 }, sideLabel(doc, "superior")),
    tag("rect", { x: PLOT_X0 + 120, y: 15, width: 10, height: 10, fill: "#fff", stroke: COLOURS.local, "stroke-width": 2.5 }),
    tag("text", { x: PLOT_X0 + 136, y: 24 }, sideLabel(doc, "local")),
    tag("text", { x: PLOT_X1 + 12, y: 24, fill: COLOURS.muted }, `${loc} / ${sup} · 占比`),
    tag("text", { x: LABEL_W, y: 24, "text-anchor": "end", fill: COLOURS.muted }, "对数刻度 · ＊人工核定的配对"),
  );
  const svg = svgDocument({ id, width: WIDTH, height, title, description }, legend, axis, marks);

  return {
    svg,
    table: {
      caption: title,
      head: ["任务", `事项（${sup}）`, sideLabel(doc, "superior"), `事项（${loc}）`, sideLabel(doc, "local"), `${loc}/${sup}`, "配对方式"],
      types: ["number", "text", "number", "text", "number", "number", "text"],
      rows: rows.map(({ pair, s, l }) => [
        String(pair.task), s.subject, withQualifier(s), l.subject, withQualifier(l), percent(pair.localShare),
        // The override's note is the web team's working note (often English): it stays in the downloads.
        pair.source === "override" ? "人工核定" : "自动配对",
      ]),
    },
  };
}
