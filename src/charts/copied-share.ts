// The copied share by task as a static, accessible SVG bar chart, with the same figures as a table model.
// Pure: data and labels in, markup and table out; no DOM, so it runs at build time.
import { format, scaleBand, scaleLinear } from "d3";
import type { Comparison } from "../model/comparison.ts";
import { el, type Markup } from "../render/svg.ts";
import { svgDocument } from "./svg.ts";

export interface CopiedShareDatum {
  item: number;
  title: string;
  share: number;
  copiedCharacters: number;
  localCharacters: number;
}

/** Strings the reader sees; the site keeps them with its other strings. */
export interface CopiedShareLabels {
  title: string;
  /** One or two sentences that say what the chart shows, for screen readers (SVG <desc>). */
  description: (figures: { overall: string; most: string; least: string }) => string;
  axis: string;
  overall: string;
  columns: { task: string; share: string; copied: string; local: string };
  caption: string;
}

export interface CopiedShareTable {
  caption: string;
  columns: [string, string, string, string];
  rows: Array<{ item: number; cells: [string, string, string, string] }>;
  footer: [string, string, string, string];
}

export interface CopiedShareChart {
  svg: string;
  table: CopiedShareTable;
}

export interface CopiedShareOptions {
  /** Prefix of the ids the SVG's aria-labelledby points to: unique within the page. */
  id?: string;
  width?: number;
}

const percent = format(".0%");
const BAR = 18;
const GAP = 8;
const LABEL_WIDTH = 190;
const VALUE_ROOM = 48;
const TOP = 28;
const BOTTOM = 28;
const TITLE_CHARACTERS = 12;

/** Data for the chart from a comparison and the document's tasks (number → title). */
export function copiedShareData(comparison: Comparison, items: ReadonlyArray<{ number: number; title: string }>): CopiedShareDatum[] {
  const titles = new Map(items.map((i) => [i.number, i.title]));
  return comparison.tasks.map((t) => ({ item: t.item, title: titles.get(t.item) ?? "", ...t.share }));
}

const shortTitle = (d: CopiedShareDatum) => {
  const title = d.title.replace(/[。.]$/, "");
  return `${d.item}. ${[...title].length > TITLE_CHARACTERS ? [...title].slice(0, TITLE_CHARACTERS - 1).join("") + "…" : title}`;
};

export function copiedShareChart(
  data: readonly CopiedShareDatum[],
  overall: { share: number; copiedCharacters: number; localCharacters: number },
  labels: CopiedShareLabels,
  options: CopiedShareOptions = {},
): CopiedShareChart {
  const id = options.id ?? "copied-share";
  const width = options.width ?? 640;
  const height = TOP + data.length * (BAR + GAP) - GAP + BOTTOM;
  const x = scaleLinear().domain([0, 1]).range([LABEL_WIDTH, width - VALUE_ROOM]);
  const y = scaleBand<number>()
    .domain(data.map((d) => d.item))
    .range([TOP, height - BOTTOM])
    .paddingInner(GAP / (BAR + GAP));
  const ranked = [...data].sort((a, b) => b.share - a.share || a.item - b.item);
  const figure = (d: CopiedShareDatum | undefined) => (d ? `${shortTitle(d)} ${percent(d.share)}` : "–");

  const ticks: Markup[] = x.ticks(4).map((t) =>
    el(
      "g",
      { class: "tick" },
      el("line", { x1: x(t), x2: x(t), y1: TOP - 6, y2: height - BOTTOM, stroke: "currentColor", "stroke-opacity": 0.2 }),
      el("text", { x: x(t), y: height - BOTTOM + 18, "text-anchor": "middle" }, percent(t)),
    ),
  );
  const bars: Markup[] = data.map((d) => {
    const top = y(d.item)!;
    const middle = top + y.bandwidth() / 2;
    return el(
      "g",
      { class: "bar" },
      el("text", { x: LABEL_WIDTH - 8, y: middle, "dominant-baseline": "middle", "text-anchor": "end" }, shortTitle(d)),
      // The bar's outline keeps a zero or near-zero share visible, and prints without background colours.
      el("rect", { x: x(0), y: top, width: Math.max(0, x(d.share) - x(0)), height: y.bandwidth(), fill: "#1d70b8", stroke: "currentColor", "stroke-width": 0.5 }),
      // The value is printed as text beside every bar: the length is never the only cue.
      el("text", { x: x(d.share) + 6, y: middle, "dominant-baseline": "middle" }, percent(d.share)),
    );
  });
  const reference = el(
    "g",
    { class: "overall" },
    el("line", { x1: x(overall.share), x2: x(overall.share), y1: TOP - 6, y2: height - BOTTOM, stroke: "currentColor", "stroke-width": 1.5, "stroke-dasharray": "4 3" }),
    el("text", { x: x(overall.share), y: TOP - 10, "text-anchor": "middle" }, `${labels.overall} ${percent(overall.share)}`),
  );

  // The shared outer <svg> (role, title, description) of every chart; text and outlines print in currentColor.
  const svg = svgDocument(
    {
      id,
      width,
      height,
      hatch: false,
      title: labels.title,
      description: labels.description({ overall: percent(overall.share), most: figure(ranked[0]), least: figure(ranked.at(-1)) }),
    },
    el(
      "g",
      { fill: "currentColor", "font-size": 13 },
      ticks,
      bars,
      reference,
      el("text", { x: width - VALUE_ROOM, y: height - 4, "text-anchor": "end" }, labels.axis),
    ),
  );

  const count = format(",d");
  return {
    svg,
    table: {
      caption: labels.caption,
      columns: [labels.columns.task, labels.columns.share, labels.columns.copied, labels.columns.local],
      rows: data.map((d) => ({ item: d.item, cells: [`${d.item}. ${d.title}`, percent(d.share), count(d.copiedCharacters), count(d.localCharacters)] })),
      footer: [labels.overall, percent(overall.share), count(overall.copiedCharacters), count(overall.localCharacters)],
    },
  };
}
