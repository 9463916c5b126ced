// Every chart of the figures page: well-formed SVG, an accessible name and description, a table with the same
// data, shapes (not only colour) telling series apart, and no source text that escapes the markup.
import { describe, expect, it } from "vitest";
import { figureCharts, responsibilityChart, targetsChart } from "../../src/charts/index.ts";
import { escapeXml, tag } from "../../src/charts/svg.ts";
import type { Document } from "../../src/model/schema.ts";
import { bundledWithFigures } from "../extract/helpers.ts";
import { parseXml } from "./xml.ts";

const doc = bundledWithFigures();

describe("charts of the bundled document", () => {
  const charts = figureCharts(doc);

  it("draws the five charts", () => {
    expect(charts.map((c) => c.id)).toEqual(["chart-targets", "chart-subsidies", "chart-growth", "chart-deadlines", "chart-responsibilities"]);
  });

  for (const chart of charts) {
    it(`${chart.id}: well-formed SVG with an accessible name and a table`, () => {
      const elements = parseXml(chart.svg);
      const [root] = elements;
      expect(root.name).toBe("svg");
      expect(root.attributes.role).toBe("img");
      const [titleId, descId] = root.attributes["aria-labelledby"].split(" ");
      const title = elements.find((e) => e.name === "title" && e.attributes.id === titleId)!;
      const desc = elements.find((e) => e.name === "desc" && e.attributes.id === descId)!;
      expect(title.text.length).toBeGreaterThan(2);
      expect(desc.text.length).toBeGreaterThan(10);
      expect(elements[1]).toBe(title); // the name comes first
      expect(chart.table.rows.length).toBeGreaterThan(0);
      for (const row of chart.table.rows) expect(row).toHaveLength(chart.table.head.length);
      expect(chart.table.types).toHaveLength(chart.table.head.length);
    });
  }

  it("targets: a row per pair, ● and □ for the two sides, a log axis from 1 to 10000", () => {
    const chart = targetsChart(doc);
    const elements = parseXml(chart.svg);
    const rows = doc.figures.targetPairs.length;
    expect(elements.filter((e) => e.name === "circle").length).toBe(rows + 1); // + legend
    expect(elements.filter((e) => e.name === "rect" && e.attributes.fill === "#fff" && e.attributes["stroke-width"] === "2.5").length).toBe(rows + 1);
    expect(elements.filter((e) => e.name === "text").map((e) => e.text)).toEqual(expect.arrayContaining(["1", "10", "100", "1000", "10000", "500 / 8000台 · 6.3%"]));
    expect(chart.table.rows.map((r) => r[5])).toContain("2.0%");
  });

  it("responsibilities: a filled dot per lead and a ring per cooperating task", () => {
    const elements = parseXml(responsibilityChart(doc).svg);
    const filled = elements.filter((e) => e.name === "circle" && e.attributes.fill !== "#fff").length - 1;
    const rings = elements.filter((e) => e.name === "circle" && e.attributes.fill === "#fff").length - 1;
    expect(filled).toBe(doc.units.reduce((n, u) => n + u.lead.length, 0));
    expect(rings).toBe(doc.units.reduce((n, u) => n + u.support.length, 0));
  });

  it("subsidies: a row per award, every amount in the table", () => {
    const table = charts.find((c) => c.id === "chart-subsidies")!.table;
    expect(table.rows).toHaveLength(doc.figures.subsidies.length);
    for (const amount of ["80万元", "100万元", "200万元", "30万元", "10万元", "5万元", "50万元", "150万元", "20万元"]) expect(table.rows.some((r) => r[4] === amount), amount).toBe(true);
  });

  it("deadlines and ladders carry the document's years and stages", () => {
    const deadlines = charts.find((c) => c.id === "chart-deadlines")!;
    expect(deadlines.table.rows.filter((r) => r[0] === "2025")).toHaveLength(7);
    const ladder = charts.find((c) => c.id === "chart-growth")!;
    expect(ladder.table.rows).toHaveLength(7);
    expect(ladder.table.rows.filter((r) => r[3] !== "")).toHaveLength(4);
  });
});

describe("escaping of source text in charts", () => {
  const hostile = '<script>alert("x")</script> & {process.exit(1)} \u0001 \'';
  const evil: Document = structuredClone(doc);
  evil.units[0].name = hostile;
  evil.columns = evil.columns.map((c, i) => ({ ...c, label: i === 0 ? c.label : i === 1 ? `${hostile}省` : i === 2 ? `${hostile}市` : hostile }));
  for (const q of evil.figures.quantities) q.subject = hostile;
  for (const s of evil.figures.subsidies) s.condition = hostile;
  for (const p of evil.figures.growthPaths) p.stages[0].text = hostile;

  it("keeps every chart well-formed and never emits the source's markup", () => {
    for (const chart of figureCharts(evil)) {
      expect(() => parseXml(chart.svg), chart.id).not.toThrow();
      expect(chart.svg).not.toContain("<script");
      expect(chart.svg).not.toContain("\u0001");
      const texts = parseXml(chart.svg).map((e) => e.text).join("");
      expect(texts).toContain("<script>"); // shown as the literal characters
    }
  });

  it("escapes text and attribute values through one table", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    expect(tag("text", { "aria-label": '"><script>' }, "<b>").html).toBe('<text aria-label="&quot;&gt;&lt;script&gt;">&lt;b&gt;</text>');
    expect(() => tag("bad name", {})).toThrow();
  });
});
