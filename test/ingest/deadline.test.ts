// The deadline column read into the last day it allows: a hand-written table, then properties over any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Deadline, parseDeadline } from "../../src/extract/deadline.ts";

type Case = [printed: string, expected: string | "ongoing" | "none", year?: number];

const cases: Case[] = [
  // Month and day, with and without 底 / 前.
  ["2025年6月底前", "2025-06-30"],
  ["2025年6月底", "2025-06-30"],
  ["2025年6月", "2025-06-30"],
  ["2025年6月前", "2025-06-30"],
  ["2025年6月15日前", "2025-06-15"],
  ["2025年6月15日", "2025-06-15"],
  ["2025年2月底前", "2025-02-28"],
  ["2024年2月底前", "2024-02-29"],
  // Dotted, dashed and slashed forms mean the same.
  ["2025.6", "2025-06-30"],
  ["2025-06", "2025-06-30"],
  ["2025/6/30", "2025-06-30"],
  ["2025.6.15前", "2025-06-15"],
  // The whole year.
  ["2025年", "2025-12-31"],
  ["2025年底前", "2025-12-31"],
  ["2025年年底前", "2025-12-31"],
  ["2025年底", "2025-12-31"],
  ["2025年末", "2025-12-31"],
  ["到2025年", "2025-12-31"],
  ["2025年前", "2025-12-31"],
  // Quarters and halves.
  ["2025年一季度", "2025-03-31"],
  ["2025年第一季度", "2025-03-31"],
  ["2025年1季度", "2025-03-31"],
  ["2025年二季度", "2025-06-30"],
  ["2025年第三季度末", "2025-09-30"],
  ["2025年四季度", "2025-12-31"],
  ["2025年前三季度", "2025-09-30"],
  ["2025年上半年", "2025-06-30"],
  ["2025年下半年", "2025-12-31"],
  ["2025年年中", "2025-06-30"],
  // 年初 closes with the first quarter (see the module).
  ["2025年初", "2025-03-31"],
  ["2025年年初", "2025-03-31"],
  // 初步 is "preliminarily", not 年初.
  ["2025年初步建成", "2025-12-31"],
  // 旬 of a month.
  ["2025年6月上旬", "2025-06-10"],
  ["2025年6月中旬", "2025-06-20"],
  ["2025年6月下旬", "2025-06-30"],
  // Several dates, ranges and phases: the latest is the last allowed day.
  ["2023—2025年", "2025-12-31"],
  ["2023-2025年", "2025-12-31"],
  ["2023-2025", "2025-12-31"],
  ["2024年—2025年", "2025-12-31"],
  ["2024年底前完成试点，2025年底前全面推开", "2025-12-31"],
  ["2023年起，2025年底前", "2025-12-31"],
  ["2025年6月至9月", "2025-09-30"],
  ["2025年6-9月", "2025-09-30"],
  ["2024年6月—2025年3月", "2025-03-31"],
  ["2025年6月底前出台方案，12月底前组织实施", "2025-12-31"],
  // A start with no end is work that goes on.
  ["2023年起", "ongoing"],
  ["自2023年6月", "ongoing"],
  ["2023年至今", "ongoing"],
  ["2023年起长期坚持", "ongoing"],
  ["2025年起每年6月底前", "ongoing"],
  // No year: the document's year when given, else nothing.
  ["6月底前", "2024-06-30", 2024],
  ["6月底前", "none"],
  ["年底前", "2024-12-31", 2024],
  ["年底前", "none"],
  ["三季度", "2024-09-30", 2024],
  ["三季度", "none"],
  ["上半年", "2024-06-30", 2024],
  ["今年底前", "2024-12-31", 2024],
  ["明年6月", "2025-06-30", 2024],
  ["2月29日前", "2024-02-29", 2024],
  ["2月29日前", "none", 2025],
  // A year in the text wins over the document's.
  ["2026年3月", "2026-03-31", 2024],
  // Spans from an unknown start are not dates.
  ["三年内", "none", 2024],
  ["6个月内", "none", 2024],
  // Ongoing.
  ["长期坚持", "ongoing"],
  ["持续推进", "ongoing"],
  ["长期", "ongoing"],
  ["持续", "ongoing"],
  ["常态化", "ongoing"],
  ["持续开展", "ongoing"],
  ["每年", "ongoing"],
  ["每年6月底前", "ongoing"],
  ["每年6月底前", "ongoing", 2025],
  ["每季度", "ongoing"],
  ["每季度末", "ongoing", 2025],
  ["每月10日前", "ongoing"],
  ["定期", "ongoing"],
  ["每年年底前报送", "ongoing", 2025],
  // A date plus 长期坚持 is a date: the date is the first due day a reader must meet, and the
  // ongoing part that follows it has no last day to show.
  ["2022年6月底前完成，长期坚持", "2022-06-30"],
  ["2025年底前，持续推进", "2025-12-31"],
  // Neither.
  ["根据上级要求", "none"],
  ["按省统一部署", "none"],
  ["", "none"],
  // Chinese numerals, full-width digits, spaces.
  ["二〇二五年六月底前", "2025-06-30"],
  ["二零二五年十二月三十一日", "2025-12-31"],
  ["二〇二四年二月二十九日", "2024-02-29"],
  ["十二月", "2024-12-31", 2024],
  ["２０２５年６月", "2025-06-30"],
  ["２０２５年１２月３１日前", "2025-12-31"],
  [" 2025 年 6 月 底前 ", "2025-06-30"],
  ["2025年\u30006月", "2025-06-30"],
  // Plan periods.
  ["“十四五”期间", "2025-12-31"],
  ["“十五五”末", "2030-12-31"],
  // Invalid dates are never read as dates.
  ["2025年13月", "none"],
  ["2025年2月30日", "none"],
  ["2025年2月29日", "none"],
  ["2100年2月29日", "none"],
  ["2000年2月29日", "2000-02-29"],
  ["2025年0月", "none"],
  ["2025年第五季度", "none"],
  ["2025.13", "none"],
  ["2024年底前试点，2025年13月推开", "none"],
  // Real-looking column values and label lines.
  ["完成时限：2023年12月底前", "2023-12-31"],
  ["2023年6月底前完成并长期坚持", "2023-06-30"],
  ["2022年12月底前建立机制，2023年起常态化运行", "2022-12-31"],
  ["2023年完成，以后每年更新", "2023-12-31"],
  ["2023年底前完成80%，2025年底前全覆盖", "2025-12-31"],
  ["2024年6月30日前", "2024-06-30"],
];

