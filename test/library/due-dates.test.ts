// The dates a list sets: the deadline column's, and the phrases in the measures' own text.
import { describe, expect, it } from "vitest";
import { findDueDates } from "../../src/extract/due-dates.ts";
import type { Chapter } from "../../src/model/schema.ts";

function chapters(texts: string[], deadline?: string): Chapter[] {
  const at: [{ line: number }, { line: number }] = [{ line: 1 }, { line: 1 }];
  return [{
    number: 1, numeral: "一", label: "一、", title: "t", at,
    items: texts.map((text, i) => ({
      number: i + 1, label: `${i + 1}.`, title: "", at,
      local: [{ text, lead: ["市经信局"], support: [], responsible: [], leaders: [], at, ...(deadline ? { deadline: { printed: deadline, kind: "date" as const, last: "2025-06-30" } } : {}) }],
    })),
  }];
}

describe("due dates in the text", () => {
  it.each([
    ["到2025年，全市专精特新企业达到100家。", "到2025年", "2025-12-31"],
    ["2024年6月底前实现全程网办。", "2024年6月底前", "2024-06-30"],
    ["年底前挂牌运行。", "年底前", "2023-12-31"],
    ["6月底前完成首批诊断。", "6月底前", "2023-06-30"],
    ["力争2025年三季度前建成。", "2025年三季度前", "2025-09-30"],
    ["截至2024年底，累计培育50家。", "截至2024年底", "2024-12-31"],
  ])("%s → %s (%s)", (text, printed, last) => {
    const [due] = findDueDates(chapters([text]), 2023);
    expect(due).toMatchObject({ source: "text", printed, last, task: 1, measure: 0 });
    expect(text.slice(due!.start, due!.end)).toBe(printed);
  });

  it.each(["2022年以来累计培育30家。", "每年6月底前报送进展。", "全年新增贷款1亿元。", "2023年起实施。", "持续推进。"])("finds no date in %s", (text) => {
    expect(findDueDates(chapters([text]), 2023)).toEqual([]);
  });

  it("a month without a year needs the list's year", () => {
    expect(findDueDates(chapters(["6月底前完成。"]), undefined)).toEqual([]);
  });

  it("keeps the deadline column's date beside the text's", () => {
    const due = findDueDates(chapters(["2025年3月底前完成首批。"], "2025年6月底前"), 2025);
    expect(due.map((d) => [d.source, d.last])).toEqual([["column", "2025-06-30"], ["text", "2025-03-31"]]);
  });
});
