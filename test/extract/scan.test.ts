// An independent check that no number with a unit is missed: a plain regex finds every run of digits followed
// by a Chinese character or a percent sign; each must be a quantity the extractor found, or a name or ordinal.
import { describe, expect, it } from "vitest";
import { measuresOf } from "../../src/extract/text.ts";
import { bundledWithFigures } from "./helpers.ts";

const doc = bundledWithFigures();

/** Digits (ASCII or full-width), optional spaces, then a Han character or %. Deliberately simpler than the extractor. */
const DIGITS_THEN_UNIT = /[0-9０-９]+(?:\.[0-9]+)?[ \u00a0\u3000]*(?:\p{Script=Han}|[%％])/gu;
/** Names and ordinals: 5+1, 1+16+X, IPv6, 5G, 3A, 第6版 (a digit touching a Latin letter, + or 第). */
const isName = (text: string, at: number, end: number) => /[A-Za-z+＋第]/.test(text[at - 1] ?? "") || /[A-Za-z+＋]/.test(text[end] ?? "");

describe("independent scan for numbers with units", () => {
  it("finds nothing the extractor missed", () => {
    const missed: string[] = [];
    let scanned = 0;
    for (const m of measuresOf(doc)) {
      const starts = new Set(doc.figures.quantities.filter((q) => q.task === m.task && q.side === m.side && q.measure === m.measure).map((q) => q.start));
      for (const hit of m.text.matchAll(DIGITS_THEN_UNIT)) {
        const digits = /^[0-9０-９.]+/.exec(hit[0])![0];
        if (isName(m.text, hit.index, hit.index + digits.length)) continue;
        scanned++;
        if (!starts.has(hit.index)) missed.push(`task ${m.task} ${m.side} ${m.measure}: ${m.text.slice(Math.max(0, hit.index - 8), hit.index + hit[0].length + 4)}`);
      }
    }
    expect(missed).toEqual([]);
    expect(scanned).toBe(doc.figures.quantities.length);
  });
});
