// Every chart of the figures page (目标与指标), in the order the page shows them. Each is static SVG plus a table.
import { deadlinesChart } from "./deadlines.ts";
import { growthLadderChart } from "./growth-ladder.ts";
import type { ChartSource } from "./labels.ts";
import { responsibilityChart } from "./responsibilities.ts";
import { subsidiesChart } from "./subsidies.ts";
import type { Chart } from "./svg.ts";
import { targetsChart } from "./targets.ts";

export type { Chart, TableModel } from "./svg.ts";
export type { ChartSource } from "./labels.ts";

export interface NamedChart extends Chart {
  id: string;
}

export function figureCharts(doc: ChartSource): NamedChart[] {
  const charts: [string, Chart | null][] = [
    ["chart-targets", targetsChart(doc, { id: "chart-targets" })],
    ["chart-subsidies", subsidiesChart(doc, { id: "chart-subsidies" })],
    ["chart-growth", growthLadderChart(doc, { id: "chart-growth" })],
    ["chart-deadlines", deadlinesChart(doc, { id: "chart-deadlines" })],
    ["chart-responsibilities", responsibilityChart(doc, { id: "chart-responsibilities" })],
  ];
  return charts.filter((c): c is [string, Chart] => c[1] !== null).map(([id, chart]) => ({ id, ...chart }));
}

export { deadlinesChart, growthLadderChart, responsibilityChart, subsidiesChart, targetsChart };
