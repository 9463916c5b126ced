// PDF (its text layer) → blocks, with pdf.js (pdfjs-dist, Mozilla's reader: the one well-kept PDF parser in
// JavaScript, no native code). Its CJK cMaps and standard fonts are loaded from the package's own folders, never
// from the network; fonts are not rendered, only their text is read. Each page's lines are joined into paragraphs
// (positioned/); page numbers are left out; a scan (no text) and a password are refused with what to do instead.
// Ruled tables are rebuilt from the lines the page draws (positioned/tables.ts), joined over page breaks.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pageRange, type ReadOptions, type ReadResult } from "../blocks.ts";
import { LIMITS, PAGES_SETTING } from "./limits.ts";
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
      return refuse("the PDF has no text layer (it is a scan or a picture of the pages); expected the Word file the list was made from, or a PDF with text (run it through OCR first)");
    }
    return { ok: true, blocks: pageBlocks(read, range.from), encoding: "pdf" };
  } finally {
    await task.destroy();
  }
}
