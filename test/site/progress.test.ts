// The progress views: a list's 督查 page (counts, overdue, behind, groups), a measure's history with its changes,
// a department's measures overdue first, the search's status choices, the department's Atom feed and the calendar's
// overdue marks. Over the progress fixture (test/progress/sources.ts).
import { beforeAll, describe, expect, it } from "vitest";
import type { Document } from "../../src/model/schema.ts";
import { calendarFeed, taskUrlOn } from "../../src/site/calendar.ts";
import { buildLibrary, departmentDue, type Library } from "../../src/site/library.ts";
import { paths } from "../../src/site/paths.ts";
import { departmentProgress, measureProgress, progressCharts, progressGroups, progressView, statusFilterValues } from "../../src/site/progress.ts";
import { progressFeed } from "../../src/site/progress-feed.ts";
import { progressCsv } from "../../src/render/progress-csv.ts";
import { bundled } from "../ingest/helpers.ts";
import { progressLists } from "../progress/sources.ts";

let docs: Document[];
let luan: Document;
let library: Library;
beforeAll(async () => {
  docs = await progressLists();
  luan = docs.find((d) => d.id === "luan-zjtx-2022")!;
  library = buildLibrary(docs);
});

describe("a list's progress page", () => {
  it("counts every measure at the newest report, those no report named as 未报送", () => {
    const view = progressView([luan], library)!;
    const measures = luan.chapters.flatMap((c) => c.items).reduce((n, i) => n + i.local.length, 0);
    expect(view.total).toBe(measures);
    // Newest entries: task 1's three (2026-03, on track), 2 on track, 3.2 (2025-06, on track), 5 done, 8 behind, 11 behind, 13 done.
    expect(view.counts).toEqual({ behind: 2, "on-track": 5, done: 2, unknown: 0, unreported: measures - 9 });
    expect(view.overdue.map((r) => r.task)).toEqual([2, 8, 11]);
    // Behind but not overdue: none here (8 and 11 are both).
    expect(view.behind).toEqual([]);
    expect(view.byChapter.map((g) => g.label)).toEqual(luan.chapters.map((c) => `${c.label}${c.title}`));
    expect(view.reports.map((r) => r.date)).toEqual(["2026-03-31", "2025-06-30"]);
  });

  it("links the lead units to their departments, and sorts the units with overdue measures first", () => {
    const view = progressView([luan], library)!;
    const row = view.overdue[0]!;
    expect(row.leads).toEqual([{ name: "市经信局", path: paths.unit(library.slugOf(luan.id, "市经信局")), label: "六安市 · 市经信局" }]);
    expect(view.byLead[0]).toMatchObject({ label: "市经信局", overdue: 3 });
  });

  it("over every list, groups by list and names each unit with its government", () => {
    const view = progressView(docs, library)!;
    expect(view.byChapter.map((g) => g.path).sort()).toEqual(docs.map((d) => paths.listProgress(d.id)).sort());
    expect(view.byLead.map((g) => g.label)).toContain("安平县 · 县公安局");
    expect(view.overdue.map((r) => `${r.docId}:${r.task}`)).toEqual(["anping-aq-2025:2", "luan-zjtx-2022:2", "luan-zjtx-2022:8", "luan-zjtx-2022:11"]);
  });

  it("draws each group's states as SVG, with the same counts in the table", () => {
    const [groups, leads] = progressCharts(progressView([luan], library)!, false);
    expect(groups!.svg).toMatch(/^<svg [^>]*role="img"/);
    expect(groups!.table.rows).toHaveLength(luan.chapters.length);
    // 一、: task 1's three measures on track (the Word report's task row), task 2 on track and overdue.
    expect(groups!.table.columns.map((c) => c.label)).toEqual(["章节", "滞后", "序时推进", "已完成", "未报送", "超期", "合计"]);
    expect(groups!.table.rows[0]!.cells.map((c) => c.text)).toEqual(["一、梯度化培育优质企业群体", "0", "4", "0", "0", "1", "4"]);
    expect(leads!.table.columns.map((c) => c.label)).toEqual(["牵头单位", "滞后", "序时推进", "已完成", "未报送", "超期", "合计"]);
  });

  it("shows nothing for a list without reports", () => {
    expect(progressView([bundled()])).toBeUndefined();
    expect(measureProgress(bundled()).size).toBe(0);
    expect(statusFilterValues([bundled()])).toEqual([]);
  });
});

describe("a measure's history", () => {
  it("lists the reports newest first, with what changed since the one before", () => {
    const task2 = measureProgress(luan).get(2)![0]!;
    expect(task2.history.map((h) => [h.date, h.statusLabel, h.overdue])).toEqual([["2026-03-31", "序时推进", true], ["2025-06-30", "序时推进", false]]);
    expect(task2.deadline).toBe("2025-12-31");
    const changes = task2.history[0]!.changes!;
    expect(changes.map((r) => r.text).join("")).toContain("累计86家");
    expect(changes.some((r) => r.change?.element === "del")).toBe(true);
    expect(changes.some((r) => r.change?.element === "ins")).toBe(true);
    expect(task2.history[1]!.changes).toBeUndefined();
  });
});

