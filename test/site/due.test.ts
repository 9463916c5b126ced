// The 到期 tables: one row per measure and date, the sentence that holds the date, coming before past by the build
// day, dates in Chinese. Built from the library fixtures, whose 2023 list names 2023年年底前 twice for task 4.
import { beforeAll, describe, expect, it } from "vitest";
import { buildDay } from "../../src/site/build-date.ts";
import { buildLibrary, departmentDue, dueRows, sentenceAt, splitDue, type DueRow, type Library } from "../../src/site/library.ts";
import { chineseDate } from "../../src/site/strings.ts";
import { ingestFiles } from "../ingest/helpers.ts";

let library: Library;
let rows: DueRow[];

beforeAll(async () => {
  library = buildLibrary(await ingestFiles(["seeds/luan-zjtx-2022.txt", "test/fixtures/library/luan-shuzi-2023.txt", "test/fixtures/library/luan-yingshang-2024.html"]));
  rows = dueRows(departmentDue(library, library.department("lu-an-shi-shi-jing-xin-ju")!));
});

describe("dueRows", () => {
  it("gives one row per list, task, measure and date, keeping every phrase that names the date", () => {
    const keys = rows.map((r) => `${r.doc.id} ${r.task} ${r.n} ${r.date}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(departmentDue(library, library.department("lu-an-shi-shi-jing-xin-ju")!).length).toBeGreaterThan(rows.length);
    const both = rows.find((r) => r.doc.id === "luan-shuzi-2023" && r.task === 4)!;
    expect(both.printed).toEqual([{ text: "2023年年底前", fromText: false }, { text: "年底前", fromText: true }]);
    expect(rows.map((r) => r.date)).toEqual(rows.map((r) => r.date).sort());
  });

  it("quotes the sentence that holds a date read from the text, and the opening words for a column's date", () => {
    const diagnosis = rows.filter((r) => r.doc.id === "luan-shuzi-2023" && r.task === 1);
    expect(diagnosis.map((r) => [r.date, r.excerpt])).toEqual([
      ["2023-06-30", "实施“数字化转型诊断”行动，全年为200家规上工业企业提供免费诊断服务，2023年6月底前完成首批100家。"],
      ["2023-12-31", "实施“数字化转型诊断”行动，全年为200家规上工业企业提供免费诊断服务，2023…"],
    ]);
    const park = rows.find((r) => r.printed[0]!.text === "到2025年" && r.excerpt.includes("小微企业园"))!;
    expect(park.excerpt).toBe("到2025年，全市小微企业园建筑面积超1000万平方米，入园集聚小微企业6000家以上，争创一批省级、国家级创业园。");
  });

  it("finds a sentence by its marks, a paragraph break ending one too", () => {
    expect(sentenceAt("一是甲。二是到2025年完成乙；三是丙。", 6)).toBe("二是到2025年完成乙；");
    expect(sentenceAt("第一段\n到2025年完成", 5)).toBe("到2025年完成");
    expect(sentenceAt("到2025年完成", 0)).toBe("到2025年完成");
  });
});

describe("coming and past", () => {
  it("splits at the build day: that day and later are coming", () => {
    const { coming, past } = splitDue(rows, "2024-09-30");
    expect(coming.map((r) => r.date)[0]).toBe("2024-09-30");
    expect(past.every((r) => r.date < "2024-09-30")).toBe(true);
    expect(coming.length + past.length).toBe(rows.length);
  });

  it("takes the build day from BUILD_DATE, else today in China, and refuses a malformed one", () => {
    expect(buildDay({ BUILD_DATE: "2025-01-02" })).toBe("2025-01-02");
    expect(buildDay({}, new Date("2026-12-05T17:00:00Z"))).toBe("2026-12-06");
    expect(buildDay({}, new Date("2026-12-05T15:59:00Z"))).toBe("2026-12-05");
    expect(() => buildDay({ BUILD_DATE: "2025-13-40" })).toThrow(/BUILD_DATE: "2025-13-40" is not a date/);
  });

  it("prints dates in Chinese", () => {
    expect(chineseDate("2025-12-31")).toBe("2025年12月31日");
    expect(chineseDate("2023-06-05")).toBe("2023年6月5日");
    expect(chineseDate("2025-03")).toBe("2025年3月");
  });
});
