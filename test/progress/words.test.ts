// The report's words: status words folded to one scale, a status read from the text only where it is said plainly,
// and the report's date from its title or file name.
import { describe, expect, it } from "vitest";
import { combineStatus, foldStatus, statusInText } from "../../src/progress/status.ts";
import { fileNameDate, titleDate } from "../../src/progress/report-date.ts";
import { reportName } from "../../src/progress/report-name.ts";
import { reportDate } from "../../src/progress/read-report.ts";

describe("status words", () => {
  it.each([
    ["已完成", "done"], ["完成", "done"], ["已办结", "done"], ["提前完成", "done"], [" 已完成。", "done"],
    ["序时推进", "on-track"], ["正常推进", "on-track"], ["有序推进", "on-track"], ["达进度", "on-track"], ["超进度", "on-track"],
    ["滞后", "behind"], ["欠进度", "behind"], ["未达序时进度", "behind"], ["进展缓慢", "behind"],
    ["", "unknown"], ["  ", "unknown"],
  ])("%s → %s", (word, status) => {
    expect(foldStatus(word)).toBe(status);
  });

  it("refuses words that are no status", () => {
    for (const word of ["良好", "推进中", "见附件", "80%"]) expect(foldStatus(word)).toBeUndefined();
  });

  it("reads a status from the text only where it says so plainly", () => {
    expect(statusInText("截至3月底，已完成小微企业园建设任务。")).toEqual({ status: "done", words: "已完成" });
    expect(statusInText("已全面完成年度目标")).toEqual({ status: "done", words: "已全面完成" });
    expect(statusInText("项目进度滞后，正在协调。")?.status).toBe("behind");
    expect(statusInText("各项工作正常推进。")?.status).toBe("on-track");
    // Not said plainly: a rate, a negation, a plan.
    expect(statusInText("完成率达到85%。")).toBeUndefined();
    expect(statusInText("目前尚未完成，已完成前期工作。")).toBeUndefined();
    expect(statusInText("计划6月底前完成。")).toBeUndefined();
    expect(statusInText("新增企业12家。")).toBeUndefined();
  });

  it("folds the rows of one measure: behind if any is, done only when all are", () => {
    expect(combineStatus(["done", "done"])).toBe("done");
    expect(combineStatus(["done", "on-track"])).toBe("on-track");
    expect(combineStatus(["on-track", "behind", "done"])).toBe("behind");
    expect(combineStatus(["unknown", "done"])).toBe("done");
    expect(combineStatus(["unknown"])).toBe("unknown");
  });
});

describe("the report's date", () => {
  it.each([
    ["落实情况（截至2025年6月底）", "2025-06-30"],
    ["截至2025年9月30日工作进展情况", "2025-09-30"],
    ["截止2024年2月底推进情况", "2024-02-29"],
    ["2025年上半年推进情况", "2025-06-30"],
    ["2025年下半年落实情况", "2025-12-31"],
    ["2025年度落实情况", "2025-12-31"],
    ["2025年三季度进展", "2025-09-30"],
    ["2025年第一季度进展情况", "2025-03-31"],
    ["2025年1-8月工作进展情况", "2025-08-31"],
    ["２０２５年１１月份进展情况", "2025-11-30"],
  ])("%s → %s", (title, date) => {
    expect(titleDate(title)?.date).toBe(date);
  });

  it("does not take the list's own year for the report's", () => {
    expect(titleDate("关于印发2022年专精特新任务清单的通知")).toBeUndefined();
    expect(titleDate("截至2025年13月底")).toBeUndefined();
    expect(titleDate("截至2025年2月30日")).toBeUndefined();
  });

  it("dates a quarter without a year by the file name's year", () => {
    expect(titleDate("三季度进展情况", 2025)?.date).toBe("2025-09-30");
    expect(titleDate("三季度进展情况")).toBeUndefined();
  });

  it("reads the file name", () => {
    expect(reportName("luan-zjtx-2022.progress-2025-06.xlsx")).toEqual({ listStem: "luan-zjtx-2022", year: 2025, month: 6 });
    expect(reportName("luan-zjtx-2022.xlsx")).toBeUndefined();
    expect(fileNameDate({ year: 2024, month: 2 })?.date).toBe("2024-02-29");
    expect(fileNameDate({ year: 2024, month: 13 })).toBeUndefined();
  });

  it("takes the title's date, and refuses a title and file name that disagree", () => {
    const name = reportName("x.progress-2025-06.xlsx");
    expect(reportDate("2025年上半年推进情况", name, { line: 1 })).toMatchObject({ ok: true, date: { date: "2025-06-30", from: "title" } });
    expect(reportDate("推进情况", name, { line: 1 })).toMatchObject({ ok: true, date: { date: "2025-06-30", from: "file-name" } });
    const wrong = reportDate("2025年三季度推进情况", name, { line: 2 });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.problem.message).toMatch(/title dates the report 2025-09-30 .*file name 2025-06/);
    const none = reportDate("推进情况", undefined, { line: 1 });
    expect(none.ok).toBe(false);
  });
});
