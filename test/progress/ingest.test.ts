// Progress reports as the ingest reads them: matched to their lists' measures, dated, folded to one scale, overdue
// marked; and every refusal at its cell, with nothing written.
import { mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFiles, runIngest, withCompanionSources } from "../../src/cli/ingest-command.ts";
import type { Document } from "../../src/model/schema.ts";
import type { ProgressEntry } from "../../src/model/progress.ts";
import { writeXlsx, type SheetSpec } from "../support/xlsx-writer.ts";
import { LIMITS } from "../../src/ingest/readers/limits.ts";
import { MAX_PROBLEMS } from "../../src/progress/read-report.ts";
import { BUNDLED_LIST, PROGRESS_FIXTURES, progressLists, writeOffice } from "./sources.ts";

let luan: Document;
let anping: Document;
beforeAll(async () => {
  [anping, luan] = await progressLists().then((docs) => [docs.find((d) => d.id === "anping-aq-2025")!, docs.find((d) => d.id === "luan-zjtx-2022")!]);
});

const entry = (doc: Document, report: number, task: number, measure = 0): ProgressEntry | undefined =>
  doc.progress!.entries.find((e) => e.report === report && e.task === task && e.measure === measure);

describe("reports on the bundled list (Excel, then Word)", () => {
  it("dates the reports from their titles, oldest first", () => {
    expect(luan.progress!.reports.map((r) => [r.source, r.date, r.dateFrom, r.rows])).toEqual([
      ["luan-zjtx-2022.progress-2025-06.xlsx", "2025-06-30", "title", 9],
      ["luan-zjtx-2022.progress-2026-03.docx", "2026-03-31", "title", 6],
    ]);
  });

  it("matches a row by its measure's first sentence, under a task cell merged over three rows", () => {
    const second = entry(luan, 0, 1, 1)!;
    expect(second).toMatchObject({ scope: "measure", status: "done", statusFrom: "column", text: "完成专利转化项目12项，年度任务已完成。" });
    expect(second.at).toEqual([{ sheet: "进展情况", cell: "C5" }, { sheet: "进展情况", cell: "F5" }]);
    expect(entry(luan, 0, 1, 2)).toMatchObject({ status: "behind", problems: "龙头项目落地慢于计划。" });
  });

  it("takes the measure a task's row means from its lead unit, and a row of a task with several measures as the task's", () => {
    // Task 3 has two measures; the row names 市市场监管局, which leads the second only.
    expect(entry(luan, 0, 3, 1)).toMatchObject({ scope: "measure", status: "on-track" });
    expect(entry(luan, 0, 3, 0)).toBeUndefined();
    // The Word report's row 1 names the task only: it reports on each of its three measures.
    expect([0, 1, 2].map((m) => entry(luan, 1, 1, m)?.scope)).toEqual(["task", "task", "task"]);
  });

  it("folds the printed words, and reads a status from the text only where it says so", () => {
    expect([entry(luan, 0, 2), entry(luan, 0, 5), entry(luan, 0, 8)].map((e) => [e!.statusPrinted, e!.status])).toEqual([
      ["正常推进", "on-track"], ["提前完成", "done"], ["欠进度", "behind"],
    ]);
    expect(entry(luan, 1, 13)).toMatchObject({ status: "done", statusFrom: "text", statusPrinted: "已完成" });
  });

  it("marks overdue the measures past their deadline and not done at the report's date", () => {
    // Tasks 2, 8, 11 and 13 are due by 2025-12-31 (到2025年): not overdue at 2025-06-30; at 2026-03-31 all but the done 13.
    expect(luan.progress!.entries.filter((e) => e.report === 0 && e.overdue)).toEqual([]);
    expect(luan.progress!.entries.filter((e) => e.report === 1 && e.overdue).map((e) => e.task)).toEqual([2, 8, 11]);
    expect(entry(luan, 1, 13)!.overdue).toBe(false);
    // A measure without a dated deadline is never overdue.
    expect(entry(luan, 1, 1)!.overdue).toBe(false);
  });
});

