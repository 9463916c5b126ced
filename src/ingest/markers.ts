// The numbering marks of a list: chapter headings (一、 / （一） / 第一部分) and task numbers (1. / 1、 / （1） / a bare 3
// in a number column). Shared by the text reader (a row of a text export opens at such a mark) and the layouts.

const CN = "一二三四五六七八九十百〇零两";
const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103. */
export function chineseNumeral(numeral: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of numeral) {
    if (ch === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CHINESE_DIGITS[ch] ?? 0;
  }
  return total + digit;
}

/** Heading styles from the outermost down; a list uses one or two of them above its tasks. */
export type MarkStyle = "part" | "cn" | "cn-paren" | "num" | "num-paren";
export const STYLE_ORDER: MarkStyle[] = ["part", "cn", "cn-paren", "num", "num-paren"];

/** Each style as one of its marks: how the problems and the settings file name it. */
export const MARK_SAMPLES: Record<MarkStyle, string> = { part: "第一部分", cn: "一、", "cn-paren": "（一）", num: "1.", "num-paren": "（1）" };

export function markSample(style: MarkStyle): string {
  return MARK_SAMPLES[style];
}

export interface Mark {
  style: MarkStyle;
  /** The numeral as printed (一, 12). */
  numeral: string;
  /** Its value (一 → 1). */
  value: number;
  /** What precedes the text, as printed, blanks included: "一、", "（一）", "第一部分 ", "1.", "（1）". */
  marker: string;
  /** The text after the mark. */
  rest: string;
}

const PATTERNS: Array<[MarkStyle, RegExp]> = [
  ["part", new RegExp(`^(第([${CN}]+|\\d{1,3})(?:部分|章|篇|节))[\\s\\u3000、：:.．]*`)],
  ["cn", new RegExp(`^(([${CN}]+)\\s*[、.．，])\\s*`)],
  ["cn-paren", new RegExp(`^([（(]\\s*([${CN}]+)\\s*[）)][、.．]?)\\s*`)],
  ["num", /^((\d{1,4})\s*[.．、](?!\d))\s*/],
  ["num-paren", /^([（(]\s*(\d{1,4})\s*[）)][、.．]?)\s*/],
];

/** The numbering mark at the start of a text, if any. */
export function readMark(text: string): Mark | undefined {
  for (const [style, re] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    const numeral = m[2];
    const value = /^\d+$/.test(numeral) ? Number(numeral) : chineseNumeral(numeral);
    if (value <= 0) continue;
    return { style, numeral, value, marker: m[0], rest };
  }
  return undefined;
}

/** A number column's cell: "3", "3.", "（3）". */
export function readNumberCell(text: string): number | undefined {
  const m = /^[（(]?\s*(\d{1,4})\s*[）)]?[.．、]?$/.exec(text.trim());
  return m && Number(m[1]) > 0 ? Number(m[1]) : undefined;
}

/** A chapter heading in a table's first cell or a row of its own (一、… / （一）… / 第一部分 …). */
export function isChapterMark(mark: Mark | undefined): boolean {
  return mark !== undefined && (mark.style === "part" || mark.style === "cn" || mark.style === "cn-paren");
}
