// The figures page (目标与指标) of a document: its charts with their data tables, and every quantity as a
// sortable table. Pure; the page lays these out.
import { figureCharts } from "../charts/index.ts";
import type { ChartSource, TableModel } from "../charts/index.ts";
import type { Document } from "../model/schema.ts";
import { anchors, paths } from "./paths.ts";
import { strings } from "./strings.ts";
import { columnLabel } from "../model/labels.ts";

export type ColumnType = "text" | "number";

export interface TableCell {
  text: string;
  /** Numeric sort key of a number column; absent when the cell holds no number (sorted last). */
  sort?: number;
  /** Base-relative link target. */
  path?: string;
}

export interface TableRow {
  /** Element id of the row (the quantity table's rows are link targets). */
  id?: string;
  cells: TableCell[];
}

export interface TableView {
  caption: string;
  columns: { label: string; type: ColumnType }[];
  rows: TableRow[];
}

export interface ChartView {
  id: string;
  /** Static SVG built by src/charts through the shared escaping table. */
  svg: string;
  caption: string;
  table: TableView;
}

export interface FiguresView {
  doc: { id: string; title: string };
  /** The page's <title>: 目标与指标 and the document's title on one line. */
  pageTitle: string;
  charts: ChartView[];
  quantities: TableView;
  csvPath: string;
  supportPath: string;
}

/** The first number in a cell ("1,000家" → 1000, "10%" → 10); undefined when there is none. */
export function sortKey(text: string): number | undefined {
  const match = /-?\d+(?:\.\d+)?/.exec(text.replace(/(\d),(?=\d{3})/g, "$1"));
  return match ? Number(match[0]) : undefined;
}

export function chartTable(table: TableModel): TableView {
  return {
    caption: table.caption,
    columns: table.head.map((label, i) => ({ label, type: table.types[i] ?? "text" })),
    rows: table.rows.map((row) => ({
      cells: row.map((text, i) => (table.types[i] === "number" ? { text, sort: sortKey(text) } : { text })),
    })),
  };
}

export function quantityTable(doc: Pick<Document, "id" | "columns" | "chapters" | "figures">): TableView {
  const s = strings.figures;
  const items = new Map(doc.chapters.flatMap((c) => c.items).map((i) => [i.number, i]));
  const rows = doc.figures.quantities.map((q): TableRow => {
    const item = items.get(q.task);
    if (!item) throw new Error(`quantity ${q.id}: no task ${q.task} in ${doc.id}`);
    const side = q.side === "superior" ? columnLabel(doc, "superior") : s.measureNumber(columnLabel(doc, "measure"), q.measure + 1, item.local.length);
    return {
      id: anchors.quantity(q.id),
      cells: [
        { text: strings.task.taskNumber(q.task), sort: q.task, path: paths.task(doc.id, q.task) },
        { text: side },
        { text: q.subject || s.none },
        { text: q.printed, sort: q.value },
        { text: s.kinds[q.kind] },
        { text: q.period ?? s.none },
        { text: q.qualifier ?? s.none },
      ],
    };
  });
  const c = s.columns;
  const column = (label: string, type: ColumnType = "text") => ({ label, type });
  return {
    caption: s.quantitiesHeading(rows.length),
    columns: [column(c.task, "number"), column(c.side), column(c.subject), column(c.value, "number"), column(c.kind), column(c.period), column(c.qualifier)],
    rows,
  };
}

export function figuresView(doc: ChartSource & Pick<Document, "title">): FiguresView {
  return {
    doc: { id: doc.id, title: doc.title },
    pageTitle: `${strings.figures.title} - ${doc.title.replace(/\s*\n\s*/g, "")}`,
    charts: figureCharts(doc).map((chart) => ({ id: chart.id, svg: chart.svg, caption: chart.table.caption, table: chartTable(chart.table) })),
    quantities: quantityTable(doc),
    csvPath: paths.quantitiesCsv(doc.id),
    supportPath: paths.support(doc.id),
  };
}
