// The CSV renderer: quoting, formula guard, BOM and line ends.
import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "../../src/render/csv.ts";

describe("csvField", () => {
  it.each([
    ["市经信局", "市经信局"],
    ["a,b", '"a,b"'],
    ['说"好"', '"说""好"""'],
    ["第一行\n第二行", '"第一行\n第二行"'],
    ["a\r\nb", '"a\r\nb"'],
    [" 前导空格", '" 前导空格"'],
    ["", ""],
    ["1000 场", "1000 场"],
    ["中文，逗号", "中文，逗号"], // a full-width comma is not a separator
  ])("%j → %j", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

describe("toCsv", () => {
  it("starts with a UTF-8 BOM and ends every record with CRLF", () => {
    const csv = toCsv(["a", "b"], [["1", "x,y"]]);
    expect(csv).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
    expect([...new TextEncoder().encode(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
