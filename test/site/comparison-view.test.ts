// The comparison view models of the bundled document: rows, sides, labels, grouping and share formatting.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/model/schema.ts";
import type { ComparisonRow } from "../../src/model/comparison.ts";
import { comparisonPageView, groupByMeasure, rowSides, taskComparisonViews, type TextRun } from "../../src/site/comparison-view.ts";

const doc = Document.parse(JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")));
const views = taskComparisonViews(doc);
const task = (n: number) => views.get(n)!;
const rows = (n: number) => task(n).groups.flatMap((g) => g.rows);
const spell = (runs: TextRun[] | null) => runs?.map((r) => r.text).join("") ?? null;
const changes = (runs: TextRun[] | null) => (runs ?? []).filter((r) => r.change).map((r) => [r.change!.element, r.text, r.change!.mark ?? ""]);

describe("task comparison view", () => {
  it("has a view for every task, with every row's sides spelling its spans exactly", () => {
    expect([...views.keys()]).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const t of doc.comparison.tasks) {
      const shown = task(t.item).groups.flatMap((g) => g.rows);
      expect(shown).toHaveLength(t.rows.length);
      shown.forEach((row, i) => {
        expect(spell(row.superior)).toBe(t.rows[i]!.superior?.text ?? null);
        expect(spell(row.local)).toBe(t.rows[i]!.local?.text ?? null);
      });
    }
  });

  it("task 9: 信用贷 → 订单贷 is a changed row with the deletion on the left and the insertions on the right", () => {
    const changed = rows(9).filter((r) => r.kind === "changed");
    expect(changed).toHaveLength(1);
    const row = changed[0]!;
    expect(row.badge).toEqual({ kind: "changed", text: "修改" });
    expect(changes(row.superior)).toEqual([["del", "信用", ""]]);
    expect(changes(row.local)).toEqual([["ins", "订单", ""], ["ins", "专属", ""]]);
    expect(row.superior!.find((r) => r.change)!.change!.label).toBe("删除：");
    expect(row.local!.find((r) => r.change)!.change!.label).toBe("新增：");
    expect(row.missing).toBeNull();
  });

  it("task 9: the 十行千亿万企 sentence is not kept and the guarantee action is added, in that order", () => {
    expect(rows(9).map((r) => r.badge.text)).toEqual(["相同", "修改", "未保留", "新增", "相同"]);
    const omitted = rows(9)[2]!;
    expect(spell(omitted.superior)).toContain("十行千亿万企");
    expect(omitted.local).toBeNull();
    expect(omitted.missing).toBe("（市贯彻落实措施未保留）");
    const added = rows(9)[3]!;
    expect(spell(added.local)).toContain("融资担保提升行动");
    expect(added.superior).toBeNull();
    expect(added.missing).toBe("（省工作举措无对应内容）");
  });

  it("task 5: 500 → 10 is marked as a changed number, and the comma-only difference is a punctuation badge", () => {
    const [first] = rows(5);
    expect(changes(first!.superior)).toEqual([["del", "500", "number"]]);
    expect(changes(first!.local)).toEqual([["ins", "10", "number"]]);
    const punctuation = rows(5).filter((r) => r.badge.kind === "punctuation");
    expect(punctuation).toHaveLength(1);
    expect(punctuation[0]!.kind).toBe("identical");
    expect(punctuation[0]!.badge.text).toBe("相同（标点不同）");
    expect(changes(punctuation[0]!.superior)).toEqual([["del", "，", "punctuation"], ["del", "，", "punctuation"]]);
    expect(changes(punctuation[0]!.local)).toEqual([["ins", ",", "punctuation"], ["ins", ",", "punctuation"]]);
    // An identical row with no difference at all is one plain run on each side.
    const plain = rows(5).find((r) => r.badge.kind === "identical")!;
    expect(plain.superior).toEqual(plain.local);
    expect(plain.superior).toHaveLength(1);
  });

  it("formats the task's copied share and counts", () => {
    expect(task(9).share).toEqual({ percent: "74%", text: "市贯彻落实措施中照抄省工作举措的文字占 74%（共 218 字，其中照抄 162 字）。" });
    expect(task(9).counts).toBe("相同 2 句，修改 1 句，新增 1 句，未保留 1 句。");
    expect(task(5).share.percent).toBe("61%");
  });

  it("groups task 1's rows by its three measures, and labels them only when there are several", () => {
    expect(task(1).grouped).toBe(true);
    expect(task(1).groups.map((g) => [g.measure, g.label, g.rows.length])).toEqual([
      [1, "市贯彻落实措施（1）", 2],
      [2, "市贯彻落实措施（2）", 1],
      [3, "市贯彻落实措施（3）", 1],
    ]);
    expect(task(9).grouped).toBe(false);
    expect(task(9).groups).toHaveLength(1);
  });

  it("names the columns after the document's own labels and links to the share page", () => {
    expect(task(9).columns).toEqual({ kind: "对照结果", superior: "省工作举措", local: "市贯彻落实措施" });
    expect(task(9).id).toBe("comparison");
    expect(task(9).pagePath).toBe("luan-zjtx-2022/comparison/");
    expect(task(9).legend.entries.map((e) => e.sample)).toEqual(["del", "ins", "number", "identical", "punctuation", "changed", "added", "omitted"]);
  });
});

