// OCR, behind the settings file's "ocr": true: a scan (pictures of the pages, no text layer) is read into the runs
// and ruling a PDF's text layer gives, and built as the PDF is. The pure steps on made-up input; then a real scan
// of a list (LibreOffice's PDF drawn at 200 dpi, saved as JPEG pictures) read by tesseract.js with its Chinese model.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseSource } from "../../src/ingest/parse.ts";
import { LIMITS, PAGES_SETTING } from "../../src/ingest/readers/limits.ts";
import { rulesFromPixels, wordsToItems, type PageImage } from "../../src/ingest/readers/ocr.ts";
import { findTables } from "../../src/ingest/readers/positioned/tables.ts";
import type { Document } from "../../src/model/schema.ts";
import { FIXTURES } from "../ingest/helpers.ts";
import { writeDocx } from "../support/docx-writer.ts";
import { ocrAccuracy } from "../support/ocr-accuracy.ts";
import { paragraphsDocx, pdfOf, scanOf, textlessPdf } from "../support/pdf-writer.ts";

const word = (text: string, x0: number, x1: number, confidence = 90) => ({ text, confidence, bbox: { x0, y0: 100, x1, y1: 130 } });
const page = (...words: ReturnType<typeof word>[]) => ({ blocks: [{ paragraphs: [{ lines: [{ words, bbox: { x0: 0, y0: 100, x1: 1000, y1: 130 } }] }] }] });

describe("the engine's words as text runs", () => {
  it("joins close words into one run, folds ASCII punctuation beside Chinese and pairs quotation marks", () => {
    const items = wordsToItems(page(word("(", 0, 10), word("市", 12, 40), word("“", 42, 50), word("5G", 52, 80), word("“", 82, 90), word(")", 92, 100), word(",", 102, 108)), { height: 1000, scale: 3 });
    expect(items.map((i) => i.str)).toEqual(["（市“5G”），"]);
    expect(items[0]).toMatchObject({ x: 0, width: 108 / 3, height: 10, y: (1000 - 130) / 3 });
  });

  it("keeps a wide gap as two runs, a space between Latin words, and drops a doubtful lone mark at a line's end", () => {
    const items = wordsToItems(page(word("市", 0, 30), word("经", 32, 60), word("2025", 200, 260), word("Q1", 270, 300), word("国", 310, 340, 12)), { height: 1000, scale: 1 });
    expect(items.map((i) => i.str)).toEqual(["市经", "2025 Q1"]);
  });
});

describe("the ruling of a scanned table, from its pixels", () => {
  it("finds the rules of a grid a few pixels thick, and none in a character's strokes", () => {
    const width = 600;
    const height = 400;
    const grey = new Uint8Array(width * height).fill(255);
    const ink = (x0: number, y0: number, x1: number, y1: number, value = 40) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) grey[y * width + x] = value;
    };
    // A table of two rows and three columns at 2 px to the point; the top row is one cell across; a grey rule with
    // a gap of a pixel is still one; a short stroke (a character's) is no rule.
    for (const y of [40, 120, 200]) ink(40, y, 560, y + 3, y === 120 ? 150 : 40);
    ink(300, 120, 301, 123, 255);
    for (const x of [40, 557]) ink(x, 40, x + 3, 203);
    for (const x of [200, 380]) ink(x, 120, x + 3, 203);
    ink(100, 150, 130, 152);
    const image: PageImage = { png: new Uint8Array(), grey, width, height, scale: 2, crop: () => new Uint8Array() };
    const { tables } = findTables(rulesFromPixels(image), []);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.xs.map(Math.round)).toEqual([21, 101, 191, 279]);
    expect(tables[0]!.covered).toEqual([[undefined, "left", "left"], [undefined, undefined, undefined]]);
  });
});

describe("a scanned list read by OCR", () => {
  let textLayer: Document;
  let scan: Uint8Array;
  beforeAll(async () => {
    const pdf = pdfOf(paragraphsDocx(readFileSync(join(FIXTURES, "layout-d-parenthesis", "input.txt"), "utf8"), writeDocx));
    const read = await parseSource(pdf, ".pdf", { id: "x", file: "x.pdf" });
    if (!read.ok) throw new Error(read.problems[0]!.message);
    textLayer = read.document;
    scan = await scanOf(pdf, 200);
  }, 120_000);

  it("is refused without the setting, which the refusal names", async () => {
    const r = await parseSource(scan, ".pdf", { id: "x", file: "x.pdf" });
    expect(r.ok ? "" : r.problems[0]!.message).toMatch(/^the PDF has no text layer .*\{ "ocr": true \} in the list's settings file/);
  });

  it("builds with it: the same measures and lead units as the text layer, its characters 95% or more the same", async () => {
    const r = await parseSource(scan, ".pdf", { id: "x", file: "x.pdf", ocr: true });
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const accuracy = ocrAccuracy(textLayer, r.document);
    expect(accuracy.measures).toEqual([5, 5]);
    expect(accuracy.sameLeads).toBe(5);
    expect(accuracy.characterAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(r.document.chapters.map((c) => c.title)).toEqual(textLayer.chapters.map((c) => c.title));
  }, 120_000);

  it("is refused past the pages the OCR reads, before any is read", async () => {
    const r = await parseSource(textlessPdf(LIMITS.ocrPages + 1), ".pdf", { id: "x", file: "x.pdf", ocr: true });
    expect(r.ok ? "" : r.problems[0]!.message).toBe(`the scan has ${LIMITS.ocrPages + 1} pages to OCR; expected at most ${LIMITS.ocrPages}, ${PAGES_SETTING}`);
  });
});
