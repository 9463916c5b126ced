// The unit × task matrix (● lead 牵头, ○ cooperating 配合) and each unit's workload (solid: lead, hatched: cooperating).
import { scaleBand, scaleLinear } from "d3";
import type { Unit } from "../model/schema.ts";
import type { ChartSource } from "./labels.ts";
import { type Chart, COLOURS, fit, hatch, svgDocument, tag } from "./svg.ts";
import { columnLabel } from "../model/labels.ts";

const CELL = 22;
const LABEL_W = 170;
const TOP = 64;
const BAR_W = 150;

/** Units by workload: most tasks led first, then most supported, then name. */
export function unitsByWorkload(units: Unit[]): Unit[] {
  return [...units].sort((a, b) => b.lead.length - a.lead.length || b.support.length - a.support.length || a.name.localeCompare(b.name, "zh"));
}

export function responsibilityChart(doc: ChartSource, options: { id?: string } = {}): Chart {
  const id = options.id ?? "chart-responsibilities";
  const units = unitsByWorkload(doc.units);
  const tasks = doc.chapters.flatMap((c) => c.items.map((i) => i.number));
  const leadLabel = columnLabel(doc, "lead");
  const supportLabel = columnLabel(doc, "support");
  const x = scaleBand<number>().domain(tasks).range([LABEL_W, LABEL_W + tasks.length * CELL]);
  const y = scaleBand<string>().domain(units.map((u) => u.name)).range([TOP, TOP + units.length * CELL]);
  const barX0 = LABEL_W + tasks.length * CELL + 16;
  const most = Math.max(1, ...units.map((u) => u.lead.length + u.support.length));
  const w = scaleLinear().domain([0, most]).range([0, BAR_W]);
  const width = barX0 + BAR_W + 110;
  const height = TOP + units.length * CELL + 16;

  const title = "责任分工：单位 × 任务";
  const description = `${units.length}个单位、${tasks.length}项任务。实心圆●为${leadLabel}，空心圆○为${supportLabel}；右侧条形为各单位的任务数（实心为牵头，斜线为配合），数字标在条形后。`;

  const head = tasks.map((t) => tag("text", { x: x(t)! + CELL / 2, y: TOP - 8, "text-anchor": "middle", fill: COLOURS.muted }, String(t)));
  const rows = units.map((u) => {
    const cy = y(u.name)! + CELL / 2;
    const lead = new Set(u.lead);
    const support = new Set(u.support);
    return tag("g", {},
      tag("title", {}, `${u.name}：${leadLabel} ${u.lead.join("、") || "无"}；${supportLabel} ${u.support.join("、") || "无"}`),
      tag("text", { x: LABEL_W - 8, y: cy + 4, "text-anchor": "end", fill: COLOURS.text }, fit(u.name, LABEL_W - 12, 12)),
      tag("line", { x1: LABEL_W, x2: barX0 - 16, y1: cy, y2: cy, stroke: COLOURS.grid, "stroke-width": 0.5 }),
      tasks.map((t) =>
        lead.has(t)
          ? tag("circle", { cx: x(t)! + CELL / 2, cy, r: 6, fill: COLOURS.superior })
          : support.has(t)
            ? tag("circle", { cx: x(t)! + CELL / 2, cy, r: 5, fill: "#fff", stroke: COLOURS.local, "stroke-width": 2 })
            : null,
      ),
      tag("rect", { x: barX0, y: cy - 6, width: w(u.lead.length), height: 12, fill: COLOURS.superior }),
      tag("rect", { x: barX0 + w(u.lead.length), y: cy - 6, width: w(u.support.length), height: 12, fill: hatch({ id }), stroke: COLOURS.local }),
      tag("text", { x: barX0 + w(u.lead.length + u.support.length) + 6, y: cy + 4, fill: COLOURS.text }, `${u.lead.length} · ${u.support.length}`),
    );
  });
  const legend = tag("g", {},
    tag("text", { x: LABEL_W, y: 18, fill: COLOURS.muted }, "任务"),
    tag("circle", { cx: LABEL_W + 50, cy: 14, r: 6, fill: COLOURS.superior }),
    tag("text", { x: LABEL_W + 60, y: 18 }, leadLabel),
    tag("circle", { cx: LABEL_W + 170, cy: 14, r: 5, fill: "#fff", stroke: COLOURS.local, "stroke-width": 2 }),
    tag("text", { x: LABEL_W + 180, y: 18 }, supportLabel),
    tag("text", { x: barX0, y: TOP - 8, fill: COLOURS.muted }, "牵头 · 配合（项）"),
  );
  const svg = svgDocument({ id, width, height, title, description }, legend, head, rows);
  return {
    svg,
    table: {
      caption: title,
      head: ["单位", leadLabel, supportLabel, "牵头数", "配合数"],
      types: ["text", "text", "text", "number", "number"],
      rows: units.map((u) => [u.name, u.lead.join("、"), u.support.join("、"), String(u.lead.length), String(u.support.length)]),
    },
  };
}