function expected(value: string, printed: string): Deadline {
  if (value === "ongoing" || value === "none") return { printed, kind: value };
  return { printed, kind: "date", last: value };
}

describe("parseDeadline", () => {
  it("has a case for every rule", () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)("%s → %s (year %s)", (printed, value, year) => {
    const got = parseDeadline(printed, year === undefined ? undefined : { year });
    expect(got).toEqual(expected(value, printed));
  });

  it("ignores a context year that is not a year", () => {
    expect(parseDeadline("6月底前", { year: 2024.5 }).kind).toBe("none");
    expect(parseDeadline("6月底前", { year: Number.NaN }).kind).toBe("none");
  });
});

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isValidIso(iso: string): boolean {
  const m = ISO.exec(iso);
  if (!m) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

// Pieces that the parser reacts to, so random text reaches its corners rather than only plain ASCII.
const piece = fc.constantFrom(
  "0", "1", "2", "3", "5", "9", "13", "29", "30", "31", "2024", "2025", "2100", "1899",
  "〇", "零", "一", "二", "三", "四", "十", "二十", "三十", "二〇二五", "２", "５",
  "年", "月", "日", "号", "底", "末", "初", "中", "前", "内", "季度", "第", "上半年", "下半年", "上旬", "中旬",
  "每", "起", "自", "长期", "持续", "今年", "明年", "十四五", "，", "；", "、", ".", "-", "/", "—", "至", " ", "\u3000",
);
const text = fc.oneof(fc.array(piece, { maxLength: 12 }).map((ps) => ps.join("")), fc.string({ maxLength: 30, unit: "grapheme" }));
const context = fc.option(fc.record({ year: fc.option(fc.integer({ min: 1800, max: 2300 }), { nil: undefined }) }), { nil: undefined });

describe("parseDeadline properties", () => {
  it("keeps the input as printed and only returns valid ISO dates", () => {
    fc.assert(
      fc.property(text, context, (printed, ctx) => {
        const d = parseDeadline(printed, ctx);
        expect(d.printed).toBe(printed);
        expect(["date", "ongoing", "none"]).toContain(d.kind);
        if (d.kind === "date") expect(d.last !== undefined && isValidIso(d.last)).toBe(true);
        else expect(d.last).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it("reads every real calendar day written out in full", () => {
    const day = fc
      .record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate());
    fc.assert(
      fc.property(day, ({ y, m, d }) => {
        const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        expect(parseDeadline(`${y}年${m}月${d}日前`)).toEqual({ printed: `${y}年${m}月${d}日前`, kind: "date", last: iso });
        expect(parseDeadline(`${y}/${m}/${d}`).last).toBe(iso);
      }),
    );
  });

  it("never reads a day past the month's end", () => {
    const bad = fc
      .record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 29, max: 99 }) })
      .filter(({ y, m, d }) => d > new Date(Date.UTC(y, m, 0)).getUTCDate());
    fc.assert(
      fc.property(bad, ({ y, m, d }) => {
        expect(parseDeadline(`${y}年${m}月${d}日`).kind).toBe("none");
      }),
    );
  });
});
