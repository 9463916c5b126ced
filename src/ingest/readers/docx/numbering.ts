// Word's automatic numbering (编号): the label a reader sees in front of a numbered paragraph ("一、", "1.", "（1）"), computed from numbering.xml in document order.
import { childElements, intAttr, isMc, isW, onOff, wAttr, wChild, wVal, type WordNumbering } from "./parse.ts";
import type { Element } from "@xmldom/xmldom";

export interface NumberingLevel {
  start: number;
  /** w:numFmt: decimal, chineseCounting, bullet, none, … */
  format: string;
  /** w:lvlText: "%1.", "（%1）", "%1.%2". */
  text: string;
  /** w:lvlRestart: 0 never restarts; n restarts when a level 1…n (1-based) is used; absent, when any higher level is. */
  restart?: number;
  /** w:isLgl: every number in the label in decimal. */
  legal: boolean;
  /** w:pStyle: the paragraph style linked to this level. */
  style?: string;
}

interface AbstractNumbering {
  levels: Array<NumberingLevel | undefined>;
  /** w:numStyleLink: the definition is the abstract list whose w:styleLink names the same numbering style. */
  numStyleLink?: string;
}

interface NumberingInstance {
  abstractId: string;
  /** w:lvlOverride by level: a new start (w:startOverride) and/or a whole new level definition. */
  overrides: Map<number, { start?: number; level?: NumberingLevel }>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNumbering>;
  /** w:styleLink → the abstract list that defines that numbering style. */
  styleLinks: Map<string, string>;
  nums: Map<string, NumberingInstance>;
}

const LEVELS = 9;

/** numbering.xml (its root element), or nothing when the file has no numbering part. */
export function readNumbering(root: Element | undefined): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstracts: new Map(), styleLinks: new Map(), nums: new Map() };
  if (!root) return defs;
  for (const el of childElements(root)) {
    if (isW(el, "abstractNum")) {
      const id = wAttr(el, "abstractNumId");
      if (id === undefined) continue;
      const abstract: AbstractNumbering = { levels: [] };
      for (const c of childElements(el)) {
        if (isW(c, "lvl")) {
          const ilvl = intAttr(c, "ilvl") ?? 0;
          if (ilvl >= 0 && ilvl < LEVELS) abstract.levels[ilvl] = readLevel(c);
        } else if (isW(c, "numStyleLink")) abstract.numStyleLink = wVal(c);
        else if (isW(c, "styleLink")) {
          const link = wVal(c);
          if (link !== undefined) defs.styleLinks.set(link, id);
        }
      }
      defs.abstracts.set(id, abstract);
    } else if (isW(el, "num")) {
      const id = wAttr(el, "numId")?.trim();
      const abstractId = wVal(wChild(el, "abstractNumId"));
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: NumberingLevel }>();
      for (const c of childElements(el)) {
        if (!isW(c, "lvlOverride")) continue;
        const ilvl = intAttr(c, "ilvl") ?? 0;
        if (ilvl < 0 || ilvl >= LEVELS) continue;
        const override: { start?: number; level?: NumberingLevel } = {};
        const start = intAttr(wChild(c, "startOverride"));
        if (start !== undefined) override.start = start;
        const lvl = wChild(c, "lvl");
        if (lvl) override.level = readLevel(lvl);
        overrides.set(ilvl, override);
      }
      defs.nums.set(id, { abstractId, overrides });
    }
  }
  return defs;
}

function readLevel(lvl: Element): NumberingLevel {
  let numFmt = wChild(lvl, "numFmt");
  if (!numFmt) {
    // Word 2010 writes custom formats as mc:AlternateContent; the fallback carries the format older readers use.
    for (const c of childElements(lvl)) {
      if (!isMc(c, "AlternateContent")) continue;
      const fallback = childElements(c).find((f) => isMc(f, "Fallback"));
      numFmt = fallback && wChild(fallback, "numFmt");
    }
  }
  const level: NumberingLevel = {
    // ECMA-376 17.9.25: an omitted w:start is zero, and Word shows it so.
    start: intAttr(wChild(lvl, "start")) ?? 0,
    format: wVal(numFmt) ?? "decimal",
    text: wVal(wChild(lvl, "lvlText")) ?? "",
    legal: onOff(wChild(lvl, "isLgl")),
  };
  const restart = intAttr(wChild(lvl, "lvlRestart"));
  if (restart !== undefined) level.restart = restart;
  const style = wVal(wChild(lvl, "pStyle"));
  if (style !== undefined) level.style = style;
  return level;
}

/**
 * A function that, called once per numbered paragraph in document order (body and table cells alike), returns the
 * label Word shows for it, or undefined (no numbering, a bullet, an unknown list).
 */
