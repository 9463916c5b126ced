// A plan's coverage: superior measures (rows) × the lists that implement it (columns). Each cell says in a word and a
// shade whether the list carries the measure and how much of its text is the superior text copied; a list that
// leaves a measure out gets a white cell with the word 未列入, never a blank. Pure: data and labels in, SVG out.
import { scaleBand } from "d3";
import { type Chart, COLOURS, fit, svgDocument, tag } from "./svg.ts";

export type CellState = "copied" | "partly" | "own" | "absent";

export interface CoverageMatrixData {
  columns: Array<{ id: string; label: string; sublabel: string }>;
  rows: Array<{ n: number; title: string; cells: Array<{ state: CellState; share?: number }> }>;
}

export interface CoverageMatrixLabels {
  title: string;
  description: string;
  words: Record<CellState, string>;
  caption: string;
  measureColumn: string;
  percent: (share: number) => string;
}

const CELL_W = 60;
const CELL_H = 26;
const LABEL_W = 200;
const TOP = 44;

/** Shades of the superior colour, darkest for a copy: the word in the cell carries the meaning too. */
const FILL: Record<CellState, string> = { copied: COLOURS.superior, partly: "#6f93bd", own: "#dbe5f1", absent: "#fff" };
const INK: Record<CellState, string> = { copied: "#fff", partly: "#fff", own: COLOURS.text, absent: COLOURS.muted };

export function coverageMatrixChart(data: CoverageMatrixData, labels: CoverageMatrixLabels, options: { id?: string } = {}): Chart {
  const id = options.id ?? "chart-coverage";
  const x = scaleBand<string>().domain(data.columns.map((c) => c.id)).range([LABEL_W, LABEL_W + data.columns.length * CELL_W]);
  const y = scaleBand<number>().domain(data.rows.map((r) => r.n)).range([TOP, TOP + data.rows.length * CELL_H]);
  const width = LABEL_W + data.columns.length * CELL_W + 8;
  const height = TOP + data.rows.length * CELL_H + 8;
  const head = data.columns.map((c) =>
    tag("g", {},
      tag("text", { x: x(c.id)! + CELL_W / 2, y: 16, "text-anchor": "middle", fill: COLOURS.text }, fit(c.label, CELL_W - 4, 12)),
      tag("text", { x: x(c.id)! + CELL_W / 2, y: 32, "text-anchor": "middle", fill: COLOURS.muted }, fit(c.sublabel, CELL_W - 4, 12))),
  );
  const rows = data.rows.map((r) => {
    const top = y(r.n)!;
    return tag("g", {},
      tag("text", { x: 4, y: top + CELL_H / 2 + 4, fill: COLOURS.text }, fit(`${r.n}. ${r.title}`, LABEL_W - 10, 12)),
      r.cells.map((cell, i) => {
        const left = x(data.columns[i]!.id)!;
        const word = labels.words[cell.state];
        return tag("g", {},
          tag("rect", {
            x: left + 1, y: top + 1, width: CELL_W - 2, height: CELL_H - 2, fill: FILL[cell.state],
            stroke: cell.state === "absent" ? COLOURS.muted : COLOURS.grid, "stroke-dasharray": cell.state === "absent" ? "3 2" : undefined,
          }, tag("title", {}, `${data.columns[i]!.label} ${data.columns[i]!.sublabel}：${word}${cell.share !== undefined ? ` ${labels.percent(cell.share)}` : ""}`)),
          tag("text", { x: left + CELL_W / 2, y: top + CELL_H / 2 + 4, "text-anchor": "middle", fill: INK[cell.state] }, word));
      }));
  });
  const svg = svgDocument({ id, width, height, title: labels.title, description: labels.description, hatch: false }, head, rows);
  return {
    svg,
    table: {
      caption: labels.caption,
      head: [labels.measureColumn, ...data.columns.map((c) => `${c.label} ${c.sublabel}`)],
      rows: data.rows.map((r) => [
        `${r.n}. ${r.title}`,
        ...r.cells.map((c) => (c.share === undefined ? labels.words[c.state] : `${labels.words[c.state]} ${labels.percent(c.share)}`)),
      ]),
      types: ["text", ...data.columns.map(() => "text" as const)],
    },
  };
}
