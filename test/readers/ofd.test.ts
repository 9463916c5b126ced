// The OFD reader (GB/T 33190): packages written from the PDFs LibreOffice exports (test/support/ofd-writer.ts) give
// the model the PDF gives — a paragraph list and the bundled list's ruled table over nine pages; DeltaX's g-notation;
// and hostile or damaged packages refused at their part.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { formatProblem } from "../../src/ingest/blocks.ts";
import { parseSource, type ParseResult } from "../../src/ingest/parse.ts";
import { advances } from "../../src/ingest/readers/ofd.ts";
import type { Document } from "../../src/model/schema.ts";
import { FIXTURES } from "../ingest/helpers.ts";
import { bundledText, docxOf } from "../support/bundled-formats.ts";
import { writeDocx } from "../support/docx-writer.ts";
import { ofdOf } from "../support/ofd-writer.ts";
import { paragraphsDocx, pdfOf } from "../support/pdf-writer.ts";

const parse = (bytes: Uint8Array, ext: string) => parseSource(bytes, ext, { id: "x", file: `x${ext}` });
function model(r: ParseResult): Document {
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem("x", p)).join("\n"));
  return r.document;
}
const withoutFormat = (doc: Document) => ({ ...doc, format: undefined, source: undefined });

const pdfs: Record<string, Uint8Array> = {};
beforeAll(() => {
  pdfs["paragraphs"] = pdfOf(paragraphsDocx(readFileSync(join(FIXTURES, "layout-d-parenthesis", "input.txt"), "utf8"), writeDocx));
  pdfs["table"] = pdfOf(docxOf(bundledText(), { tableBorders: true, wordQuirks: false, columnWidths: [1500, 4800, 4800, 1600, 1800] }));
  pdfs["unruled table"] = pdfOf(docxOf(bundledText(), { tableBorders: false, wordQuirks: false, columnWidths: [1500, 4800, 4800, 1600, 1800] }));
}, 180_000);

describe("OFD packages", () => {
  it.each(["paragraphs", "table", "unruled table"])("the %s PDF written as OFD gives the PDF's model, places and all", async (name) => {
    const fromPdf = model(await parse(pdfs[name]!, ".pdf"));
    const fromOfd = model(await parse(await ofdOf(pdfs[name]!), ".ofd"));
    expect(fromOfd.format).toBe("ofd");
    expect(withoutFormat(fromOfd)).toEqual(withoutFormat(fromPdf));
  }, 60_000);

  it("reads DeltaX as OFD writes it, g N D for N equal advances", () => {
    expect(advances("g 3 5 2.5", 4, 4)).toEqual([5, 5, 5, 2.5]);
    expect(advances("1 2", 3, 4)).toEqual([1, 2, 4]);
    expect(advances(null, 2, 3.5)).toEqual([3.5, 3.5]);
  });
});

describe("OFD packages refused", () => {
  const refusal = async (bytes: Uint8Array) => {
    const r = await parse(bytes, ".ofd");
    return r.ok ? [] : r.problems.map((p) => formatProblem("list.ofd", p));
  };

  it("a part that declares a DOCTYPE (an entity attack)", async () => {
    const ofd = await ofdOf(pdfs["paragraphs"]!, { "Doc_0/Pages/Page_0/Content.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"/>' });
    expect(await refusal(ofd)).toEqual([expect.stringMatching(/^list\.ofd:Doc_0\/Pages\/Page_0\/Content\.xml: the XML part declares a DOCTYPE or entities/)]);
  });

  it("a package without OFD.xml, and a file that is no zip", async () => {
    expect(await refusal(zipSync({ "Doc_0/Document.xml": strToU8("<x/>") }))).toEqual([expect.stringMatching(/^list\.ofd:OFD\.xml: the part OFD\.xml is missing; expected an OFD file as GB\/T 33190 lays it out$/)]);
    expect((await refusal(strToU8("%PDF-1.7 not a zip")))[0]).toMatch(/^list\.ofd:/);
  });

  it("an OFD of pictures only", async () => {
    const ofd = await ofdOf(pdfs["paragraphs"]!, { "Doc_0/Pages/Page_0/Content.xml": '<?xml version="1.0"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1"><ofd:ImageObject ID="2" Boundary="0 0 210 297" ResourceID="9"/></ofd:Layer></ofd:Content></ofd:Page>' });
    expect(await refusal(ofd)).toEqual([expect.stringMatching(/^list\.ofd:page 1, line 1: the OFD has no text \(its pages are pictures, a scan\)/)]);
  });
});
