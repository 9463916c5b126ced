// Document numbers (文号, 六政办〔2022〕12号): the list's own, printed on a line of its cover, and the superior
// document's the cover letter cites (为推动《…的通知》（皖政办〔2022〕2号）…). Pure.
// The year's brackets are 〔〕 in the standard (GB/T 9704); exports and web pages print [2022], (2022), ［2022］ or
// （2022） instead, so the stored number folds them to 〔〕 (one spelling to cite and to compare) and keeps the rest.

export interface CitedDocument {
  /** The cited title without its 《》, as printed. */
  title: string;
  /** Its 文号 when the letter prints one beside it. */
  number?: string;
}

const OPEN = "〔\\[［(（【";
const CLOSE = "〕\\]］)）】";
/** Issuer's abbreviation, the year in brackets, the serial: 六政办〔2022〕12号, 国办发[2024]5号, 皖政办函（2023）第3号. */
const NUMBER = `[\\u4e00-\\u9fff]{1,12}\\s*[${OPEN}]\\s*\\d{4}\\s*[${CLOSE}]\\s*第?\\s*\\d{1,5}\\s*号`;
/** A whole text that is a number (a settings file's "number"). */
export const DOCUMENT_NUMBER = new RegExp(`^${NUMBER}$`, "u");
/** A cover line that is only a number, perhaps labelled as web pages do (发文字号：…). */
const NUMBER_LINE = new RegExp(`^(?:(?:发文字号|发文号|文号)\\s*[：:]\\s*)?(${NUMBER})$`, "u");
/** A cited title followed by its number in parentheses: 《…》（皖政办〔2022〕2号）. */
const CITATION = new RegExp(`《([^《》]{2,200})》\\s*[（(]\\s*(${NUMBER})\\s*[）)]`, "gu");
/** A title that implements another document: 关于贯彻落实《…》的通知, 贯彻落实《…》任务清单. */
const IMPLEMENTS_IN_TITLE = /(?:贯彻落实|贯彻|落实|实施)《([^《》]{2,200})》/u;
/** The verbs before a citation that say the letter carries it out, within the citation's clause. */
const IMPLEMENTING_CLAUSE = /(?:贯彻|落实|推动|实施|执行)[^。；！？《》]{0,12}$/u;

const blankless = (text: string) => text.replace(/[\s\u3000]+/g, "");

/** The number as stored: blanks dropped, the year's brackets as 〔〕, everything else as printed. */
export function foldNumber(printed: string): string {
  return blankless(printed).replace(new RegExp(`[${OPEN}](\\d{4})[${CLOSE}]`, "u"), "〔$1〕");
}

/** The number a cover line consists of (folded), or undefined when the line is anything else. */
export function numberOfLine(line: string): string | undefined {
  const m = NUMBER_LINE.exec(line.trim());
  return m ? foldNumber(m[1]!) : undefined;
}

/**
 * The superior document the list implements: the one its title says it carries out (关于贯彻落实《X》的通知), with the
 * number the letter prints beside X; else the first document the letter's text cites with a number after a verb of
 * carrying out (为推动《X》（N）…). A document cited only as a basis elsewhere is not taken.
 */
export function implementedDocument(title: string, paragraphs: readonly string[]): CitedDocument | undefined {
  const citations = paragraphs.flatMap((p) => [...p.matchAll(CITATION)].map((m) => ({ title: m[1]!, number: foldNumber(m[2]!), before: p.slice(0, m.index) })));
  const named = IMPLEMENTS_IN_TITLE.exec(title)?.[1];
  if (named) {
    const cited = citations.find((c) => blankless(c.title) === blankless(named));
    return cited ? { title: named, number: cited.number } : { title: named };
  }
  const cited = citations.find((c) => IMPLEMENTING_CLAUSE.test(c.before));
  return cited ? { title: cited.title, number: cited.number } : undefined;
}
