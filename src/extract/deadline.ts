// Reads a measure's deadline as printed (完成时限 / 时间节点 / 完成时间) into the last day the text allows.

export interface Deadline {
  /** As printed, e.g. "2025年6月底前". */
  printed: string;
  /** "date": names a date; "ongoing": 长期坚持 / 持续推进 / 长期 / 常态化 / 持续开展 / 每年 / 每季度 …; "none": neither (e.g. "根据上级要求"). */
  kind: "date" | "ongoing" | "none";
  /** The last day the text allows, ISO YYYY-MM-DD, when kind is "date". */
  last?: string;
}

// Four digits outside this window are more likely a quantity than a year; reading them as one would
// put a nonsense bar on the timeline, so such a "year" makes the whole cell unreadable instead.
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const CN_DIGIT: Readonly<Record<string, number>> = {
  "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
};

// Only forms a month, day or quarter can take; anything else is left alone rather than guessed at.
const POSITIONAL = /^(?:[一二两三四五六七八九]?十[一二三四五六七八九]?|[〇○零一二两三四五六七八九]+)$/u;

function cnNumber(run: string): string {
  if (!POSITIONAL.test(run)) return run;
  const ten = run.indexOf("十");
  if (ten < 0) return [...run].map((c) => String(CN_DIGIT[c])).join("");
  const tens = ten === 0 ? 1 : (CN_DIGIT[run.charAt(0)] ?? 0);
  const ones = ten === run.length - 1 ? 0 : (CN_DIGIT[run.charAt(ten + 1)] ?? 0);
  return String(tens * 10 + ones);
}

const DASHES = "[-—–―~〜～−]+|至|到";

function normalize(text: string): string {
  return (
    text
      // NFKC folds full-width digits and punctuation (２０２５／６) into the ASCII the patterns expect.
      .normalize("NFKC")
      .replace(/\s+/gu, "")
      // "十四五" is a plan period, not a number: the nth five-year plan from the 11th (2006–2010) on ends in 2010 + 5(n − 11).
      .replace(/十([一二三四五六七八九])五/gu, (_m, n: string) => `${2010 + 5 * ((CN_DIGIT[n] ?? 0) - 1)}年`)
      // Years are written digit by digit (二〇二五), unlike months and days (十二月, 三十一日).
      .replace(/(?<![〇○零一二三四五六七八九\d])[〇○零一二三四五六七八九\d]{4}(?=年)/gu, (run) =>
        [...run].map((c) => (/\d/u.test(c) ? c : String(CN_DIGIT[c]))).join(""),
      )
      .replace(/[〇○零一二两三四五六七八九十]+(?=月|日|号|季度)/gu, cnNumber)
      // The end of a bare range (2023-2025) is still a year; marking it lets one pattern read both.
      .replace(new RegExp(`(?<!\\d)(\\d{4})(年?)(${DASHES})(\\d{4})(?![\\d年./-])`, "gu"), "$1$2$3$4年")
  );
}

// The last day of each kind of period. 年初 closes with the first quarter: reports use 年初 and 一季度
// interchangeably, and a reader who is still "early in the year" on 31 March is not yet in breach.
const YEAR_PART_MONTH: Readonly<Record<string, number>> = { 底: 12, 末: 12, 终: 12, 内: 12, 初: 3, 中: 6, 上: 6, 下: 12 };
// 上旬 and 月初 end on the 10th, 中旬 and 月中 on the 20th (the three 旬 of a month); anything else is the month's end.
const MONTH_PART_DAY: Readonly<Record<string, number>> = { 上旬: 10, 初: 10, 中旬: 20, 中: 20 };

const DOTTED = /(?<![\d.])(\d{4})[./-](\d{1,2})(?!\d)(?:[./-](\d{1,2})(?!\d))?/uy;
const YEAR = /(?<!\d)(\d{4})年/uy;
const RELATIVE_YEAR = /([今本当明次])年/uy;
// 初步 (preliminarily) and 中央 / 中国 follow a year in running text without naming part of it.
const YEAR_PART = /年?(底|末|终|初(?!步|见|具)|中(?![央国华心小级长]))|([上下])半年(?:[末底])?|第?(\d+)季度(?:[末底])?/uy;
// A year followed by these is only the year of what follows (2025年6月, 2025年6-9月, 2025年前三季度).
const CONTINUES = /(?=\d|第\d|前\d+季度)/uy;
const MONTH = /(?<!\d)(\d{1,2})月(?:(\d{1,2})[日号])?(中下旬|上旬|中旬|下旬|底|末|初|中)?/uy;
const QUARTER = /(?<!\d)第?(\d+)季度(?:[末底])?/uy;
const HALF = /([上下])半年(?:[末底])?/uy;
// Not after a count or 每: 三年内 and 半年内 are spans from an unknown start, 每年底 recurs.
const YEARLESS_PART = /(?<![\d〇○零一二两三四五六七八九十百千几个半每多去前])年(底|末|终|内|初(?!步|见|具)|中(?![央国华心小级长]))/uy;
// A date that opens a period (2023年起, 自2023年) is when the work starts, not when it is due.
const STARTS_AFTER = /^份?(?:起|开始|以来|至今|以后|之后|后(?!续))/u;
const STARTS_BEFORE = /[自从]$/u;
const CLAUSE_END = /[，,；;。!?！？]/u;
const ONGOING = /长期|持续|常态|每[年季月周日天旬半]|定期|常年|逐年|年年|经常/u;

