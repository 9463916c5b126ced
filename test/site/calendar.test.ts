// The iCalendar feeds (RFC 5545) of deadlines, built from real lists — the bundled one (text export, layout A) and the
// library fixtures (layout C as text, layout D as an HTML page) — and read back with ical.js, an independent parser.
import { join } from "node:path";
import ICAL from "ical.js";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ingestFiles } from "../ingest/helpers.ts";
import type { Document } from "../../src/model/schema.ts";
import { calendarFeed, PRODID, SUMMARY_LENGTH, taskUrlOn, type CalendarFeedInput } from "../../src/site/calendar.ts";
import { buildLibrary, departmentDue, departmentHasDue, departmentPages, dueOf, type DueEntry, type Library } from "../../src/site/library.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SITE = "https://www.luan.gov.cn";
const BASE = "/zjtx/";
const taskUrl = taskUrlOn(SITE, BASE);

const SOURCES = [
  ["luan-zjtx-2022", "seeds/luan-zjtx-2022.txt"],
  ["luan-shuzi-2023", "test/fixtures/library/luan-shuzi-2023.txt"],
  ["luan-yingshang-2024", "test/fixtures/library/luan-yingshang-2024.html"],
] as const;

let documents: Document[];
let library: Library;

beforeAll(async () => {
  // As the ingest reads them: the bundled list's government comes from its settings file beside it.
  documents = await ingestFiles(SOURCES.map(([, path]) => path));
  expect(documents.map((d) => d.id)).toEqual(SOURCES.map(([id]) => id));
  library = buildLibrary(documents);
});

afterEach(() => {
  vi.useRealTimers();
});

/** The feed of the department a list prints as `printed`, as calendar.ics.ts builds it. */
function departmentFeed(printed: string): string {
  const d = library.departments.find((x) => x.names.includes(printed));
  if (!d) throw new Error(`no department ${printed}`);
  return calendarFeed({ name: d.canonical, events: departmentPages(library, d)[0]!.due, siteUrl: SITE, taskUrl });
}

const everyoneFeed = () => calendarFeed({ name: "全部单位", events: library.documents.flatMap((d) => dueOf(d)), siteUrl: SITE, taskUrl });

