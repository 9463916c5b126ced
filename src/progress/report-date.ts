// The day a progress report speaks for: from its title (截至2025年6月底, 2025年上半年, 2025年度, 2025年三季度) or from its
// file name (luan-zjtx-2022.progress-2025-06.xlsx → the month's last day). Pure.

export interface ReportDate {
  date: string;
  printed: string;
  from: "title" | "file-name";
}

const CN_NUMBER: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : (CN_NUMBER[s] ?? NaN));
const pad = (n: number) => String(n).padStart(2, "0");

function lastDay(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

const YEAR = "(\\d{4})\\s*年";
const MONTH = "(\\d{1,2}|十[一二]?|[一二三四五六七八九])\\s*月";

// The most specific first: a 截至 date names the day; a period names its last day.
const PATTERNS: Array<[RegExp, (m: RegExpExecArray, year?: number) => string | undefined]> = [
  [new RegExp(`截[至止]\\s*${YEAR}\\s*${MONTH}\\s*(\\d{1,2})\\s*[日号]`, "u"), (m) => valid(Number(m[1]), num(m[2]), Number(m[3]))],
  [new RegExp(`截[至止]\\s*${YEAR}\\s*${MONTH}`, "u"), (m) => month(Number(m[1]), num(m[2]))],
  [new RegExp(`${YEAR}\\s*(上|下)半年`, "u"), (m) => lastDay(Number(m[1]), m[2] === "上" ? 6 : 12)],
  [new RegExp(`${YEAR}\\s*(?:第\\s*)?([一二三四1-4])\\s*季度`, "u"), (m) => lastDay(Number(m[1]), 3 * num(m[2]))],
  [new RegExp(`${YEAR}\\s*(?:度|全年)`, "u"), (m) => lastDay(Number(m[1]), 12)],
  [new RegExp(`${YEAR}\\s*(?:1\\s*[-—–~至]\\s*)?${MONTH}\\s*(?:份|底|末)?\\s*(?:工作)?(?:进展|推进|落实|完成|督查|情况)`, "u"), (m) => month(Number(m[1]), num(m[2]))],
  // A quarter without a year takes the file name's.
  [/(?:第\s*)?([一二三四])\s*季度/u, (m, year) => (year ? lastDay(year, 3 * num(m[1])) : undefined)],
];

function month(year: number, m: number): string | undefined {
  return m >= 1 && m <= 12 ? lastDay(year, m) : undefined;
}

function valid(year: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(year, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${year}-${pad(m)}-${pad(d)}` : undefined;
}

/** The file name's month (progress-2025-06) as its last day. */
export function fileNameDate(month: { year: number; month: number } | undefined): ReportDate | undefined {
  if (!month || month.month < 1 || month.month > 12) return undefined;
  return { date: lastDay(month.year, month.month), printed: `progress-${month.year}-${pad(month.month)}`, from: "file-name" };
}

/** The title's date, if it states one. */
export function titleDate(title: string, year?: number): ReportDate | undefined {
  const text = title.normalize("NFKC");
  for (const [i, [re, toDate]] of PATTERNS.entries()) {
    const m = re.exec(text);
    if (!m) continue;
    const date = toDate(m, year);
    if (date) return { date, printed: m[0], from: "title" };
    // A misprinted date (2月30日) is not read as a vaguer one (2月): the title then dates nothing.
    if (i < PATTERNS.length - 1) return undefined;
  }
  return undefined;
}
