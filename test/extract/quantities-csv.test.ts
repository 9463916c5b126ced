// The quantities CSV: BOM, CRLF, one row per quantity, quoting of commas and quotes.
import { describe, expect, it } from "vitest";
import { QUANTITY_CSV_HEADER, quantitiesCsv } from "../../src/render/quantities-csv.ts";
import { bundledWithFigures } from "./helpers.ts";

const doc = bundledWithFigures();

describe("quantities CSV", () => {
  it("has a BOM, a header and a row per quantity", () => {
    const csv = quantitiesCsv(doc);
    expect(csv.startsWith("\uFEFF编号,任务序号,")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(doc.figures.quantities.length + 1);
    expect(lines[0].split(",")).toEqual(QUANTITY_CSV_HEADER);
  });

  it("quotes fields with commas or quotes", () => {
    const csv = quantitiesCsv(doc);
    // 到2025年's subject runs on past a comma: 力争达到专精特新上市企业5家，省“专精特新板”挂牌60家，…
    const t11 = csv.split("\r\n").find((l) => l.startsWith("t11-l0-1,"))!;
    expect(t11).toContain("力争达到专精特新上市企业5家");
    const hostile = quantitiesCsv({ ...doc, figures: { ...doc.figures, quantities: [{ ...doc.figures.quantities[0], subject: 'a,"b"\n=c' }] } });
    expect(hostile).toContain('"a,""b""\n=c"');
  });
});
