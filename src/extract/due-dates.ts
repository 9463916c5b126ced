// The dates a list sets for each measure: its deadline column or label line (完成时限), and the phrases in the
// measure's own text (到2025年, 2023年6月底前, 年底前, 年内). Each becomes the last day it allows, for the unit pages'
// 到期 lists and the calendar feeds. Phrases that name a start (2023年起) or a recurring date (每年6月底前) are not dates.
import type { Chapter, DueDate } from "../model/schema.ts";
import { parseDeadline } from "./deadline.ts";

const CN = "〇零一二三四五六七八九十";
const YEAR = `(?:\\d{4}|[${CN}]{4})年`;
const MONTH = `(?:\\d{1,2}|[${CN}]{1,3})月(?:\\d{1,2}日|[${CN}]{1,3}日)?`;
const PART = `(?:${MONTH}|第?[一二三四1-4]季度|上半年|下半年|年?底|年?末|年中)`;
/** A due phrase must say it is one: 到/至/截至 before it, or 前/底/末 after it; or 年底前, 年内 on their own. */
const PHRASE = new RegExp(
  [
    `(?:到|至|截至|截止到?)${YEAR}${PART}?(?:底|末)?(?:前|之前|以前)?`,
    `${YEAR}${PART}?(?:底|末)?(?:前|之前|以前)`,
    `${YEAR}(?:年?底|年?末)`,
    `(?<![年\\d${CN}])${MONTH}(?:底)?(?:前|之前|以前)`,
    `(?<![年\\d${CN}])(?:年底前|年内|今年底前)`,
  ].join("|"),
  "gu",
);
const RECURRING = /每(年|季度?|月|半年)[^，。；]*$/;

export function findDueDates(chapters: Chapter[], year: number | undefined): DueDate[] {
  const out: DueDate[] = [];
  for (const chapter of chapters)
    for (const item of chapter.items)
      item.local.forEach((m, measure) => {
        if (m.deadline) out.push({ task: item.number, measure, source: "column", printed: m.deadline.printed, kind: m.deadline.kind, ...(m.deadline.last ? { last: m.deadline.last } : {}) });
        for (const match of m.text.matchAll(PHRASE)) {
          const start = match.index;
          if (RECURRING.test(m.text.slice(Math.max(0, start - 12), start))) continue;
          const parsed = parseDeadline(match[0], year === undefined ? undefined : { year });
          if (parsed.kind !== "date" || !parsed.last) continue;
          out.push({ task: item.number, measure, source: "text", printed: match[0], kind: "date", last: parsed.last, start, end: start + match[0].length });
        }
      });
  return out;
}
