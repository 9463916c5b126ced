// A timeline of deadlines: one bar per deadline from the document's date to the year it names (到2025年,
// 截至2025年), and one per dated entry of a deadline column or label line (完成时限：2025年6月底前), which ends on
// the day it allows. A horizon counted from the document (力争5年) is drawn dashed and marked 约. Day limits stay in
// the table of quantities.
import { scaleLinear } from "d3";
import type { Quantity } from "../model/figures.ts";
import { type ChartSource, sideShort, taskLabel, withQualifier } from "./labels.ts";
import { type Chart, COLOURS, fit, svgDocument, tag } from "./svg.ts";

const ROW = 26;
const TOP = 52;
const LABEL_W = 330;
const PLOT_X0 = 340;
const PLOT_X1 = 700;
const WIDTH = 740;

export interface DeadlineRow {
  task: number;
  side: Quantity["side"];
  /** Where the bar ends, as a fractional year: the end of the year named, or the day after the last day allowed. */
  end: number;
  /** The first column of the table: 2025, 约2027 or 2025-06-30. */
  when: string;
  /** As printed, with its qualifier (到2025年, 2025年6月底前). */
  printed: string;
  subject: string;
  relative: boolean;
}

/** 2025-06-30 → the fractional year at the end of that day. */
function yearOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  const start = Date.UTC(y, 0, 1);
  return y + (Date.UTC(y, m - 1, d + 1) - start) / (Date.UTC(y + 1, 0, 1) - start);
}

/** The document's date as a fractional year (2022-05 → 2022.33), or null without a date. */
export function documentYear(date: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  return m ? Number(m[1]) + (m[2] ? (Number(m[2]) - 1) / 12 : 0) : null;
}

export function deadlineRows(doc: ChartSource): DeadlineRow[] {
  const start = documentYear(doc.date);
  const rows: DeadlineRow[] = [];
  for (const q of doc.figures.quantities) {
    if (q.kind !== "deadline" || !/年$/.test(q.unit)) continue;
    const base = { task: q.task, side: q.side, subject: q.subject };
    if (q.value >= 1900) rows.push({ ...base, end: q.value + 1, when: String(q.value), printed: withQualifier(q), relative: false });
    else if (start !== null && q.value <= 50) {
      const year = Math.floor(start) + q.value;
      rows.push({ ...base, end: year + 1, when: `约${year}`, printed: `约${year}（${q.printed}）`, relative: true });
    }
  }
  for (const item of doc.chapters.flatMap((c) => c.items)) {
    for (const m of item.local) {
      if (m.deadline?.kind !== "date" || !m.deadline.last) continue;
      const subject = [...m.text.split("\n")[0]].slice(0, 24).join("");
      rows.push({ task: item.number, side: "local", end: yearOf(m.deadline.last), when: m.deadline.last, printed: m.deadline.printed, subject, relative: false });
    }
  }
  return rows.sort((a, b) => a.end - b.end || a.task - b.task);
}

/** Null when there is nothing to place on a time axis: no deadline and no document date. */
export function deadlinesChart(doc: ChartSource, options: { id?: string } = {}): Chart | null {
  const id = options.id ?? "chart-deadlines";
  const rows = deadlineRows(doc);
  const start = documentYear(doc.date) ?? (rows.length > 0 ? Math.floor(Math.min(...rows.map((r) => r.end)) - 1) : null);
  if (start === null) return null;
  const first = Math.floor(start);
  const last = Math.max(first + 1, ...rows.map((r) => Math.ceil(r.end)));
  const x = scaleLinear().domain([first, last]).range([PLOT_X0, PLOT_X1]);
  const height = TOP + Math.max(rows.length, 1) * ROW + 12;
  const title = "时间节点";
  const description = rows.length
    ? `${rows.length}个时间节点。每条从文件日期（${doc.date || "未注明"}）画到所定年份年底或完成时限的最后一天；实线为写明的年份或日期，虚线并标“约”的为自文件日期起算的年限。圆形为${sideShort(doc, "superior")}，方块为${sideShort(doc, "local")}。`
    : "没有写明年份的时间节点。";

  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const axis = years.map((yr) => tag("g", {},
    tag("line", { x1: x(yr), x2: x(yr), y1: TOP - 8, y2: height - 8, stroke: COLOURS.grid }),
    yr < last && tag("text", { x: x(yr + 0.5), y: TOP - 14, "text-anchor": "middle", fill: COLOURS.muted }, String(yr))));
  const marks = rows.map((row, i) => {
    const { relative } = row;
    const cy = TOP + i * ROW + ROW / 2;
    const end = x(row.end);
    const superior = row.side === "superior";
    const label = `${taskLabel(row.task)} ${sideShort(doc, row.side)} · ${row.printed}：${row.subject}`;
    return tag("g", {},
      tag("title", {}, label),
      tag("text", { x: LABEL_W, y: cy + 4, "text-anchor": "end", fill: COLOURS.text }, fit(label, LABEL_W - 8, 12)),
      tag("line", { x1: x(start), x2: end, y1: cy, y2: cy, stroke: superior ? COLOURS.superior : COLOURS.local, "stroke-width": 3, "stroke-dasharray": relative ? "6 4" : null }),
      superior
        ? tag("circle", { cx: end, cy, r: 6, fill: relative ? "#fff" : COLOURS.superior, stroke: COLOURS.superior, "stroke-width": 2 })
        : tag("rect", { x: end - 6, y: cy - 6, width: 12, height: 12, fill: relative ? "#fff" : COLOURS.local, stroke: COLOURS.local, "stroke-width": 2 }),
    );
  });
  const docMark = tag("g", {},
    tag("line", { x1: x(start), x2: x(start), y1: TOP - 4, y2: height - 8, stroke: COLOURS.text, "stroke-dasharray": "2 2" }),
    tag("text", { x: x(start), y: 16, "text-anchor": "middle", fill: COLOURS.text }, `文件 ${doc.date}`));
  const svg = svgDocument({ id, width: WIDTH, height, title, description }, axis, docMark, marks);
  return {
    svg,
    table: {
      caption: title,
      head: ["年份或日期", "任务", "栏目", "原文", "内容"],
      types: ["text", "number", "text", "text", "text"],
      rows: rows.map((r) => [r.when, String(r.task), sideShort(doc, r.side), r.printed, r.subject]),
    },
  };
}
