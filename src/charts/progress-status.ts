// Progress by group (a list's chapters or lead units, or every list): one bar per group, cut by state, each part
// labelled with its count so the colours never carry the meaning alone; the same counts as a table.
import { scaleLinear } from "d3";
import { type Chart, COLOURS, fit, svgDocument, tag } from "./svg.ts";

export interface StatusGroup {
  label: string;
  counts: Record<string, number>;
  overdue: number;
}

export interface StatusSeries {
  key: string;
  label: string;
  colour: string;
}

/** Colours with at least 4.5:1 contrast against the white count printed on them. */
export const STATUS_COLOURS: Record<string, string> = { behind: "#a4350c", "on-track": "#1b4f8a", done: "#1d6b35", unknown: "#5c5c5c", unreported: "#767676" };

const ROW = 26;
const LABEL_W = 190;
const BAR_W = 360;
const TOP = 44;

export function progressStatusChart(input: { id: string; title: string; groupLabel: string; groups: readonly StatusGroup[]; series: readonly StatusSeries[]; overdueLabel: string }): Chart {
  const { id, title, groups, series } = input;
  const most = Math.max(1, ...groups.map((g) => series.reduce((n, s) => n + (g.counts[s.key] ?? 0), 0)));
  const x = scaleLinear().domain([0, most]).range([0, BAR_W]);
  const width = LABEL_W + BAR_W + 90;
  const height = TOP + groups.length * ROW + 12;
  const legend = tag("g", {}, series.map((s, i) =>
    tag("g", {},
      tag("rect", { x: LABEL_W + i * 84, y: 10, width: 14, height: 14, fill: s.colour }),
      tag("text", { x: LABEL_W + i * 84 + 18, y: 22, fill: COLOURS.text }, s.label),
    ),
  ));
  const rows = groups.map((g, r) => {
    const y = TOP + r * ROW;
    let at = LABEL_W;
    const parts = series.map((s) => {
      const n = g.counts[s.key] ?? 0;
      if (n === 0) return null;
      const w = x(n);
      const part = tag("g", {},
        tag("rect", { x: at, y, width: w, height: ROW - 6, fill: s.colour }),
        w >= 14 ? tag("text", { x: at + w / 2, y: y + ROW / 2 + 1, "text-anchor": "middle", fill: "#fff" }, String(n)) : null,
      );
      at += w;
      return part;
    });
    const total = series.reduce((n, s) => n + (g.counts[s.key] ?? 0), 0);
    return tag("g", {},
      tag("title", {}, `${g.label}：${series.map((s) => `${s.label} ${g.counts[s.key] ?? 0}`).join("，")}${g.overdue ? `；${input.overdueLabel} ${g.overdue}` : ""}`),
      tag("text", { x: LABEL_W - 8, y: y + ROW / 2 + 1, "text-anchor": "end", fill: COLOURS.text }, fit(g.label, LABEL_W - 12, 12)),
      parts,
      tag("text", { x: at + 6, y: y + ROW / 2 + 1, fill: COLOURS.muted }, g.overdue ? `${total}（${input.overdueLabel} ${g.overdue}）` : String(total)),
    );
  });
  const description = `${groups.length}个${input.groupLabel}，每条按状态分段：${series.map((s) => s.label).join("、")}；条后为措施合计。`;
  return {
    svg: svgDocument({ id, width, height, title, description, hatch: false }, legend, rows),
    table: {
      caption: title,
      head: [input.groupLabel, ...series.map((s) => s.label), input.overdueLabel, "合计"],
      types: ["text", ...series.map(() => "number" as const), "number", "number"],
      rows: groups.map((g) => [g.label, ...series.map((s) => String(g.counts[s.key] ?? 0)), String(g.overdue), String(series.reduce((n, s) => n + (g.counts[s.key] ?? 0), 0))]),
    },
  };
}
