// PDF (its text layer) → blocks, with pdf.js (pdfjs-dist, Mozilla's reader: the one well-kept PDF parser in
// JavaScript, no native code). Its CJK cMaps and standard fonts are loaded from the package's own folders, never
// from the network; fonts are not rendered, only their text is read. Each page's lines are joined into paragraphs
// (positioned/); page numbers are left out; a scan (no text) and a password are refused with what to do instead.
// Ruled tables are rebuilt from the lines the page draws (positioned/tables.ts), joined over page breaks.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pageRange, type ReadOptions, type ReadResult } from "../blocks.ts";
import { LIMITS, PAGES_SETTING } from "./limits.ts";
import { scannedPage, startRecogniser, type PageImage } from "./ocr.ts";
import { inflatesTooFar } from "./pdf-guard.ts";
import type { TextItem } from "./positioned/lines.ts";
import { pageBlocks, type PageContent } from "./positioned/pages.ts";
import { segmentsOf } from "./positioned/ruling.ts";

const packageDir = () => dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>["getPage"]>>;
let loaded: Promise<PdfJs> | undefined;
// Loaded on the first PDF only: the other formats never pay for it.
const pdfjs = () => (loaded ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

const refuse = (message: string, page = 1): ReadResult => ({ ok: false, problems: [{ at: { page, line: 1 }, message }] });

/** A page's text runs and drawn lines, in PDF units (points, y upwards). */
async function readPage(lib: PdfJs, page: PdfPage): Promise<PageContent & { characters: number }> {
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  let characters = 0;
  for (const item of content.items) {
    if (!("str" in item)) continue;
    items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
    characters += item.str.trim().length;
  }
  const width = page.getViewport({ scale: 1 }).width;
  if (items.length === 0) return { items, segments: [], width, characters };
  const ops = await page.getOperatorList();
  return { items, segments: segmentsOf(ops.fnArray, ops.argsArray, lib.OPS), width, characters };
}

type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

/** What a scan's refusal adds: the option that reads it by OCR, with the warning that goes with it. */
export const OCR_SETTING = 'let the ingest OCR it with { "ocr": true } in the list\'s settings file (seeds/<name>.settings.json), then check every measure against the scan';

/** Pixels to the point for OCR (about 216 dpi), less for a page so large that it would pass the pixel limit. */
const OCR_SCALE = 3;

/** A page drawn in grey, for the OCR: @napi-rs/canvas is the canvas PDF.js draws on in Node. */
/** A page drawn on white at `scale` pixels to the point (the test scans are drawn by this too). */
export async function drawPage(page: PdfPage, scale: number) {
  const { createCanvas } = await import("@napi-rs/canvas");
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  context.fillStyle = "white";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  return { canvas, context, createCanvas };
}

async function renderPage(page: PdfPage): Promise<PageImage> {
  const unit = page.getViewport({ scale: 1 });
  const scale = Math.min(OCR_SCALE, Math.sqrt(LIMITS.ocrPixels / (unit.width * unit.height)));
  const { canvas, context, createCanvas } = await drawPage(page, scale);
  const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const grey = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0; i < grey.length; i++) grey[i] = (rgba[4 * i]! * 299 + rgba[4 * i + 1]! * 587 + rgba[4 * i + 2]! * 114) / 1000;
  const crop = (left: number, top: number, width: number, height: number) => {
    const part = createCanvas(width, height);
    part.getContext("2d").putImageData(context.getImageData(left, top, width, height), 0, 0);
    return new Uint8Array(part.toBuffer("image/png"));
  };
  return { png: new Uint8Array(canvas.toBuffer("image/png")), grey, width: canvas.width, height: canvas.height, scale, crop };
}

/** A scan, read by OCR page by page (the settings file asked for it). */
async function readScan(doc: PdfDocument, range: { from: number; to: number }): Promise<ReadResult> {
  const count = range.to - range.from + 1;
  if (count > LIMITS.ocrPages) return refuse(`the scan has ${count} pages to OCR; expected at most ${LIMITS.ocrPages}, ${PAGES_SETTING}`);
  const recogniser = await startRecogniser();
  try {
    const pages: PageContent[] = [];
    for (let p = range.from; p <= range.to; p++) {
      const page = await doc.getPage(p);
      pages.push(await scannedPage(await renderPage(page), recogniser));
      page.cleanup();
    }
    if (!pages.some((c) => c.items.length > 0)) return refuse("the OCR found no text on the scan's pages; expected a scan of a printed list");
    return { ok: true, blocks: pageBlocks(pages, range.from), encoding: "pdf, OCR (chi_sim)" };
  } finally {
    await recogniser.close();
  }
}

export async function readPdf(bytes: Uint8Array, options?: ReadOptions): Promise<ReadResult> {
  const bomb = inflatesTooFar(bytes);
  if (bomb) return refuse(bomb);
  const lib = await pdfjs();
  const root = packageDir();
  let doc;
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(root, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(root, "standard_fonts") + "/",
    disableFontFace: true,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    const name = (e as Error).name;
    if (name === "PasswordException") return refuse("the PDF is protected by a password; expected a PDF that opens without one (or the Word file it was made from)");
    return refuse(`the file is not a PDF that can be read (${(e as Error).message}); expected a PDF saved by a word processor, or the Word file`);
  }
  try {
    const range = pageRange(doc.numPages, options);
    if (!range.ok) return refuse(range.message);
    if (range.to - range.from + 1 > LIMITS.pdfPages) return refuse(`the PDF has ${range.to - range.from + 1} pages; expected at most ${LIMITS.pdfPages}, ${PAGES_SETTING}`);
    const read: PageContent[] = [];
    let characters = 0;
    for (let p = range.from; p <= range.to; p++) {
      let one;
      try {
        const page = await doc.getPage(p);
        one = await readPage(lib, page);
        page.cleanup();
      } catch (e) {
        // Objects nested past the parser's stack, a broken content stream: PDF.js throws, the page is refused.
        const deep = /call stack/i.test((e as Error).message);
        return refuse(
          `page ${p} cannot be read (${deep ? "its objects nest too deeply" : (e as Error).message}); expected a PDF saved by a word processor, or the Word file`,
          p,
        );
      }
      characters += one.characters;
      read.push(one);
    }
    if (characters === 0) {
      if (!options?.ocr) {
        return refuse(`the PDF has no text layer (it is a scan or a picture of the pages); expected the Word file the list was made from, or a PDF with text (run it through OCR first, or ${OCR_SETTING})`);
      }
      return await readScan(doc, range);
    }
    return { ok: true, blocks: pageBlocks(read, range.from), encoding: "pdf" };
  } finally {
    await task.destroy();
  }
}
