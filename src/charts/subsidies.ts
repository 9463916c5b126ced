// Every subsidy, grouped by recipient stage and paying level: amounts as solid bars (万元, linear), caps as
// hatched bars marked 最高, rates as a ◆ with the rate and its basis printed. Labels carry every value.
import { scaleLinear } from "d3";
import type { Quantity, SupportCard } from "../model/figures.ts";
import { supportCards } from "../extract/support-cards.ts";
import { STAGES } from "../extract/support-rules.ts";
import { MAGNITUDE } from "../extract/vocabulary.ts";
import { type ChartSource, taskLabel } from "./labels.ts";
import { type Chart, COLOURS, fit, hatch, svgDocument, tag } from "./svg.ts";
import { columnLabel } from "../model/labels.ts";

const ROW = 24;
const GROUP_GAP = 30;
const TOP = 44;
const LABEL_W = 250;
const PLOT_X0 = 262;
const PLOT_X1 = 560;
const WIDTH = 780;

/** Amount in 万元, the unit every award of these lists is printed in. */
function tenThousands(q: Quantity | undefined): number | null {
  if (!q || !/元$/.test(q.unit)) return null;
  return (q.value * (MAGNITUDE[q.unit[0]] ?? 1)) / 1e4;
}

export interface SubsidyRow {
  card: SupportCard;
  group: string;
}

/** The award cards grouped as the chart shows them: by stage (first the rules name), then by who pays. */
export function subsidyRows(doc: ChartSource): SubsidyRow[] {
  const cards = supportCards(doc).filter((c) => c.amount || c.rate || c.cap);
  const stageOrder = (c: SupportCard) => (c.stages.length ? STAGES.findIndex((s) => s.id === c.stages[0]) : STAGES.length);
  const stageName = (c: SupportCard) => (c.stages.length ? STAGES.find((s) => s.id === c.stages[0])!.label : "其他对象");
  return cards
    .map((card, i) => ({ card, i, group: `${stageName(card)} · ${card.levelPrinted}` }))
    .sort((a, b) => stageOrder(a.card) - stageOrder(b.card) || a.group.localeCompare(b.group, "zh") || a.i - b.i)
    .map(({ card, group }) => ({ card, group }));
}

export function subsidiesChart(doc: ChartSource, options: { id?: string } = {}): Chart {
  const id = options.id ?? "chart-subsidies";
  const quantities = new Map(doc.figures.quantities.map((q) => [q.id, q]));
  const rows = subsidyRows(doc);
  const subsidies = new Map(doc.figures.subsidies.map((sub) => [`card-${sub.id}`, sub]));
  const amountOf = (c: SupportCard, key: "amount" | "cap") => {
    const qid = subsidies.get(c.id)?.[key];
    return qid ? tenThousands(quantities.get(qid)) : null;
  };
  const max = Math.max(10, ...rows.flatMap(({ card }) => [amountOf(card, "amount") ?? 0, amountOf(card, "cap") ?? 0]));
  const x = scaleLinear().domain([0, max]).nice().range([PLOT_X0, PLOT_X1]);

  const title = "奖补一览：按对象阶段与出资层级";
  const description = `${rows.length}项奖补。实心条为奖补金额（万元），斜线条为最高限额，◆为按比例奖补（比例与基数见文字）。分组为对象阶段与出资层级（未写明出资方时为所在栏目）。`;

  let y = TOP;
  let lastGroup = "";
  const parts = [];
  for (const { card, group } of rows) {
    if (group !== lastGroup) {
      y += lastGroup ? GROUP_GAP - ROW + 14 : 0;
      parts.push(tag("text", { x: 8, y: y + 4, "font-weight": "bold", fill: COLOURS.text }, group));
      y += 18;
      lastGroup = group;
    }
    const cy = y + ROW / 2;
    const amount = amountOf(card, "amount");
    const cap = amountOf(card, "cap");
    const recipient = card.recipient ?? card.text;
    const who = card.label ? `${card.label}：${recipient}` : recipient;
    const values = [card.amount, card.rate && `${card.rate}${card.basis ? `（${card.basis}）` : ""}`, card.cap && `最高${card.cap}`, card.oneOff ? "一次性" : ""].filter(Boolean).join(" ");
    const end = Math.max(amount !== null ? x(amount) : PLOT_X0, cap !== null ? x(cap) : PLOT_X0);
    parts.push(tag("g", {},
      tag("title", {}, `${taskLabel(card.task)} · ${who} · ${values} · ${card.levelPrinted}`),
      tag("text", { x: LABEL_W, y: cy + 4, "text-anchor": "end", fill: COLOURS.text }, fit(`${taskLabel(card.task)} ${card.label ?? recipient}`, LABEL_W - 16, 12)),
      cap !== null && tag("rect", { x: PLOT_X0, y: cy - 7, width: x(cap) - PLOT_X0, height: 14, fill: hatch({ id }), stroke: COLOURS.local }),
      amount !== null && tag("rect", { x: PLOT_X0, y: cy - 7, width: x(amount) - PLOT_X0, height: 14, fill: card.side === "superior" ? COLOURS.superior : COLOURS.local }),
      card.rate && tag("path", { d: `M${PLOT_X0 + 7},${cy - 7}l7,7l-7,7l-7,-7z`, fill: COLOURS.text }),
      tag("text", { x: Math.max(end, card.rate ? PLOT_X0 + 16 : PLOT_X0) + 6, y: cy + 4, fill: COLOURS.text }, fit(values, WIDTH - end - 12, 12)),
    ));
    y += ROW;
  }
  const ticks = x.ticks(5);
  const axis = ticks.map((t) => tag("g", {},
    tag("line", { x1: x(t), x2: x(t), y1: TOP - 8, y2: y, stroke: COLOURS.grid }),
    tag("text", { x: x(t), y: TOP - 12, "text-anchor": "middle", fill: COLOURS.muted }, `${t}`)));
  const legend = tag("text", { x: PLOT_X1, y: 16, "text-anchor": "end", fill: COLOURS.muted }, "万元（实心：金额　斜线：最高限额　◆：按比例）");
  const svg = svgDocument({ id, width: WIDTH, height: y + 16, title, description }, legend, axis, parts);

  return {
    svg,
    table: {
      caption: title,
      head: ["任务", "栏目", "对象（原文）", "项", "金额", "比例", "最高", "一次性", "出资", "阶段"],
      types: ["number", "text", "text", "text", "number", "number", "number", "text", "text", "text"],
      rows: rows.map(({ card, group }) => [
        String(card.task), card.side === "superior" ? columnLabel(doc, "superior") : columnLabel(doc, "measure"), card.recipient ?? card.text, card.label ?? "",
        card.amount ?? "", card.rate ? `${card.rate}${card.basis ? `（${card.basis}）` : ""}` : "", card.cap ?? "", card.oneOff ? "是" : "", card.levelPrinted, group.split(" · ")[0],
      ]),
    },
  };
}