describe("reports on a county's Excel list (layout E)", () => {
  it("finds a Word report by its title, and dates it 2025年上半年", () => {
    expect(anping.progress!.reports[0]).toMatchObject({ source: "anping-banjie-2025.docx", date: "2025-06-30", dateFrom: "title", datePrinted: "2025年上半年" });
  });

  it("joins a measure split over two rows into one entry, behind when one row is", () => {
    const split = entry(anping, 1, 2)!;
    expect(split.text).toBe("重点路段整治完成80%。\n客运企业检查覆盖率100%。");
    expect(split.status).toBe("behind");
    expect(split.at).toEqual([{ sheet: "Sheet1", cell: "A4" }, { sheet: "Sheet1", cell: "E5" }]);
  });

  it("is not overdue on its deadline's own day, and is the day after", () => {
    // Task 2 is due 2025年6月底前 (2025-06-30): behind at 2025-06-30 is not yet overdue; at 2025-09-30 it is.
    expect(entry(anping, 0, 2)).toMatchObject({ status: "behind", overdue: false });
    expect(entry(anping, 1, 2)!.overdue).toBe(true);
    // Task 3 prints no status and says none: unknown, never guessed.
    expect(entry(anping, 1, 3)).toMatchObject({ status: "unknown", statusFrom: "none", statusPrinted: "" });
  });
});

// ---- Refusals ----

type Sheets = { sheets: SheetSpec[] };
const reportSpec = (): Sheets => JSON.parse(readFileSync(join(PROGRESS_FIXTURES, "luan-zjtx-2022.progress-2025-06.xlsx.json"), "utf8")) as Sheets;

async function refusal(edit: (spec: Sheets) => void, name = "luan-zjtx-2022.progress-2025-06.xlsx", extra: string[] = []): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "progress-refusal-"));
  const spec = reportSpec();
  edit(spec);
  const file = join(dir, name);
  writeFileSync(file, await writeXlsx(spec));
  const parsed = await parseFiles([BUNDLED_LIST, file, ...extra]);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : parsed.lines.map((l) => l.replace(dir + "/", ""));
}