// ical.js reads properties it does not know as raw "unknown" values; the calendar's name and description are TEXT
// (RFC 7986 NAME; X-WR-CALNAME and X-WR-CALDESC as Apple, Google and Outlook read them), so it is told so.
for (const name of ["name", "x-wr-calname", "x-wr-caldesc"]) ICAL.design.icalendar.property[name] = { defaultType: "text" };

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevents = calendar.getAllSubcomponents("vevent");
  return { calendar, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

const text = (c: ICAL.Component, name: string) => c.getFirstPropertyValue(name) as string;

describe("a department's feed (市经信局 across three lists)", () => {
  // Counted by hand from the sources, in the feed's order (date; then the newer list; task; measure; column first):
  // luan-shuzi-2023 (2023-03-15, label lines): task 1 leads — 完成时限 2023年12月底前 and “2023年6月底前” in its text;
  //   task 2 cooperates — 2023年10月底前; task 3 cooperates — 长期坚持, no date; task 4 co-leads — 2023年年底前 and
  //   “年底前” in its text (both 2023-12-31).
  // luan-yingshang-2024 (2024-02-28, unit parentheses): （五） leads — （…，2024年9月底前兑现）; （二）（四） name it
  //   without a date.
  // luan-zjtx-2022 (2022年5月, layout A, no deadline column): tasks 2 (截至2025年), 8, 11 (到2025年) and 13, whose
  //   measure says 到2025年 twice — two events, the second UID with -2.
  const expected: Array<[uid: string, date: string]> = [
    ["luan-shuzi-2023-t1-m1-text-2023-06-30", "2023-06-30"],
    ["luan-shuzi-2023-t2-m1-column-2023-10-31", "2023-10-31"],
    ["luan-shuzi-2023-t1-m1-column-2023-12-31", "2023-12-31"],
    ["luan-shuzi-2023-t4-m1-column-2023-12-31", "2023-12-31"],
    ["luan-shuzi-2023-t4-m1-text-2023-12-31", "2023-12-31"],
    ["luan-yingshang-2024-t5-m1-column-2024-09-30", "2024-09-30"],
    ["luan-zjtx-2022-t2-m1-text-2025-12-31", "2025-12-31"],
    ["luan-zjtx-2022-t8-m1-text-2025-12-31", "2025-12-31"],
    ["luan-zjtx-2022-t11-m1-text-2025-12-31", "2025-12-31"],
    ["luan-zjtx-2022-t13-m1-text-2025-12-31", "2025-12-31"],
    ["luan-zjtx-2022-t13-m1-text-2025-12-31-2", "2025-12-31"],
  ];

  it("has one all-day event per dated deadline, on its last day, in date order", () => {
    const { events, vevents } = parse(departmentFeed("市经信局"));
    expect(events).toHaveLength(11);
    expect(events.map((e) => [e.uid, e.startDate.toString()])).toEqual(expected.map(([uid, date]) => [`${uid}@www.luan.gov.cn`, date]));
    for (const [i, v] of vevents.entries()) {
      expect(v.getFirstProperty("dtstart")!.type).toBe("date");
      expect(events[i]!.startDate.isDate).toBe(true);
      expect(events[i]!.endDate.isDate).toBe(true);
      expect(events[i]!.duration.toSeconds()).toBe(24 * 60 * 60);
    }
  });

  it("names the calendar after the department, under the fixed PRODID", () => {
    const { calendar } = parse(departmentFeed("市经济和信息化局"));
    expect(text(calendar, "x-wr-calname")).toBe("市经信局到期事项");
    expect(text(calendar, "prodid")).toBe(`-${PRODID}`);
    expect(text(calendar, "version")).toBe("2.0");
  });

  it("titles an event with the measure and describes the list, task, deadline, units and link", () => {
    const { vevents, events } = parse(departmentFeed("市经信局"));
    const at = (uid: string) => expected.findIndex(([u]) => u === uid);

    const column = at("luan-yingshang-2024-t5-m1-column-2024-09-30");
    expect(events[column]!.summary).toBe("对新认定的国家级专精特新“小巨人”企业给予一次性奖励50万元。");
    expect(events[column]!.description.split("\n")).toEqual([
      "清单：六安市2024年优化营商环境重点任务",
      "任务 5：对新认定的国家级专精特新“小巨人”企业给予一次性奖励50万元",
      "完成时限：2024年9月底前兑现（最后期限 2024-09-30）",
      "牵头：市经济和信息化局",
      "配合：市财政局",
      "措施：对新认定的国家级专精特新“小巨人”企业给予一次性奖励50万元。",
      "任务页面：https://www.luan.gov.cn/zjtx/luan-yingshang-2024/tasks/5/",
    ]);
    expect(text(vevents[column]!, "url")).toBe("https://www.luan.gov.cn/zjtx/luan-yingshang-2024/tasks/5/");

    // A date read from the measure's own words says so.
    const fromText = at("luan-shuzi-2023-t1-m1-text-2023-06-30");
    expect(events[fromText]!.description).toContain("完成时限：2023年6月底前（文中）（最后期限 2023-06-30）");
    expect(events[fromText]!.description).toContain("配合：市财政局、市科学技术局");
    expect(events[at("luan-shuzi-2023-t1-m1-column-2023-12-31")]!.description).toContain("完成时限：2023年12月底前（最后期限 2023-12-31）");

    // The bundled list's measures are long: the title is the opening, cut with “…”; the description has it whole.
    const long = at("luan-zjtx-2022-t2-m1-text-2025-12-31");
    const measure = documents.find((d) => d.id === "luan-zjtx-2022")!.chapters.flatMap((c) => c.items).find((i) => i.number === 2)!.local[0]!.text;
    expect([...events[long]!.summary]).toHaveLength(SUMMARY_LENGTH + 1);
    expect(events[long]!.summary.endsWith("…")).toBe(true);
    expect(measure.startsWith(events[long]!.summary.slice(0, -1))).toBe(true);
    expect(events[long]!.description).toContain(`措施：${measure}`);
    expect(events[long]!.description).toContain("完成时限：截至2025年（文中）（最后期限 2025-12-31）");
    expect(text(vevents[long]!, "url")).toBe("https://www.luan.gov.cn/zjtx/luan-zjtx-2022/tasks/2/");
  });

  it("never makes an event of an ongoing (长期坚持) deadline", () => {
    const shuzi = documents.find((d) => d.id === "luan-shuzi-2023")!;
    expect(shuzi.dueDates.filter((d) => d.task === 3).map((d) => [d.kind, d.printed])).toEqual([["ongoing", "长期坚持"]]);
    // 市人社局 leads task 3 (长期坚持) and cooperates on task 4 (2023年年底前, and 年底前 in its text).
    const hr = parse(departmentFeed("市人力资源和社会保障局")).events;
    expect(hr.map((e) => e.uid)).toEqual(["luan-shuzi-2023-t4-m1-column-2023-12-31@www.luan.gov.cn", "luan-shuzi-2023-t4-m1-text-2023-12-31@www.luan.gov.cn"]);
    for (const ics of [departmentFeed("市经信局"), departmentFeed("市人社局"), everyoneFeed()]) {
      expect(parse(ics).events.some((e) => e.uid.startsWith("luan-shuzi-2023-t3-"))).toBe(false);
      expect(ics).not.toContain("长期坚持");
    }
  });
});

describe("the feed of every department", () => {
  it("has every dated deadline of every list once", () => {
    const { calendar, events } = parse(everyoneFeed());
    // 5 in the bundled list, 5 in luan-shuzi-2023 (task 3 is 长期坚持), 3 in luan-yingshang-2024.
    expect(events).toHaveLength(13);
    expect(new Set(events.map((e) => e.uid)).size).toBe(13);
    expect(text(calendar, "x-wr-calname")).toBe("全部单位到期事项");
    const dates = events.map((e) => e.startDate.toString());
    expect(dates).toEqual([...dates].sort());
  });
});

describe("which departments get a feed", () => {
  it("those with a dated deadline in some list, and only those", () => {
    const has = library.departments.filter((d) => departmentHasDue(library, d));
    expect(has.length).toBeGreaterThan(0);
    expect(has.length).toBeLessThan(library.departments.length);
    for (const d of library.departments) expect(departmentHasDue(library, d)).toBe(departmentDue(library, d).length > 0);
  });
});

describe("reproducible output", () => {
  it("is byte-identical between runs, whatever the clock and the time zone say", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-07-04T12:34:56Z"));
    const first = departmentFeed("市经信局");
    const firstAll = everyoneFeed();
    vi.setSystemTime(new Date("2040-01-01T00:00:00Z"));
    const tz = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati"; // UTC+14: an all-day date must not shift with the machine's zone
      expect(departmentFeed("市经信局")).toBe(first);
      process.env.TZ = "America/Los_Angeles";
      expect(everyoneFeed()).toBe(firstAll);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const uids = (ics: string) => parse(ics).events.map((e) => e.uid);
    expect(uids(first)).toEqual(uids(departmentFeed("市经信局")));
    expect(new Set(uids(first)).size).toBe(uids(first).length);
  });

  it("stamps each event with its list's date, never the build's time", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-07-04T12:34:56Z"));
    const { vevents, events } = parse(departmentFeed("市经信局"));
    const stamps = vevents.map((v) => (v.getFirstPropertyValue("dtstamp") as ICAL.Time).toString());
    const byList = { "luan-shuzi-2023": "2023-03-15T00:00:00Z", "luan-yingshang-2024": "2024-02-28T00:00:00Z", "luan-zjtx-2022": "2022-05-01T00:00:00Z" };
    expect(stamps).toEqual(events.map((e) => byList[e.uid.replace(/-t\d+-.*$/, "") as keyof typeof byList]));
    const ics = departmentFeed("市经信局");
    expect(ics).not.toMatch(/^DTSTAMP:2031/m);
    expect(ics).not.toMatch(/^(CREATED|LAST-MODIFIED)/m);
  });
});