export function createNumberer(defs: NumberingDefinitions): (numbering: WordNumbering | undefined) => string | undefined {
  // Lists that share an abstract definition share its counters, as in Word: a second w:num continues the first.
  const counters = new Map<string, Array<number | undefined>>();
  const used = new Set<string>();

  const resolveAbstract = (id: string): string => {
    const seen = new Set<string>();
    let current = id;
    for (;;) {
      const link = defs.abstracts.get(current)?.numStyleLink;
      const target = link === undefined ? undefined : defs.styleLinks.get(link);
      if (target === undefined || seen.has(target) || target === current) return current;
      seen.add(current);
      current = target;
    }
  };

  return (numbering) => {
    if (!numbering) return undefined;
    const num = defs.nums.get(numbering.numId);
    if (!num) return undefined;
    const abstractId = resolveAbstract(num.abstractId);
    const abstract = defs.abstracts.get(abstractId);
    if (!abstract) return undefined;
    const levelOf = (ilvl: number): NumberingLevel | undefined => {
      const override = num.overrides.get(ilvl);
      const base = override?.level ?? abstract.levels[ilvl];
      if (!base) return undefined;
      return override?.start !== undefined ? { ...base, start: override.start } : base;
    };
    let ilvl = numbering.level;
    if (ilvl === undefined && numbering.style !== undefined) {
      const linked = abstract.levels.findIndex((l) => l?.style === numbering.style);
      ilvl = linked >= 0 ? linked : 0;
    }
    ilvl ??= 0;
    if (ilvl < 0 || ilvl >= LEVELS) return undefined;
    const level = levelOf(ilvl);
    if (!level) return undefined;

    let count = counters.get(abstractId);
    if (!count) counters.set(abstractId, (count = new Array<number | undefined>(LEVELS).fill(undefined)));
    if (!used.has(numbering.numId)) {
      used.add(numbering.numId);
      // A w:num that overrides a level's start restarts that level where it is first used.
      for (const [overridden, o] of num.overrides) if (o.start !== undefined || o.level) count[overridden] = undefined;
    }
    count[ilvl] = count[ilvl] === undefined ? level.start : count[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < LEVELS; deeper++) {
      const restart = levelOf(deeper)?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl < restart) count[deeper] = undefined;
    }

    if (level.format === "bullet") return undefined;
    const label = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const k = Number(digit) - 1;
      const referenced = levelOf(k);
      // A higher level not yet used shows its start value, as Word does for a list that begins at a deeper level.
      const value = count[k] ?? referenced?.start ?? 1;
      return formatNumber(value, level.legal ? "decimal" : (referenced?.format ?? "decimal"));
    });
    return label === "" ? undefined : label;
  };
}

const CHINESE_DIGITS = "〇一二三四五六七八九";
const LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

/** One counter value in one of Word's number formats (w:numFmt); formats not known here fall back to decimal. */
export function formatNumber(value: number, format: string): string {
  const n = Math.trunc(value);
  if (format === "none" || format === "bullet") return "";
  // Word has no zero or negative in its other formats; a w:start of 0 shows as the digit.
  if (n < 1) return n === 0 && format === "decimalZero" ? "00" : String(n);
  switch (format) {
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "decimalEnclosedParen":
      return n <= 20 ? String.fromCharCode(0x2474 + n - 1) : String(n);
    case "decimalEnclosedFullstop":
      return n <= 20 ? String.fromCharCode(0x2488 + n - 1) : String(n);
    case "ideographEnclosedCircle":
      return n <= 10 ? String.fromCharCode(0x3220 + n - 1) : String(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "chineseCounting":
    case "taiwaneseCounting":
      // Word counts 1–99 in words (十一, 二十) and writes larger numbers digit by digit (一〇〇).
      return n < 100 ? chineseGrouped(n, CHINESE_DIGITS, "十百千万", "〇", false) : digitByDigit(n);
    case "chineseCountingThousand":
    case "taiwaneseCountingThousand":
    case "japaneseCounting":
      return chineseGrouped(n, CHINESE_DIGITS, "十百千万", "〇", false);
    case "chineseLegalSimplified":
      return chineseGrouped(n, LEGAL_DIGITS, "拾佰仟万", "零", true);
    case "ideographLegalTraditional":
      return chineseGrouped(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟萬", "零", true);
    case "ideographDigital":
    case "taiwaneseDigital":
      return digitByDigit(n);
    case "ideographTraditional":
      return n <= 10 ? HEAVENLY_STEMS[n - 1] : String(n);
    case "ideographZodiac":
      return n <= 12 ? EARTHLY_BRANCHES[n - 1] : String(n);
    default:
      return String(n);
  }
}

/** Word's letters: a … z, aa, bb, … (the letter repeated, not spreadsheet columns). */
function letters(n: number): string {
  // A hostile w:start of two billion must not build a two-billion-character label.
  const repeat = Math.min(Math.floor((n - 1) / 26) + 1, 64);
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(repeat);
}

function roman(n: number): string {
  if (n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

function digitByDigit(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => CHINESE_DIGITS[Number(d)]);
}

/**
 * 一百〇一, 壹佰零壹: digits with units 十百千 in groups of 万. `keepOne` keeps the 一 before a leading 十
 * (壹拾 in legal numbers, where 十 alone would be easy to alter).
 */
function chineseGrouped(n: number, digits: string, units: string, zero: string, keepOne: boolean): string {
  if (n >= 100_000_000) return String(n);
  if (n >= 10_000) {
    const high = Math.floor(n / 10_000);
    const low = n % 10_000;
    const head = chineseGrouped(high, digits, units, zero, keepOne) + units[3];
    if (low === 0) return head;
    return head + (low < 1000 ? zero : "") + chineseGroupedBelow(low, digits, units, zero, true);
  }
  return chineseGroupedBelow(n, digits, units, zero, keepOne);
}

function chineseGroupedBelow(n: number, digits: string, units: string, zero: string, keepOne: boolean): string {
  const places = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const unitOf = [units[2], units[1], units[0], ""];
  let out = "";
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = places[i];
    if (d === 0) {
      if (out !== "") pendingZero = true;
      continue;
    }
    if (pendingZero) out += zero;
    pendingZero = false;
    // 十一, not 一十一, when 十 leads; 一百一十 keeps it.
    if (d === 1 && i === 2 && out === "" && !keepOne) out += unitOf[i];
    else out += digits[d] + unitOf[i];
  }
  return out;
}
