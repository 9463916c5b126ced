// PDF (its text layer) → blocks, with pdf.js (pdfjs-dist, Mozilla's reader: the one well-kept PDF parser in
// JavaScript, no native code). Its CJK cMaps and standard fonts are loaded from the package's own folders, never
// from the network; fonts are not rendered, only their text is read. Each page's lines are joined into paragraphs
// (lines.ts); page numbers are left out; a scan (no text) and a password are refused with what to do instead.
// Ruled tables are not read yet: a page that rules one is refused by name, so a table is never read as prose.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Block, Paragraph, ReadResult } from "../../blocks.ts";
import { LIMITS } from "../limits.ts";
import { isPageNumber, toLines, toParagraphs, type Line, type TextItem } from "./lines.ts";
import { rulesTable, segmentsOf } from "./ruling.ts";

const packageDir = () => dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let loaded: Promise<PdfJs> | undefined;
// Loaded on the first PDF only: the other formats never pay for it.
const pdfjs = () => (loaded ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

const refuse = (message: string, page = 1): ReadResult => ({ ok: false, problems: [{ at: { page, line: 1 }, message }] });

/** Lines printed at the same height on most pages (a running header or footer): furniture, as page numbers are. */
function runningLines(pages: readonly Line[][]): Set<string> {
  if (pages.length < 3) return new Set();
  const seen = new Map<string, number>();
  for (const lines of pages) for (const key of new Set(lines.map((l) => `${Math.round(l.y)}|${l.text.replace(/\d+/g, "#")}`))) seen.set(key, (seen.get(key) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n >= Math.max(3, pages.length / 2)).map(([k]) => k));
}

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
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
    if (doc.numPages > LIMITS.pdfPages) return refuse(`the PDF has ${doc.numPages} pages; expected at most ${LIMITS.pdfPages}`);
    const pages: Line[][] = [];
    let characters = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
        characters += item.str.trim().length;
      }
      const lines = toLines(items);
      if (lines.length) {
        const ops = await page.getOperatorList();
        const segments = segmentsOf(ops.fnArray, ops.argsArray, { ...lib.OPS, closeStroke: lib.OPS.closeStroke, eoFill: lib.OPS.eoFill });
        if (rulesTable(segments)) {
          return refuse("the page rules a table, and tables in PDF files are not read yet; expected the list as the Word, Excel or web page file it was published with, or a PDF of numbered paragraphs", p);
        }
      }
      pages.push(lines);
      page.cleanup();
    }
    if (characters === 0) {
      return refuse("the PDF has no text layer (it is a scan or a picture of the pages); expected the Word file the list was made from, or a PDF with text (run it through OCR first)");
    }
    const running = runningLines(pages);
    const blocks: Block[] = [];
    for (const [i, lines] of pages.entries()) {
      const text = lines.filter((l) => !isPageNumber(l.text) && !running.has(`${Math.round(l.y)}|${l.text.replace(/\d+/g, "#")}`));
      if (text.length === 0) continue;
      const edges = { left: Math.min(...text.map((l) => l.left)), right: Math.max(...text.map((l) => l.right)) };
      for (const p of toParagraphs(text, edges)) blocks.push({ kind: "paragraph", text: p.text, at: { page: i + 1, line: p.line } } satisfies Paragraph);
    }
    // A paragraph that runs over a page break: the page's last line reached the edge, the next page's first does not
    // open a paragraph of its own (no mark, no indent).
    return { ok: true, blocks: joinAcrossPages(blocks, pages), encoding: "pdf" };
  } finally {
    await task.destroy();
  }
}

/** Joins the first paragraph of a page to the last of the page before when the break fell inside it. */
function joinAcrossPages(blocks: Block[], pages: readonly Line[][]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    const from = last?.kind === "paragraph" && "page" in last.at ? last.at : undefined;
    const to = block.kind === "paragraph" && "page" in block.at ? block.at : undefined;
    if (last && from && to && to.page === from.page + 1 && to.line === firstTextLine(pages[to.page - 1]!)) {
      const before = pages[from.page - 1]!;
      const after = pages[to.page - 1]!;
      const tail = before.filter((l) => !isPageNumber(l.text)).at(-1);
      const head = after.find((l) => l.number === to.line);
      const right = Math.max(...before.map((l) => l.right));
      const left = Math.min(...after.map((l) => l.left));
      if (tail && head && tail.right >= right - 1.5 * tail.size && head.left <= left + 0.5 * head.size && !/^([（(]?[一二三四五六七八九十]+[)）、]|[（(]?\d{1,3}[)）.．、])/u.test((block as Paragraph).text)) {
        (last as Paragraph).text += (block as Paragraph).text;
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

const firstTextLine = (lines: readonly Line[]) => lines.find((l) => !isPageNumber(l.text))?.number ?? 1;