describe("escaping and folding", () => {
  const doc = { id: "made-up-2025", title: "某市清单，含逗号；分号\\反斜杠", source: "made-up-2025.txt", date: "2025-01", datePrinted: "2025年1月", government: "某市" };
  const entry = (over: Partial<DueEntry> = {}): DueEntry => ({
    date: "2025-03-31",
    printed: "2025年3月底前",
    source: "column",
    role: "lead",
    doc,
    task: 7,
    title: "任务,题目;含\\符号",
    n: 2,
    measure: "",
    text: "第一行，含 a,b;c\\d 符号\n第二行：\\n 不是换行\r\n第三行𠮷😀",
    lead: ["甲局,乙办"],
    support: ["丙局;丁委", "戊\\所"],
    ...over,
  });
  const feed = (input: Partial<CalendarFeedInput> = {}) =>
    calendarFeed({ name: "某局,某办;\\", description: "说明,含;符号\\和\n换行", events: [entry()], siteUrl: "https://example.gov.cn:8443", taskUrl, ...input });

  it("keeps , ; \\ and line breaks in every text through escaping", () => {
    const ics = feed();
    expect(ics).toContain("\r\nX-WR-CALNAME:某局\\,某办\\;\\\\到期事项\r\n");
    const { calendar, events } = parse(ics);
    expect(text(calendar, "x-wr-calname")).toBe("某局,某办;\\到期事项");
    expect(text(calendar, "name")).toBe("某局,某办;\\到期事项");
    expect(text(calendar, "x-wr-caldesc")).toBe("说明,含;符号\\和\n换行");
    const e = events[0]!;
    expect(e.uid).toBe("made-up-2025-t7-m2-column-2025-03-31@example.gov.cn");
    expect(e.summary).toBe("第一行，含 a,b;c\\d 符号");
    expect(e.description.split("\n")).toEqual([
      "清单：某市清单，含逗号；分号\\反斜杠",
      "任务 7：任务,题目;含\\符号",
      "完成时限：2025年3月底前（最后期限 2025-03-31）",
      "牵头：甲局,乙办",
      "配合：丙局;丁委、戊\\所",
      "措施：第一行，含 a,b;c\\d 符号",
      "第二行：\\n 不是换行",
      "第三行𠮷😀",
      "任务页面：https://www.luan.gov.cn/zjtx/made-up-2025/tasks/7/",
    ]);
    expect(e.startDate.toString()).toBe("2025-03-31");
    expect(e.endDate.toString()).toBe("2025-04-01");
  });

  it("folds lines at 75 octets without splitting a character, and ends every line with CRLF", () => {
    const long = entry({ text: "长".repeat(300) + "😀".repeat(40) + ",;\\".repeat(30) });
    const ics = feed({ events: [long, entry({ n: 3 })] });
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    const lines = ics.slice(0, -2).split("\r\n");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(" ")).length).toBeGreaterThan(10);
    expect(ics).not.toContain("\uFFFD");
    const { events } = parse(ics);
    expect(events[0]!.description).toContain(`措施：${long.text}\n`);
    expect(events[0]!.summary).toBe("长".repeat(SUMMARY_LENGTH) + "…");
  });

  it("tells apart the same date read twice from one measure, and a December deadline ends in the next year", () => {
    const ics = feed({ events: [entry({ source: "text", date: "2025-12-31" }), entry({ source: "text", date: "2025-12-31", printed: "年底前" }), entry({ date: "2025-12-31" })] });
    const { events } = parse(ics);
    expect(events.map((e) => e.uid)).toEqual([
      "made-up-2025-t7-m2-column-2025-12-31@example.gov.cn",
      "made-up-2025-t7-m2-text-2025-12-31@example.gov.cn",
      "made-up-2025-t7-m2-text-2025-12-31-2@example.gov.cn",
    ]);
    expect(events[0]!.endDate.toString()).toBe("2026-01-01");
  });

  it("makes an empty calendar of no deadlines", () => {
    const { calendar, events } = parse(feed({ events: [] }));
    expect(events).toHaveLength(0);
    expect(text(calendar, "x-wr-calname")).toBe("某局,某办;\\到期事项");
  });

  it("links a task under the site's base", () => {
    expect(taskUrlOn("https://example.gov.cn", "/")("luan-zjtx-2022", 3)).toBe("https://example.gov.cn/luan-zjtx-2022/tasks/3/");
    expect(taskUrlOn("https://example.gov.cn/", "/zjtx/")("luan-zjtx-2022", 3)).toBe("https://example.gov.cn/zjtx/luan-zjtx-2022/tasks/3/");
  });
});