interface Reading {
  due: string[];
  starts: boolean;
  recurs: boolean;
  invalid: boolean;
}

function isoDay(year: number, month: number, day: number | undefined): string | undefined {
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const d = day ?? days;
  if (!Number.isInteger(d) || d < 1 || d > days) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function quarterMonth(q: string): number {
  const n = Number(q);
  return n >= 1 && n <= 4 ? n * 3 : NaN;
}

function read(s: string, contextYear: number | undefined): Reading {
  const r: Reading = { due: [], starts: false, recurs: false, invalid: false };
  // Chinese leaves the year out after the first mention (2025年6月至9月), so a yearless part takes the last one named.
  let carried: number | undefined;
  let recurring = false;
  let startPending = false;
  let i = 0;

  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    return re.exec(s);
  };
  const startsAt = (from: number, to: number) => STARTS_BEFORE.test(s.slice(0, from)) || STARTS_AFTER.test(s.slice(to));
  const note = (year: number | undefined, month: number, day: number | undefined, from: number, to: number, yearless: boolean) => {
    const starts = startPending || startsAt(from, to);
    startPending = false;
    // 2000 is a leap year, so a yearless 2月29日 is not thrown out before its year is known.
    const iso = isoDay(year ?? 2000, month, day);
    if (iso === undefined) r.invalid = true;
    else if (yearless && recurring) r.recurs = true;
    else if (starts) r.starts = true;
    else if (year !== undefined) r.due.push(iso);
  };

  while (i < s.length) {
    const c = s.charAt(i);
    if (c === "每") recurring = true;
    else if (CLAUSE_END.test(c)) recurring = false;

    let m = at(DOTTED);
    if (m) {
      const year = Number(m[1]);
      if (year >= MIN_YEAR && year <= MAX_YEAR) {
        carried = year;
        note(year, Number(m[2]), m[3] === undefined ? undefined : Number(m[3]), i, DOTTED.lastIndex, false);
        i = DOTTED.lastIndex;
        continue;
      }
    }

    let year: number | undefined;
    let end = 0;
    if ((m = at(YEAR))) {
      year = Number(m[1]);
      end = YEAR.lastIndex;
      if (year < MIN_YEAR || year > MAX_YEAR) {
        r.invalid = true;
        i = end;
        continue;
      }
    } else if ((m = at(RELATIVE_YEAR))) {
      year = contextYear === undefined ? undefined : contextYear + (m[1] === "明" || m[1] === "次" ? 1 : 0);
      end = RELATIVE_YEAR.lastIndex;
    }
    if (m) {
      if (year !== undefined) carried = year;
      const from = i;
      i = end;
      const part = at(YEAR_PART);
      if (part) {
        const month = part[1] ? (YEAR_PART_MONTH[part[1]] ?? NaN) : part[2] ? (YEAR_PART_MONTH[part[2]] ?? NaN) : quarterMonth(part[3] ?? "");
        i = YEAR_PART.lastIndex;
        note(year, month, undefined, from, i, false);
      } else if (at(CONTINUES)) {
        startPending = STARTS_BEFORE.test(s.slice(0, from));
      } else {
        note(year, 12, undefined, from, i, false);
      }
      continue;
    }

    const yearless = carried ?? contextYear;
    if ((m = at(MONTH))) {
      const day = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? MONTH_PART_DAY[m[3]] : undefined;
      note(yearless, Number(m[1]), day, i, MONTH.lastIndex, true);
      i = MONTH.lastIndex;
    } else if ((m = at(QUARTER))) {
      note(yearless, quarterMonth(m[1] ?? ""), undefined, i, QUARTER.lastIndex, true);
      i = QUARTER.lastIndex;
    } else if ((m = at(HALF))) {
      note(yearless, YEAR_PART_MONTH[m[1] ?? ""] ?? NaN, undefined, i, HALF.lastIndex, true);
      i = HALF.lastIndex;
    } else if ((m = at(YEARLESS_PART))) {
      note(yearless, YEAR_PART_MONTH[m[1] ?? ""] ?? NaN, undefined, i, YEARLESS_PART.lastIndex, true);
      i = YEARLESS_PART.lastIndex;
    } else i += 1;
  }
  return r;
}

export function parseDeadline(printed: string, context?: { year?: number }): Deadline {
  const y = context?.year;
  const contextYear = y !== undefined && Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR ? y : undefined;
  const s = normalize(printed);
  const r = read(s, contextYear);
  // A misprinted date (2025年13月) could have meant anything, later dates included, so nothing is claimed.
  if (r.invalid) return { printed, kind: "none" };
  // Phases and ranges (2024年底前试点，2025年底前推开) are all due by the latest; a date beside 长期坚持
  // still wins, because the date is the first due day a reader must meet.
  if (r.due.length > 0) return { printed, kind: "date", last: r.due.reduce((a, b) => (b > a ? b : a)) };
  if (r.starts || r.recurs || ONGOING.test(s)) return { printed, kind: "ongoing" };
  return { printed, kind: "none" };
}