describe("rows without a measure", () => {
  const row = (kind: ComparisonRow["kind"], measure: number | null): ComparisonRow => ({
    kind,
    superior: kind === "added" ? null : { start: 0, end: 1, text: "甲" },
    local: measure === null ? null : { measure, start: 0, end: 1, text: "甲" },
    similarity: null,
    diff: [],
  });
  it("join the measure before them, or the one after them when they open the task", () => {
    const groups = groupByMeasure([row("omitted", null), row("added", 0), row("added", 1), row("omitted", null), row("added", 2)], (r) => r.kind);
    expect(groups).toEqual([
      { measure: 0, rows: ["omitted", "added"] },
      { measure: 1, rows: ["added", "omitted"] },
      { measure: 2, rows: ["added"] },
    ]);
  });
  it("fall in measure 0 when no row has one", () => {
    expect(groupByMeasure([row("omitted", null)], (r) => r.kind)).toEqual([{ measure: 0, rows: ["omitted"] }]);
  });
  it("a diff that does not spell the span is a bug in the data and throws", () => {
    const broken: ComparisonRow = { ...row("changed", 0), diff: [{ kind: "same", text: "乙" }] };
    expect(() => rowSides(broken, "task 0 row 1")).toThrow(/task 0 row 1: the diff spells "乙" but the superior text is "甲"/);
  });
});

describe("share page view", () => {
  const page = comparisonPageView(doc);
  it("has the chart and a table row per task linking to its comparison view", () => {
    expect(page.chart.svg).toMatch(/^<svg [^>]*role="img"/);
    expect(page.chart.svg.match(/<rect /g)).toHaveLength(20);
    expect(page.table.rows).toHaveLength(20);
    expect(page.table.columns).toEqual(["任务", "照抄比例", "照抄字数", "总字数", "相同", "修改", "新增", "未保留"]);
    expect(page.table.rows[8]).toEqual({ item: 9, path: "luan-zjtx-2022/tasks/9/#comparison", cells: ["9. 加大金融信贷支持力度。", "74%", "162", "218", "2", "1", "1", "1"] });
  });
  it("totals the document", () => {
    expect(page.overall).toBe("市贯彻落实措施中照抄省工作举措的文字占 49%（共 3,858 字，其中照抄 1,892 字）。");
    const total = (i: number) => page.table.rows.reduce((n, r) => n + Number(r.cells[i]), 0);
    expect(page.table.footer).toEqual(["全文", "49%", "1,892", "3,858", String(total(4)), String(total(5)), String(total(6)), String(total(7))]);
    expect(page.method).toContain("不低于 30%");
  });
});
