// The text as the search index sees it. Pagefind's extended binary segments Chinese into words, and the browser
// segments a query again with Intl.Segmenter; the two disagree (台套 inside 首台套, 业上云 across 企业 | 上云), so
// neither its plain search (which matches each word anywhere) nor its exact search (words in order, on the
// segmenter's boundaries) finds a phrase as typed. Here every Chinese character is made a word of its own before
// Pagefind sees the page: then a quoted query of spaced characters is an exact phrase the index itself decides
// (word positions in order), with exact counts and no fragment loaded to check. The page served is unchanged.
//
// Chosen over a field of CJK bigrams: single characters need no encoding (a bigram written as Chinese would be
// segmented again), phrases of any length, one character included, are one exact query, and the index's word list
// stays the few thousand characters in use; the cost is longer posting lists for common characters
// (bench:scale measures the search it gives).

/** Han ideographs, kana and hangul: scripts written without spaces between words. */
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const PUNCTUATION = /^[\p{P}\p{S}]$/u;
/** 1.5, 1,000, 8:30: a point, comma or colon between digits is part of the number. */
const IN_NUMBER = /^[.,:]$/u;
const DIGIT = /^\d$/u;

/**
 * Whether the character at `i` of `chars` stands apart as a word (or a mark) of its own: a CJK character, or
 * punctuation or a symbol, so that 5G+工业 and 3A、4A give the words 5G, 工, 业 and 3A, 4A with the marks between
 * them (a mark keeps its place in the index, so 企业、上云 does not hold the phrase 企业上云).
 */
function apart(chars: readonly string[], i: number): boolean {
  const c = chars[i]!;
  if (ENTITY.test(c)) return !space(c);
  if (CJK.test(c)) return true;
  if (!PUNCTUATION.test(c)) return false;
  return !(IN_NUMBER.test(c) && DIGIT.test(chars[i - 1] ?? "") && DIGIT.test(chars[i + 1] ?? ""));
}

// In a page's HTML a character reference is one unit: a mark, or (&nbsp;) white space.
const ENTITY = /^&[#\w]+;$/u;
const SPACE_ENTITY = /^&(?:nbsp|ensp|emsp|thinsp|#160|#x0*a0);$/iu;
const space = (unit: string) => /^\s$/u.test(unit) || SPACE_ENTITY.test(unit);

/** Full-width Latin letters and digits (Ａ, ５), which Pagefind would keep apart from their ASCII forms. */
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/gu;

/**
 * Text with each CJK character set apart by a space from any neighbour that is not white space, and full-width
 * letters and digits as ASCII: 支持５Ｇ基站 → 支 持 5G 基 站.
 */
export function spaced(text: string): string {
  return spacedUnits([...asciiAlnum(text)]);
}

/** `spaced` for the text of a page's HTML, where a character reference (&amp;) is one unit. */
function spacedHtmlText(text: string): string {
  return spacedUnits(asciiAlnum(text).match(/&[#\w]+;|[\s\S]/gu) ?? []);
}

const asciiAlnum = (text: string) => text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function spacedUnits(units: readonly string[]): string {
  let out = "";
  for (let i = 0; i < units.length; i++) {
    const previous = units[i - 1];
    if (previous !== undefined && !space(previous) && !space(units[i]!) && (apart(units, i) || apart(units, i - 1))) out += " ";
    out += units[i];
  }
  return out;
}

/**
 * Undoes `spaced` on the text the index gives back (a result's content, metadata, an excerpt's text nodes). A single space the
 * source had beside a CJK character or a mark goes too: the ingest already drops most (2024 年 → 2024年).
 */
export function unspaced(text: string): string {
  // Pagefind marks the word breaks of Chinese in a result's content with a zero-width space as well.
  const chars = [...text.replaceAll("\u200b", "")];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const previous = chars[i - 1];
    const next = chars[i + 1];
    const put = c === " " && previous !== undefined && next !== undefined && !space(previous) && !space(next);
    if (put && (apart(chars, i - 1) || apart(chars, i + 1))) continue;
    out += c;
  }
  return out;
}

/**
 * A query's phrase cut at its marks (5g+工业 → 5g, 工业; 1.5亿元 stays whole): Pagefind drops most marks from a
 * query but the index keeps their places, so a phrase is asked without them and each piece must be held.
 */
export function phrasePieces(phrase: string): string[] {
  const chars = [...phrase];
  const pieces: string[] = [];
  let piece = "";
  for (let i = 0; i < chars.length; i++) {
    if (PUNCTUATION.test(chars[i]!) && apart(chars, i)) {
      if (piece) pieces.push(piece);
      piece = "";
    } else piece += chars[i];
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Pagefind's exact-phrase query for one folded phrase: the spaced characters in quotes. */
export function exactQuery(phrase: string): string {
  return `"${spaced(phrase)}"`;
}

// A comment, a script or style element whole (its text is not the page's), or any other tag. Astro escapes < and >
// in attribute values, so a tag ends at the first >.
const TOKEN = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/giu;
const INDEX_ATTRS = /\bdata-pagefind-index-attrs="([^"]*)"/u;
// A filter or metadata whose value is the element's text: that text would reach it spaced.
const TEXT_VALUED = /\bdata-pagefind-(filter|meta)="([^"[\]]*)"/u;

/**
 * A built page as Pagefind is given it: the text between tags spaced, and the attributes the page names in
 * data-pagefind-index-attrs given as spaced text at their element's start. Throws for a filter or metadata that
 * takes its value from the element's text (a filter would no longer equal the search page's choices): give it from
 * an attribute, `name[data-…]`.
 */
export function indexedHtml(html: string, file = "page"): string {
  let out = "";
  let at = 0;
  for (const m of html.matchAll(TOKEN)) {
    out += spacedHtmlText(html.slice(at, m.index)) + indexedTag(m[0], file);
    at = m.index + m[0].length;
  }
  return out + spacedHtmlText(html.slice(at));
}

function indexedTag(tag: string, file: string): string {
  if (tag.startsWith("<!--") || !tag.includes("data-pagefind-")) return tag;
  const valued = TEXT_VALUED.exec(tag);
  if (valued && !valued[2]!.includes(":")) {
    throw new Error(`${file}: data-pagefind-${valued[1]}="${valued[2]}" takes the element's text, which the index spaces; give its value from an attribute (${valued[2]}[data-…])`);
  }
  // Pagefind's exact search does not match words it took from attributes, so the attributes named are given to it
  // as text at the element's start instead (the names then show in a result's excerpt, where they explain it).
  const attrs = INDEX_ATTRS.exec(tag)?.[1]?.split(",").map((a) => a.trim()).filter(Boolean) ?? [];
  const values = attrs.map((name) => new RegExp(String.raw`\s${name.replace(/[^\w-]/gu, "")}="([^"]*)"`, "u").exec(tag)?.[1] ?? "").filter(Boolean);
  if (!values.length) return tag;
  return `${tag.replace(/\s+data-pagefind-index-attrs="[^"]*"/u, "")}${values.map((v) => `${spacedHtmlText(v)} `).join("")}`;
}
