// What counts as "the same words": letters and digits in order. Punctuation (full-width or half-width,
// quotes, commas) and spacing are notation; two texts that differ only there count as identical.
// One place, consulted by the similarity, the identical test and the diff marks alike.

const SPACE = /\s/u;
const NOT_WORD_CHARACTER = /[^\p{L}\p{N}]+/gu;

/** Letters and digits only, NFKC-folded (full-width ０-９ Ａ-Ｚ become ASCII): the words of a text. */
export function content(text: string): string {
  return text.normalize("NFKC").replace(NOT_WORD_CHARACTER, "");
}

/** True when a piece of text holds no letter or digit: a difference there is one of notation only. */
export function isNotation(text: string): boolean {
  return content(text) === "";
}

/** Characters that count towards a text's length: everything but spaces (NBSP included). */
export function visibleLength(text: string): number {
  let n = 0;
  for (const ch of text) if (!SPACE.test(ch)) n++;
  return n;
}