describe("a task's progress panel", () => {
  it("shows measures with the very same reports once", () => {
    // Task 1: each measure on its own row in 2025-06, one row on the task in 2026-03 — three histories.
    const task1 = measureProgress(luan).get(1)!;
    expect(progressGroups(task1).map((g) => g.measures)).toEqual([[0], [1], [2]]);
    // Given only the task row (the 2026-03 entries), the three are one.
    const onlyTask = measureProgress({ ...luan, progress: { ...luan.progress!, entries: luan.progress!.entries.filter((e) => e.report === 1) } }).get(1)!;
    expect(progressGroups(onlyTask).map((g) => g.measures)).toEqual([[0, 1, 2]]);
  });
});

describe("a department's progress", () => {
  it("puts its overdue measures first, then the behind ones", () => {
    const slug = library.slugOf(luan.id, "市经信局");
    const view = departmentProgress(library, slug)!;
    expect(view.overdue).toBe(3);
    expect(view.rows.slice(0, 3).map((r) => r.task)).toEqual([2, 8, 11]);
    expect(view.rows.every((r) => r.leads.some((l) => l.path === paths.unit(slug)))).toBe(true);
    // Another government's department of the same name has its own.
    expect(departmentProgress(library, library.slugOf("anping-aq-2025", "县公安局"))!.rows.map((r) => r.docId)).toEqual(["anping-aq-2025"]);
  });

  it("offers the search the states the task pages show", () => {
    expect(statusFilterValues(docs)).toEqual(["滞后", "序时推进", "已完成", "未标明"]);
  });
});

describe("the department's Atom feed", () => {
  const feed = () => {
    const department = library.department(library.slugOf(luan.id, "市经信局"))!;
    return progressFeed({
      title: "六安市 · 市经信局：落实进展",
      self: "https://example.gov.cn/zjtx/units/x/progress.xml",
      page: "https://example.gov.cn/zjtx/units/x/",
      siteUrl: "https://example.gov.cn",
      base: "/zjtx/",
      lists: department.lists.map((l) => ({ doc: library.document(l.doc.id)!, names: new Set(l.names) })),
    })!;
  };

  it("has an entry per report per measure it leads, newest first, with stable ids, and is the same every time", () => {
    const xml = feed();
    expect(xml).toBe(feed());
    const ids = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^tag:example\.gov\.cn,2026-03-31:luan-zjtx-2022\/t1\/m1$/);
    expect(xml).toContain("<title>【序时推进，超期】任务 2 实施梯度培育工程。</title>");
    expect(xml).toContain('href="https://example.gov.cn/zjtx/luan-zjtx-2022/tasks/2/"');
    expect(xml.match(/<updated>[^<]+<\/updated>/)![0]).toBe("<updated>2026-03-31T00:00:00Z</updated>");
  });

  it("keeps the reports' text as text", () => {
    const hostile: Document = structuredClone(luan);
    hostile.progress!.entries[0]!.text = '</summary><script>alert("x")</script>&';
    const department = library.department(library.slugOf(luan.id, "市经信局"))!;
    const xml = progressFeed({ title: "t", self: "s", page: "p", siteUrl: undefined, base: "/", lists: [{ doc: hostile, names: new Set(department.lists[0]!.names) }] })!;
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;/summary&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;");
  });
});

describe("the progress CSV", () => {
  it("has a row per report per measure, with the status as the site names it and where the row was read", () => {
    const lines = progressCsv(luan).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + luan.progress!.entries.length);
    expect(lines[0]).toBe("报告日期,报告,任务序号,任务,措施序号,牵头单位,状态,原文状态,超期,进展情况,存在问题,下步打算,备注,报告中的位置");
    expect(lines.find((l) => l.startsWith("2025-06-30,luan-zjtx-2022.progress-2025-06.xlsx,1,催生更多市场主体。,2,")))
      .toBe("2025-06-30,luan-zjtx-2022.progress-2025-06.xlsx,1,催生更多市场主体。,2,市科技局,已完成,已完成,否,完成专利转化项目12项，年度任务已完成。,,,,进展情况!C5:F5");
    const hostile: Document = structuredClone(luan);
    hostile.progress!.entries[0]!.text = "=HYPERLINK(\"x\")";
    expect(progressCsv(hostile)).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe("the calendars", () => {
  it("mark a deadline past at the newest report and not done", () => {
    const department = library.department(library.slugOf(luan.id, "市经信局"))!;
    const due = departmentDue(library, department);
    expect(due.filter((e) => e.overdue).map((e) => e.task)).toEqual([2, 8, 11]);
    const ics = calendarFeed({ name: department.label, events: due, siteUrl: "https://example.gov.cn", taskUrl: taskUrlOn("https://example.gov.cn", "/") });
    expect(ics.match(/SUMMARY:【超期】/g)).toHaveLength(3);
  });
});
