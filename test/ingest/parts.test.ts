// The small pure pieces of the ingest, on made-up inputs.
import { describe, expect, it } from "vitest";
import { lex } from "../../src/ingest/readers/text-cells.ts";
import { decode } from "../../src/ingest/readers/decode.ts";
import { chineseNumeral } from "../../src/ingest/markers.ts";
import { slugify } from "../../src/ingest/slug.ts";
import { indexUnits, splitUnits } from "../../src/ingest/units.ts";

describe("decode", () => {
  it("strips a BOM and normalises CRLF and CR", () => {
    const r = decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63]));
    expect(r).toEqual({ ok: true, text: "a\nb\nc", encoding: "utf-8" });
  });
  it("reads UTF-16 with a BOM", () => {
    const r = decode(new Uint8Array([0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65]));
    expect(r.ok && r.text).toBe("中文");
  });
  it("falls back to GB18030 for non-UTF-8 bytes", () => {
    const r = decode(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]));
    expect(r).toEqual({ ok: true, text: "中文", encoding: "gb18030" });
  });
  it("refuses empty, blank and binary files with a line", () => {
    expect(decode(new Uint8Array())).toMatchObject({ ok: false, problem: { at: { line: 1 } } });
    expect(decode(new TextEncoder().encode(" \n\n\t\n"))).toMatchObject({ ok: false, problem: { at: { line: 1 } } });
    expect(decode(new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0x00]))).toMatchObject({ ok: false, problem: { at: { line: 3 } } });
    expect(decode(new TextEncoder().encode("a\nb\u0001"))).toMatchObject({ ok: false, problem: { at: { line: 2 } } });
  });
});

describe("lex", () => {
  it("opens a cell per TAB and continues it with untabbed lines", () => {
    const { prelude, cells } = lex("title\n\n\tA\n\tB\n\nmore\n\t\n\tC\tD");
    expect(prelude.map((l) => l.text)).toEqual(["title", ""]);
    expect(cells.map((c) => c.paragraphs)).toEqual([["A"], ["B", "more"], [], ["C"], ["D"]]);
    expect(cells[1]).toMatchObject({ first: 4, last: 6 });
  });
  it("trims layout blanks (NBSP, ideographic space) at paragraph ends only", () => {
    expect(lex("\t\u00A0a\u00A0b \u3000").cells[0].paragraphs).toEqual(["a\u00A0b"]);
  });
});

describe("units", () => {
  it("splits on every separator the lists use and joins split paragraphs", () => {
    expect(splitUnits(["市财政局、市商务局，市公管局,市A；市B;各县区政府", "（管委）"])).toEqual(["市财政局", "市商务局", "市公管局", "市A", "市B", "各县区政府（管委）"]);
    expect(splitUnits([])).toEqual([]);
  });
  it("makes readable, stable slugs and disambiguates collisions in document order", () => {
    expect(slugify("市经信局")).toBe("shi-jing-xin-ju");
    expect(slugify("市“5+1”产业链推进组专班")).toBe("shi-5-1-chan-ye-lian-tui-jin-zu-zhuan-ban");
    expect(slugify("“”")).toBe("unit");
    const at: [{ line: number }, { line: number }] = [{ line: 1 }, { line: 1 }];
    const m = (lead: string[]) => ({ text: "x", lead, support: [], responsible: [], leaders: [], at });
    const units = indexUnits([{ number: 1, numeral: "一", label: "一、", title: "t", at, items: [{ number: 3, label: "3.", title: "t", upper: "", at, local: [m(["市经信局", "市经信局 "]), m(["市经信局"])] }] }]);
    expect(units.map((u) => [u.name, u.slug, u.lead])).toEqual([["市经信局", "shi-jing-xin-ju", [3]], ["市经信局 ", "shi-jing-xin-ju-2", [3]]]);
  });
});

describe("chinese numerals", () => {
  it.each([["一", 1], ["九", 9], ["十", 10], ["十二", 12], ["二十", 20], ["二十三", 23], ["一百零三", 103]] as const)("%s = %i", (numeral, n) => {
    expect(chineseNumeral(numeral)).toBe(n);
  });
});
