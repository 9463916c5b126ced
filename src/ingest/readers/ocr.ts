// A scan's pages → the text runs and drawn lines a PDF's text layer would give, so the page assembly
// (positioned/pages.ts) and the layouts read it as they read any PDF. Only behind the settings file's "ocr": true:
// OCR guesses, and a guess is never published unasked. tesseract.js (Tesseract compiled to WebAssembly, the engine
// the field uses) with its Chinese model from the npm package @tesseract.js-data/chi_sim: nothing is downloaded at
// run time, and the model is read from node_modules, never written to a cache.
import { createRequire } from "node:module";
import type { TextItem } from "./positioned/lines.ts";
import type { PageContent } from "./positioned/pages.ts";
import { findTables, type GridTable } from "./positioned/tables.ts";
import type { Segment } from "./positioned/ruling.ts";

/** A page rendered to grey pixels (0 black … 255 white), `scale` pixels to the point, and as a PNG for the engine. */
export interface PageImage {
  png: Uint8Array;
  grey: Uint8Array;
  width: number;
  height: number;
  scale: number;
  /** A rectangle of the page (pixels, from the top left) as a PNG of its own. */
  crop(left: number, top: number, width: number, height: number): Uint8Array;
}

interface OcrWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface OcrLine {
  words: OcrWord[];
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface OcrPage {
  blocks: Array<{ paragraphs: Array<{ lines: OcrLine[] }> }> | null;
}

export interface Recogniser {
  recognise(png: Uint8Array): Promise<OcrPage>;
  close(): Promise<void>;
}

/** The engine, started once per file (its start reads the 20 MB model). */
export async function startRecogniser(): Promise<Recogniser> {
  const { createWorker } = await import("tesseract.js");
  const model = createRequire(import.meta.url)("@tesseract.js-data/chi_sim") as { langPath: string; gzip: boolean };
  // OEM 1: the LSTM recogniser, the one the chi_sim model is trained for.
  const worker = await createWorker("chi_sim", 1, { langPath: model.langPath, gzip: model.gzip, cacheMethod: "none" });
  return {
    recognise: async (png) => (await worker.recognize(Buffer.from(png), {}, { blocks: true, text: false })).data as OcrPage,
    close: async () => void (await worker.terminate()),
  };
}

const CJK = /[\u2014\u2018-\u201f\u2026\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const HALF_TO_FULL: Record<string, string> = { ",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！" };

/** The engine's confidence (0–100) below which a lone mark at a line's end is dropped. */
const DOUBT = 40;

/** Quotation marks the engine reads as opening where they close: within a line they alternate “ ” “ ”. */
function pairQuotes(text: string, open: { value: boolean }): string {
  return text.replace(/[“”]/g, () => {
    const mark = open.value ? "”" : "“";
    open.value = !open.value;
    return mark;
  });
}

/**
 * The engine's words as text runs in points (y upwards, on the line's bottom edge, as a baseline). Words closer than
 * one and a half line heights are one run: the engine's gaps between characters are no spaces, a wide one (a
 * signature and its date) is. Its ASCII punctuation beside Chinese is made full-width as the list printed it (the
 * engine reads （ as ( and ， as ,), and quotation marks are paired.
 */
export function wordsToItems(page: OcrPage, image: Pick<PageImage, "height" | "scale">): TextItem[] {
  const items: TextItem[] = [];
  const lines = (page.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
  for (const line of lines) {
    // A lone mark at a line's end that the engine doubts is most often a rule's corner or a speck, not text.
    const words = line.words
      .map((w) => ({ ...w, text: w.text.trim() }))
      .filter((w, k, all) => w.text !== "" && !(w.confidence < DOUBT && [...w.text].length === 1 && (k === 0 || k === all.length - 1)));
    const lineHeight = line.bbox.y1 - line.bbox.y0;
    const y = (image.height - line.bbox.y1) / image.scale;
    const quotes = { value: false };
    let run: { text: string; x0: number; x1: number } | undefined;
    const flush = () => {
      if (run) items.push({ str: pairQuotes(run.text, quotes), x: run.x0 / image.scale, y, width: (run.x1 - run.x0) / image.scale, height: lineHeight / image.scale });
      run = undefined;
    };
    let before = "";
    words.forEach((w, k) => {
      // Beside Chinese, or beside a mark already made full-width: 局), → 局），
      const beside = CJK.test(w.text) || CJK.test(before) || CJK.test(words[k + 1]?.text ?? "");
      const text = beside ? w.text.replace(/[,:;()?!]/g, (c) => HALF_TO_FULL[c]!) : w.text;
      before = text;
      if (run && w.bbox.x0 - run.x1 < 1.5 * lineHeight) {
        // Two Latin words or numbers apart keep their space (5G 基站 has none: one side is Chinese).
        const spaced = !CJK.test(run.text.at(-1)!) && !CJK.test(text[0]!) && w.bbox.x0 - run.x1 > 0.25 * lineHeight;
        run = { text: run.text + (spaced ? " " : "") + text, x0: run.x0, x1: w.bbox.x1 };
      } else {
        flush();
        run = { text, x0: w.bbox.x0, x1: w.bbox.x1 };
      }
    });
    flush();
  }
  return items;
}

/** Dark enough to be ink: a thin rule scanned and drawn again comes out grey. */
const INK = 176;
/** Pixels a rule may skip and stay one (a scan's speckle, JPEG's blur). */
const SKIP = 2;

/**
 * The ruling of a scanned table, from the pixels: runs of ink along rows for the horizontal rules (at least as long
 * as the narrowest cell, 24 pt) and along columns for the vertical ones (at least 13 pt: a header row of one line
 * is about 16 pt tall); a rule a few pixels thick is one segment, at its middle. A character's strokes in a table's
 * type (10.5–12 pt) are shorter, so text draws none; a title's larger strokes cross no rule, so they make no table.
 */
export function rulesFromPixels(image: PageImage, minimum = { horizontal: 24, vertical: 13 }): Segment[] {
  const { grey, width, height, scale } = image;

  const segments: Segment[] = [];
  const toPoints = (x: number, y: number) => ({ x: x / scale, y: (height - y) / scale });
  /** Runs of ink along one line of pixels: [start, end) pairs of the given length or more. */
  const runs = (count: number, least: number, inkAt: (i: number) => boolean): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let start = -1;
    let last = -1;
    for (let i = 0; i <= count; i++) {
      const ink = i < count && inkAt(i);
      if (ink) {
        if (start < 0) start = i;
        last = i;
      } else if (start >= 0 && i - last > SKIP) {
        if (last + 1 - start >= least) out.push([start, last + 1]);
        start = -1;
      }
    }
    if (start >= 0 && last + 1 - start >= least) out.push([start, last + 1]);
    return out;
  };
  /** Runs on adjacent lines that overlap are one thick rule: kept open while the next line continues them. */
  const collect = (lines: number, count: number, least: number, inkAt: (line: number, i: number) => boolean, emit: (line: number, start: number, end: number) => void) => {
    let open: Array<{ first: number; last: number; start: number; end: number }> = [];
    for (let l = 0; l <= lines; l++) {
      const found = l < lines ? runs(count, least, (i) => inkAt(l, i)) : [];
      const next: typeof open = [];
      for (const [s, e] of found) {
        const o = open.find((r) => r.start < e && s < r.end);
        if (o) {
          open = open.filter((r) => r !== o);
          next.push({ first: o.first, last: l, start: Math.min(o.start, s), end: Math.max(o.end, e) });
        } else next.push({ first: l, last: l, start: s, end: e });
      }
      for (const r of open) emit((r.first + r.last) / 2, r.start, r.end);
      open = next;
    }
  };
  collect(height, width, Math.round(minimum.horizontal * scale), (y, x) => grey[y * width + x]! < INK, (y, s, e) => {
    const a = toPoints(s, y);
    const b = toPoints(e, y);
    segments.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  });
  collect(width, height, Math.round(minimum.vertical * scale), (x, y) => grey[y * width + x]! < INK, (x, s, e) => {
    // Pixel rows run downwards, points upwards: the run's end is the segment's lower end.
    const top = toPoints(x, s);
    const bottom = toPoints(x, e);
    segments.push({ x1: top.x, y1: bottom.y, x2: top.x, y2: top.y });
  });
  return segments;
}

/** A cell's rectangle in points: from its anchor place over the places merged into it. */
function cellBox(t: GridTable, r: number, c: number): { left: number; right: number; top: number; bottom: number } {
  let c2 = c;
  while (t.covered[r]![c2 + 1] === "left") c2++;
  let r2 = r;
  while (t.covered[r2 + 1]?.[c] === "above") r2++;
  return { left: t.xs[c]!, right: t.xs[c2 + 1]!, top: t.ys[r]!, bottom: t.ys[r2 + 1]! };
}

/** Pixels a cell's picture keeps clear of its rules, so the engine does not read them as 丨 or 一. */
const INSET = 4;

/**
 * A scanned page as the page assembly takes it. The text outside the ruled tables is recognised on the whole page;
 * each cell of a table on its own, since the engine, reading the page, runs its lines across the columns.
 */
export async function scannedPage(image: PageImage, recogniser: Recogniser): Promise<PageContent> {
  const segments = rulesFromPixels(image);
  const { tables } = findTables(segments, []);
  const inTable = (item: TextItem) => {
    const cx = item.x + item.width / 2;
    const cy = item.y + item.height / 2;
    return tables.some((t) => cy <= t.top && cy >= t.bottom && cx >= t.xs[0]! && cx <= t.xs.at(-1)!);
  };
  const items = wordsToItems(await recogniser.recognise(image.png), image).filter((i) => !inTable(i));
  const px = (points: number) => Math.round(points * image.scale);
  for (const t of tables) {
    for (let r = 0; r < t.covered.length; r++) {
      for (let c = 0; c < t.covered[r]!.length; c++) {
        if (t.covered[r]![c]) continue;
        const box = cellBox(t, r, c);
        const left = px(box.left) + INSET;
        const top = image.height - px(box.top) + INSET;
        const width = px(box.right - box.left) - 2 * INSET;
        const height = px(box.top - box.bottom) - 2 * INSET;
        if (width < 8 || height < 8) continue;
        const found = await recogniser.recognise(image.crop(left, top, width, height));
        // The cell's words, moved from its picture to the page.
        items.push(...wordsToItems(found, { height, scale: image.scale }).map((i) => ({ ...i, x: i.x + left / image.scale, y: i.y + (image.height - top - height) / image.scale })));
      }
    }
  }
  return { items, segments, width: image.width / image.scale, unordered: true };
}