describe("refusals, each at its place", () => {
  it("a row that matches no measure of the list", async () => {
    const lines = await refusal((s) => {
      s.sheets[0].rows[4][2] = "开展城镇燃气安全专项整治，排查整改隐患100处以上。";
    });
    expect(lines).toEqual([expect.stringMatching(/^luan-zjtx-2022\.progress-2025-06\.xlsx:进展情况!C5: the row's measure “开展城镇燃气安全专项整治.*” is none of the list's measures; expected /)]);
  });

  it("a row numbered as no task of the list", async () => {
    const lines = await refusal((s) => {
      s.sheets[0].rows[6] = [42, null, null, "市经信局", "新认定企业35家。", "正常推进", null];
    });
    expect(lines).toEqual([expect.stringMatching(/:进展情况!A7: the row is numbered 42, and the list has no task 42; expected /)]);
  });

  it("a status cell holding something else", async () => {
    const lines = await refusal((s) => {
      s.sheets[0].rows[6][5] = "良好";
    });
    expect(lines).toEqual([expect.stringMatching(/:进展情况!F7: the status “良好” is none the site knows; expected one of 已完成\/完成/)]);
  });

  it("two reports of one date", async () => {
    const dir = mkdtempSync(join(tmpdir(), "progress-twice-"));
    // The second one names the list by its title, as a report with a file name of its own does.
    const other = join(dir, "liuan-2025-banian.xlsx");
    const spec = reportSpec();
    spec.sheets[0].rows[0][0] = `${luan.listTitle}2025年上半年落实情况`;
    writeFileSync(other, await writeXlsx(spec));
    const lines = await refusal(() => {}, "luan-zjtx-2022.progress-2025-06.xlsx", [other]);
    expect(lines.join("\n")).toMatch(/a second report of 2025-06-30 on the list luan-zjtx-2022 \(the other is (luan-zjtx-2022\.progress-2025-06|liuan-2025-banian)\.xlsx\); expected one report per date/);
  });

  it("a report whose list is not among the sources", async () => {
    const lines = await refusal(() => {}, "qingshan-zjtx-2023.progress-2025-06.xlsx");
    expect(lines).toEqual([expect.stringMatching(/^qingshan-zjtx-2023\.progress-2025-06\.xlsx:1: the report is on the list “qingshan-zjtx-2023” \(its file name says so\), which is not among the sources read; expected /)]);
  });

  it("a report named by neither its file name nor its title", async () => {
    const lines = await refusal((s) => {
      s.sheets[0].rows[0][0] = "2025年上半年工作推进情况";
    }, "baogao.xlsx");
    expect(lines).toEqual([expect.stringMatching(/^baogao\.xlsx:1: the report names no list of the sources read/)]);
  });

  it("a title dating another month than the file name", async () => {
    const lines = await refusal((s) => {
      s.sheets[0].rows[0][0] = "六安市专精特新任务和责任清单落实情况（截至2025年9月底）";
    });
    expect(lines).toEqual([expect.stringMatching(/:进展情况!A1: the title dates the report 2025-09-30 \(截至2025年9月\), its file name 2025-06; expected the same month in both$/)]);
  });

  it("a cell under no column of the header", async () => {
    const lines = await refusal((s) => {
      s.sheets[0].rows[6][7] = "另附说明";
    });
    expect(lines).toEqual([expect.stringMatching(/:进展情况!H7: a cell under no column of the report's header; expected /)]);
  });

  it("a table longer than the limit, and a report of another list, which stops after a few problems", async () => {
    const long = await refusal((s) => {
      const row = s.sheets[0].rows[6]!;
      s.sheets[0].rows.push(...Array.from({ length: LIMITS.reportRows }, () => [...row]));
    });
    expect(long).toEqual([expect.stringMatching(new RegExp(`:进展情况!A2: the report's table has ${LIMITS.reportRows + 14} rows; expected at most ${LIMITS.reportRows} `))]);
    const other = await refusal((s) => {
      s.sheets[0].rows.push(...Array.from({ length: 40 }, (_, i) => [null, null, `第${i}项无关措施的文字内容`, "某单位", "进展", "序时推进", null]));
    });
    expect(other).toHaveLength(MAX_PROBLEMS + 1);
    expect(other.at(-1)).toMatch(/: stopped after 20 problems; expected the report of this list/);
  });

  it("writes nothing when a report is refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "progress-nothing-"));
    const spec = reportSpec();
    spec.sheets[0].rows[6][5] = "良好";
    const report = join(dir, "luan-zjtx-2022.progress-2025-06.xlsx");
    writeFileSync(report, await writeXlsx(spec));
    const errors: string[] = [];
    const code = await runIngest({ files: [BUNDLED_LIST, report], out: join(dir, "content"), json: false, check: false, help: false, log: () => {}, error: (l) => errors.push(l) });
    expect(code).toBe(1);
    expect(existsSync(join(dir, "content"))).toBe(false);
    expect(errors.at(-1)).toBe("ingest: 1 problem(s); nothing written");
  });
});

describe("a list is not a report", () => {
  it("a list printed with an empty 完成情况 column for the units to fill is read as a list, the column left out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "progress-blank-"));
    const spec = JSON.parse(readFileSync(join(PROGRESS_FIXTURES, "anping-aq-2025.xlsx.json"), "utf8")) as Sheets;
    spec.sheets[0]!.rows[2]!.push("完成情况");
    const file = join(dir, "anping-aq-2025.xlsx");
    writeFileSync(file, await writeXlsx(spec));
    const parsed = await parseFiles([file]);
    if (!parsed.ok) throw new Error(parsed.lines.join("\n"));
    const [doc] = parsed.documents.map((d) => d.document);
    expect(doc!.progress).toBeUndefined();
    expect(doc!.columns.map((c) => c.label)).toEqual(anping.columns.map((c) => c.label));
    expect(doc!.chapters).toEqual(anping.chapters);
    // With something under it, the same file is a report (on no list here).
    spec.sheets[0]!.rows[4]!.push("已完成");
    writeFileSync(file, await writeXlsx(spec));
    const report = await parseFiles([file]);
    expect(report.ok ? [] : report.lines).toEqual([expect.stringMatching(/anping-aq-2025\.xlsx:1: the report names no list of the sources read/)]);
  });
});

describe("a run on one file", () => {
  it("reads a list with the reports beside it, and a report with its list", async () => {
    const dir = mkdtempSync(join(tmpdir(), "progress-companions-"));
    const list = join(dir, "luan-zjtx-2022.txt");
    copyFileSync(BUNDLED_LIST, list);
    const report = await writeOffice(join(PROGRESS_FIXTURES, "luan-zjtx-2022.progress-2025-06.xlsx.json"), dir);
    const other = await writeOffice(join(PROGRESS_FIXTURES, "anping-aq-2025.xlsx.json"), dir);
    expect(withCompanionSources([list])).toEqual([list, report]);
    expect(withCompanionSources([report])).toEqual([report, list]);
    expect(withCompanionSources([other])).toEqual([other]);
  });
});
