// OFD (GB/T 33190, the 版式文档 of 电子公文) → blocks: a zip of XML parts — OFD.xml names the document, its
// Document.xml the pages and their size, each page's Content.xml holds TextObjects (a box, a font size, TextCodes
// at positions with their characters' advances) and PathObjects (the lines drawn). Read through the same zip guard
// and XML parser as .docx, turned into the runs and lines the PDF reader makes, and assembled by the same code
// (positioned/pages.ts). OFD measures in millimetres with y growing downwards; runs are converted to points, y up.
import type { Element } from "@xmldom/xmldom";
import { pageRange, type Location, type ReadOptions, type ReadResult } from "../blocks.ts";
import { parseXml } from "./docx/parse.ts";
import { LIMITS, PAGES_SETTING } from "./limits.ts";
import type { TextItem } from "./positioned/lines.ts";
import { pageBlocks, type PageContent } from "./positioned/pages.ts";
import type { Segment } from "./positioned/ruling.ts";
import { readZip, xmlText } from "./zip.ts";

const KIND = "an OFD file";
const MM = 72 / 25.4;

const fail = (at: Location, message: string): ReadResult => ({ ok: false, problems: [{ at, message }] });

const children = (el: Element | null | undefined, name: string): Element[] => {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element);
  return out;
};
const descendants = (el: Element, name: string): Element[] => Array.from(el.getElementsByTagNameNS("*", name)) as unknown as Element[];
const numbers = (text: string | null | undefined) => (text ?? "").trim().split(/[\s,]+/).filter(Boolean).map(Number);

/** A path relative to the part that names it (Doc_0/Document.xml names Pages/Page_0/Content.xml), or from the root (/…). */
function resolve(from: string, path: string): string {
  if (path.startsWith("/")) return path.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const step of path.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

/** DeltaX="g 3 5.2 4.1": the advances between a TextCode's characters, `g N D` standing for N times D. */
export function advances(deltaX: string | null, count: number, size: number): number[] {
  const tokens = (deltaX ?? "").trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < count; i++) {
    if (tokens[i] === "g") {
      const n = Number(tokens[i + 1]);
      const d = Number(tokens[i + 2]);
      for (let k = 0; k < n && out.length < count; k++) out.push(d);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  while (out.length < count) out.push(size);
  return out;
}

/** A page's runs and lines, in points with y upwards (as PDF's), from its Content.xml. */
function pageContent(root: Element, height: number, width: number): PageContent {
  const items: TextItem[] = [];
  const segments: Segment[] = [];
  const toY = (mm: number) => (height - mm) * MM;
  for (const text of descendants(root, "TextObject")) {
    const [bx = 0, by = 0] = numbers(text.getAttribute("Boundary"));
    const size = Number(text.getAttribute("Size") ?? 3.5);
    let x = 0;
    let y = 0;
    for (const code of children(text, "TextCode")) {
      const chars = [...(code.textContent ?? "")];
      if (code.getAttribute("X") !== null) x = Number(code.getAttribute("X"));
      if (code.getAttribute("Y") !== null) y = Number(code.getAttribute("Y"));
      const steps = advances(code.getAttribute("DeltaX"), Math.max(0, chars.length - 1), size);
      const run = steps.reduce((a, b) => a + b, 0) + (chars.length ? size : 0);
      items.push({ str: chars.join(""), x: (bx + x) * MM, y: toY(by + y), width: run * MM, height: size * MM });
      x += run;
    }
  }
  for (const path of descendants(root, "PathObject")) {
    const [bx = 0, by = 0] = numbers(path.getAttribute("Boundary"));
    const data = (children(path, "AbbreviatedData")[0]?.textContent ?? "").trim().split(/\s+/);
    let start: [number, number] | undefined;
    let at: [number, number] | undefined;
    const line = (a: [number, number], b: [number, number]) => {
      const [x1, y1, x2, y2] = [(bx + a[0]) * MM, toY(by + a[1]), (bx + b[0]) * MM, toY(by + b[1])];
      segments.push({ x1: Math.min(x1, x2), x2: Math.max(x1, x2), y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
    };
    for (let i = 0; i < data.length; ) {
      const op = data[i++];
      const take = (n: number) => data.slice(i, (i += n)).map(Number);
      if (op === "M" || op === "S") {
        const [x, y] = take(2);
        at = start = [x!, y!];
      } else if (op === "L") {
        const [x, y] = take(2);
        if (at) line(at, [x!, y!]);
        at = [x!, y!];
      } else if (op === "C") at = take(6).slice(4) as [number, number];
      else if (op === "Q") at = take(4).slice(2) as [number, number];
      else if (op === "B") at = take(6).slice(4) as [number, number];
      else if (op === "A") at = take(7).slice(5) as [number, number];
      else if (op === "Z") {
        if (at && start) line(at, start);
        at = start;
      }
    }
  }
  return { items, segments: segments.filter((s) => Math.abs(s.x1 - s.x2) < 0.5 || Math.abs(s.y1 - s.y2) < 0.5), width: width * MM };
}

export function readOfd(bytes: Uint8Array, options?: ReadOptions): ReadResult {
  const zip = readZip(bytes, KIND, (name) => name.toLowerCase().endsWith(".xml"));
  if (!zip.ok) return zip;
  const part = (name: string): { ok: true; root: Element } | { ok: false; result: ReadResult } => {
    const text = xmlText(zip.entries, name);
    if (!text) return { ok: false, result: fail({ entry: name }, `the part ${name} is missing; expected ${KIND} as GB/T 33190 lays it out`) };
    if (!text.ok) return { ok: false, result: { ok: false, problems: [text.problem] } };
    const parsed = parseXml(text.text, name);
    return parsed.ok ? parsed : { ok: false, result: { ok: false, problems: [parsed.problem] } };
  };
  const ofd = part("OFD.xml");
  if (!ofd.ok) return ofd.result;
  const docRoot = descendants(ofd.root, "DocRoot")[0]?.textContent?.trim();
  if (!docRoot) return fail({ entry: "OFD.xml" }, `OFD.xml names no DocRoot; expected ${KIND} as GB/T 33190 lays it out`);
  const docName = resolve("", docRoot);
  const document = part(docName);
  if (!document.ok) return document.result;
  const box = numbers(descendants(document.root, "PhysicalBox")[0]?.textContent);
  const [, , pageWidth = 210, pageHeight = 297] = box;
  const all = descendants(document.root, "Page").filter((p) => p.getAttribute("BaseLoc"));
  const range = pageRange(all.length, options);
  if (!range.ok) return fail({ entry: docName }, range.message);
  const pages = all.slice(range.from - 1, range.to);
  if (pages.length > LIMITS.pdfPages) return fail({ entry: docName }, `the document has ${pages.length} pages; expected at most ${LIMITS.pdfPages}, ${PAGES_SETTING}`);
  const contents: PageContent[] = [];
  for (const page of pages) {
    const name = resolve(docName, page.getAttribute("BaseLoc")!);
    const content = part(name);
    if (!content.ok) return content.result;
    const own = numbers(descendants(content.root, "PhysicalBox")[0]?.textContent);
    contents.push(pageContent(content.root, own[3] ?? pageHeight, own[2] ?? pageWidth));
  }
  if (!contents.some((c) => c.items.some((i) => i.str.trim()))) {
    return fail({ page: 1, line: 1 }, "the OFD has no text (its pages are pictures, a scan); expected the Word file the list was made from, or an OFD with text");
  }
  return { ok: true, blocks: pageBlocks(contents, range.from), encoding: "ofd" };
}
