// Word's XML parts read faithfully into small types (pandoc's Readers/Docx/Parse.hs): text as Word shows it, tables as rows of cells with their spans, numbering references; no knowledge of lists.
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import type { Problem } from "../../blocks.ts";

/** A paragraph's automatic number (编号) reference, as the paragraph or its style states it. */
export interface WordNumbering {
  numId: string;
  /** w:ilvl; absent when only the style names the list (the level is then the one linked to the style). */
  level?: number;
  /** The paragraph style that supplied the numbering, when it did. */
  style?: string;
}

export interface WordParagraph {
  /** The paragraph's text, one entry per line: w:br and w:cr break it. Untrimmed. */
  lines: string[];
  style?: string;
  numbering?: WordNumbering;
}

export interface WordCell {
  /** The cell's paragraphs in order, a nested table's paragraphs included. */
  paragraphs: WordParagraph[];
  gridSpan: number;
  vMerge?: "restart" | "continue";
  /** Word 97's horizontal merge, still written by some converters. */
  hMerge?: "restart" | "continue";
  /** Grid places a row leaves out (w:gridBefore, w:gridAfter): `gridSpan` empty cells that are no one's. */
  filler?: boolean;
}

export interface WordTable {
  /** Columns of w:tblGrid. */
  gridColumns: number;
  rows: WordCell[][];
}

/** Body-level content in order; `index` counts body paragraphs (empty ones too) and body tables, from 1. */
export type WordBlock = { kind: "paragraph"; paragraph: WordParagraph; index: number } | { kind: "table"; table: WordTable; index: number };

export interface WordStyle {
  basedOn?: string;
  numId?: string;
  level?: number;
}

export interface WordStyles {
  styles: Map<string, WordStyle>;
  /** The paragraph style a paragraph without w:pStyle has. */
  defaultParagraph?: string;
}

export const W_NAMESPACES: ReadonlySet<string | null> = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  // ISO 29500 Strict, which Word can save as.
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math";

// Nested tables, content controls and fields are walked recursively; a hostile file could nest them deep enough to
// exhaust the stack, and no real list nests more than a handful.
const MAX_DEPTH = 200;

class TooDeep extends Error {}

export type XmlResult = { ok: true; root: Element } | { ok: false; problem: Problem };

/**
 * Parses one XML part; any error xmldom reports is a problem at that entry rather than a half-read tree.
 * Formatting that never holds text is cut out first (see withoutFormatting); if the part is then not well-formed,
 * the part as written is parsed instead, so a problem's position is the file's own and no cut can lose a part.
 */
export function parseXml(text: string, entry: string): XmlResult {
  const lean = withoutFormatting(text);
  const first = parseWithXmldom(lean);
  if (first.ok || lean === text) return first.ok ? first : failure(entry, first.error);
  const second = parseWithXmldom(text);
  return second.ok ? second : failure(entry, second.error);
}

function failure(entry: string, detail: string): XmlResult {
  return { ok: false, problem: { at: { entry }, message: `the XML part is not well-formed (${detail}); expected an undamaged Office file` } };
}

function parseWithXmldom(text: string): { ok: true; root: Element } | { ok: false; error: string } {
  // xmldom wraps what onError throws in a message of its own; the first report is the one worth showing.
  let reported: string | undefined;
  try {
    const doc = new DOMParser({
      onError: (level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } } | undefined) => {
        if (level === "warning") return;
        const at = context?.locator;
        reported ??= at?.lineNumber ? `${message}, line ${at.lineNumber} column ${at.columnNumber}` : message;
        throw new Error(message);
      },
    }).parseFromString(text, "text/xml");
    const root = doc.documentElement;
    return root ? { ok: true, root } : { ok: false, error: "no root element" };
  } catch (e) {
    return { ok: false, error: cleanXmldomMessage(reported ?? (e as Error).message) };
  }
}

/** An element with the given prefix and one of the names, and its content when that holds no element of the same name. */
function innermost(prefix: string, names: string): RegExp {
  // (?<!\/) keeps a self-closing <w:drawing/> from being taken for an opening tag.
  return new RegExp(`<${prefix}:(${names})(?:\\s[^<>]*)?(?<!\\/)>(?:[^<]|<(?!\\/?${prefix}:\\1[\\s>/]))*<\\/${prefix}:\\1>`, "g");
}

// Word writes far more formatting than text (each run repeats its fonts and sizes, each paragraph and cell its
// layout, each edit its revision ids), and xmldom checks every element and attribute name against a Unicode
// grammar, so the formatting would dominate the reading time. These are cut as text, by Word's own "w:" prefix,
// before parsing: none holds text or anything read here (run properties, borders, tab stops, drawings, the
// mc:Choice branch never read), and none of them nests an element of its own name except through revisions, which
// the innermost-first passes take apart. A file that binds other prefixes is parsed whole, only slower.
const FORMATTING: RegExp[] = [
  innermost("w", "rPr|tcBorders|tblBorders|pBdr|tabs|tblCellMar|drawing|pict|object"),
  innermost("mc", "Choice"),
  / (?:w:rsid\w*|w14:paraId|w14:textId|xml:space)="[^"<>]*"/g,
  /<w:(?:rPr|proofErr|bookmarkStart|bookmarkEnd|lastRenderedPageBreak|spacing|ind|jc|tcW|vAlign|snapToGrid|widowControl|autoSpaceDE|autoSpaceDN|adjustRightInd|textAlignment|kinsoku|overflowPunct|wordWrap|topLinePunct|shd|trHeight|cantSplit|tblW|tblInd|tblLayout|tblLook|tblStyle|noWrap|contextualSpacing|keepNext|keepLines|outlineLvl)(?:\s[^<>]*)?\/>/g,
  // Run properties gone, neighbouring runs differ in nothing read here: one run holds their text just the same.
  /<\/w:t><\/w:r><w:r><w:t>/g,
];

export function withoutFormatting(text: string): string {
  let out = text;
  for (const pattern of FORMATTING) {
    // Three passes reach through revision marks (w:rPrChange holds a w:rPr); deeper nesting is left for xmldom.
    for (let pass = 0; pass < 3; pass++) {
      const next = out.replace(pattern, "");
      if (next === out) break;
      out = next;
    }
  }
  return out;
}

function cleanXmldomMessage(message: string): string {
  const first = message.replace(/^\s*\[xmldom [^\]]*\]\s*/, "").split("\n")[0].trim();
  const position = /line:(\d+),col:(\d+)/.exec(message);
  const short = first.length > 160 ? `${first.slice(0, 160)}…` : first;
  return position ? `${short}, line ${position[1]} column ${position[2]}` : short;
}

export function isW(node: Node, name: string): node is Element {
  return node.nodeType === 1 && (node as Element).localName === name && W_NAMESPACES.has((node as Element).namespaceURI);
}

export function isMc(node: Node, name: string): node is Element {
  return node.nodeType === 1 && (node as Element).localName === name && (node as Element).namespaceURI === MC;
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

export function wChild(el: Element, name: string): Element | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling) if (isW(n, name)) return n;
  return undefined;
}

/** A w: attribute; also accepted unprefixed, as some converters write it. */
export function wAttr(el: Element, name: string): string | undefined {
  const value = el.getAttributeNS(el.namespaceURI, name) ?? el.getAttribute(name);
  return value === null ? undefined : value;
}

export function wVal(el: Element | undefined): string | undefined {
  return el ? wAttr(el, "val") : undefined;
}

export function intAttr(el: Element | undefined, name = "val"): number | undefined {
  if (!el) return undefined;
  const raw = wAttr(el, name);
  if (raw === undefined || !/^\s*-?\d+\s*$/.test(raw)) return undefined;
  return Number.parseInt(raw, 10);
}

/** An ST_OnOff property: present without a value, or with true/1/on, means on. */
export function onOff(el: Element | undefined): boolean {
  if (!el) return false;
  const v = wVal(el);
  return v === undefined || v === "true" || v === "1" || v === "on";
}

/** mc:AlternateContent: Word's older-reader branch, so nothing is read twice and nothing needs a newer schema. */
function fallbackOf(el: Element): Element | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling) if (isMc(n, "Fallback")) return n;
  return undefined;
}

export function readStyles(root: Element | undefined): WordStyles {
  const styles = new Map<string, WordStyle>();
  let defaultParagraph: string | undefined;
  if (!root) return { styles };
  for (const el of childElements(root)) {
    if (!isW(el, "style")) continue;
    const id = wAttr(el, "styleId");
    if (id === undefined) continue;
    const type = wAttr(el, "type") ?? "paragraph";
    if (type !== "paragraph") continue;
    const style: WordStyle = {};
    const basedOn = wVal(wChild(el, "basedOn"));
    if (basedOn !== undefined) style.basedOn = basedOn;
    const numPr = wChild(el, "pPr") && wChild(wChild(el, "pPr")!, "numPr");
    if (numPr) {
      const numId = wVal(wChild(numPr, "numId"));
      if (numId !== undefined) style.numId = numId.trim();
      const level = intAttr(wChild(numPr, "ilvl"));
      if (level !== undefined) style.level = level;
    }
    styles.set(id, style);
    const isDefault = wAttr(el, "default");
    if (defaultParagraph === undefined && (isDefault === "1" || isDefault === "true" || isDefault === "on")) defaultParagraph = id;
  }
  return { styles, defaultParagraph };
}

/** The numbering a paragraph shows: its own w:numPr over its style's (and the style's bases'); numId 0 removes it. */
function paragraphNumbering(pPr: Element | undefined, style: string | undefined, styles: WordStyles): WordNumbering | undefined {
  const numPr = pPr && wChild(pPr, "numPr");
  let numId = numPr ? wVal(wChild(numPr, "numId"))?.trim() : undefined;
  let level = numPr ? intAttr(wChild(numPr, "ilvl")) : undefined;
  let from: string | undefined;
  const seen = new Set<string>();
  for (let id = style ?? styles.defaultParagraph; id !== undefined && !seen.has(id) && (numId === undefined || level === undefined); ) {
    seen.add(id);
    const s = styles.styles.get(id);
    if (!s) break;
    // numId and ilvl are inherited separately, each from the nearest style that sets it, as Word merges pPr.
    if (numId === undefined && s.numId !== undefined) {
      numId = s.numId;
      from = id;
    }
    if (level === undefined && s.level !== undefined) level = s.level;
    id = s.basedOn;
  }
  if (numId === undefined || numId === "0" || numId === "") return undefined;
  const numbering: WordNumbering = { numId };
  if (level !== undefined) numbering.level = level;
  else if (from === undefined) numbering.level = 0;
  if (from !== undefined) numbering.style = from;
  return numbering;
}

/** Text of one paragraph as Word shows it. Field state is per paragraph, so a field left open cannot swallow the rest of the file. */
class LineCollector {
  lines: string[] = [""];
  fields: Array<"instr" | "result"> = [];

  add(text: string): void {
    if (this.hidden()) return;
    this.lines[this.lines.length - 1] += text;
  }

  lineBreak(): void {
    if (!this.hidden()) this.lines.push("");
  }

  hidden(): boolean {
    for (const f of this.fields) if (f === "instr") return true;
    return false;
  }
}

function walkInline(el: Element, out: LineCollector, depth: number): void {
  if (depth > MAX_DEPTH) throw new TooDeep();
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const c = n as Element;
    const ns = c.namespaceURI;
    if (!W_NAMESPACES.has(ns)) {
      if (ns === MC && c.localName === "AlternateContent") {
        const fallback = fallbackOf(c);
        if (fallback) walkInline(fallback, out, depth + 1);
      } else if (ns === MATH) {
        if (c.localName === "t") out.add(textOf(c));
        else walkInline(c, out, depth + 1);
      }
      continue;
    }
    switch (c.localName) {
      case "t":
        out.add(textOf(c));
        break;
      case "tab":
      case "ptab":
        out.add(" ");
        break;
      case "br":
      case "cr":
        out.lineBreak();
        break;
      case "noBreakHyphen":
        out.add("-");
        break;
      case "sym":
        out.add(symbol(c));
        break;
      case "fldChar": {
        const type = wAttr(c, "fldCharType");
        if (type === "begin") out.fields.push("instr");
        else if (type === "separate") {
          if (out.fields.length) out.fields[out.fields.length - 1] = "result";
        } else if (type === "end") out.fields.pop();
        break;
      }
      case "r":
      case "hyperlink":
      case "smartTag":
      case "sdtContent":
      case "ins":
      case "moveTo":
      case "fldSimple":
      case "customXml":
      case "dir":
      case "bdo":
      // The properties (w:sdtPr) and the ruby annotation (w:rt, pinyin) inside these fall to the default below.
      case "sdt":
      case "ruby":
      case "rubyBase":
        walkInline(c, out, depth + 1);
        break;
      default:
        // w:del, w:moveFrom, w:instrText, w:delText, w:drawing, w:pict, w:object, w:txbxContent, w:footnoteReference,
        // w:endnoteReference, w:softHyphen, properties, bookmarks, proofing marks: not what a reader sees as text.
        break;
    }
  }
}

/** The text directly inside w:t (xmldom's textContent walks the subtree generically, and this runs for every run). */
function textOf(el: Element): string {
  let text = "";
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 || n.nodeType === 4) text += (n as unknown as { data: string }).data;
  return text;
}

/** w:sym names a character of a symbol font; codes in the private-use area only mean something in that font. */
function symbol(el: Element): string {
  const raw = wAttr(el, "char");
  if (!raw || !/^[0-9a-fA-F]{1,6}$/.test(raw)) return "";
  const code = Number.parseInt(raw, 16);
  if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || (code >= 0xe000 && code <= 0xf8ff) || code > 0x10ffff) return "";
  return String.fromCodePoint(code);
}

function readParagraph(p: Element, styles: WordStyles, depth: number): WordParagraph {
  const pPr = wChild(p, "pPr");
  const style = pPr ? wVal(wChild(pPr, "pStyle")) : undefined;
  const out = new LineCollector();
  walkInline(p, out, depth + 1);
  const paragraph: WordParagraph = { lines: out.lines };
  if (style !== undefined) paragraph.style = style;
  const numbering = paragraphNumbering(pPr, style, styles);
  if (numbering) paragraph.numbering = numbering;
  return paragraph;
}

/**
 * Calls `each` for every body-level block element (w:p, w:tbl) in order, looking through the containers that may
 * hold them: content controls (w:sdt), custom XML, and mc:AlternateContent's fallback.
 */
function forBlocks(el: Element, each: (block: Element, depth: number) => void, depth: number): void {
  if (depth > MAX_DEPTH) throw new TooDeep();
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const c = n as Element;
    if (isW(c, "p") || isW(c, "tbl")) each(c, depth);
    else if (isW(c, "sdt")) {
      const content = wChild(c, "sdtContent");
      if (content) forBlocks(content, each, depth + 1);
    } else if (isW(c, "customXml")) forBlocks(c, each, depth + 1);
    else if (isMc(c, "AlternateContent")) {
      const fallback = fallbackOf(c);
      if (fallback) forBlocks(fallback, each, depth + 1);
    }
  }
}

/** Elements named `name` among el's children, looking through w:sdt/w:sdtContent and w:customXml (rows in a table, cells in a row). */
function wrappedChildren(el: Element, name: string, depth: number, out: Element[] = []): Element[] {
  if (depth > MAX_DEPTH) throw new TooDeep();
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const c = n as Element;
    if (isW(c, name)) out.push(c);
    else if (isW(c, "sdt")) {
      const content = wChild(c, "sdtContent");
      if (content) wrappedChildren(content, name, depth + 1, out);
    } else if (isW(c, "customXml")) wrappedChildren(c, name, depth + 1, out);
  }
  return out;
}

function cellParagraphs(tc: Element, styles: WordStyles, depth: number, out: WordParagraph[]): void {
  forBlocks(
    tc,
    (block, d) => {
      if (isW(block, "p")) out.push(readParagraph(block, styles, d));
      else {
        // A nested table's text stays in its cell, row by row and cell by cell.
        for (const tr of wrappedChildren(block, "tr", d + 1)) {
          for (const inner of wrappedChildren(tr, "tc", d + 1)) cellParagraphs(inner, styles, d + 2, out);
        }
      }
    },
    depth + 1,
  );
}

function readTable(tbl: Element, styles: WordStyles, depth: number): WordTable {
  const grid = wChild(tbl, "tblGrid");
  let gridColumns = 0;
  if (grid) for (let n = grid.firstChild; n; n = n.nextSibling) if (isW(n, "gridCol")) gridColumns++;
  const rows: WordCell[][] = [];
  for (const tr of wrappedChildren(tbl, "tr", depth + 1)) {
    const trPr = wChild(tr, "trPr");
    // A row deleted with tracked changes on: the text of deleted runs is not read either.
    if (trPr && wChild(trPr, "del")) continue;
    const before = Math.max(0, intAttr(trPr && wChild(trPr, "gridBefore")) ?? 0);
    const after = Math.max(0, intAttr(trPr && wChild(trPr, "gridAfter")) ?? 0);
    const cells: WordCell[] = [];
    if (before > 0) cells.push({ paragraphs: [], gridSpan: before, filler: true });
    for (const tc of wrappedChildren(tr, "tc", depth + 1)) {
      const tcPr = wChild(tc, "tcPr");
      const cell: WordCell = { paragraphs: [], gridSpan: Math.max(1, intAttr(tcPr && wChild(tcPr, "gridSpan")) ?? 1) };
      const vMerge = tcPr && wChild(tcPr, "vMerge");
      if (vMerge) cell.vMerge = wVal(vMerge) === "restart" ? "restart" : "continue";
      const hMerge = tcPr && wChild(tcPr, "hMerge");
      if (hMerge) cell.hMerge = wVal(hMerge) === "restart" ? "restart" : "continue";
      cellParagraphs(tc, styles, depth + 1, cell.paragraphs);
      cells.push(cell);
    }
    if (after > 0) cells.push({ paragraphs: [], gridSpan: after, filler: true });
    rows.push(cells);
  }
  return { gridColumns, rows };
}

export type BodyResult = { ok: true; blocks: WordBlock[] } | { ok: false; problem: Problem };

/** word/document.xml's body, block by block. */
export function readBody(root: Element, styles: WordStyles, entry: string): BodyResult {
  const rootName = root.nodeName;
  if (!isW(root, "document")) {
    return { ok: false, problem: { at: { entry }, message: `the main part's root element is <${rootName}>, not <w:document>; expected a Word .docx file` } };
  }
  const body = wChild(root, "body");
  if (!body) return { ok: false, problem: { at: { entry }, message: "the document has no <w:body>; expected a Word .docx file" } };
  const blocks: WordBlock[] = [];
  let paragraphs = 0;
  let tables = 0;
  try {
    forBlocks(
      body,
      (block, depth) => {
        if (isW(block, "p")) blocks.push({ kind: "paragraph", paragraph: readParagraph(block, styles, depth), index: ++paragraphs });
        else blocks.push({ kind: "table", table: readTable(block, styles, depth), index: ++tables });
      },
      0,
    );
  } catch (e) {
    if (e instanceof TooDeep || e instanceof RangeError) {
      return { ok: false, problem: { at: { entry }, message: `tables, fields or content controls nest more than ${MAX_DEPTH} deep; expected a Word document of ordinary structure` } };
    }
    throw e;
  }
  return { ok: true, blocks };
}

/**
 * The first table with more than `maxRows` rows of its own, counted in the XML text by Word's "w:" prefix, or
 * undefined. `table` numbers body-level tables from 1 (a nested table reports the body table it is in).
 * Deleted rows and rows in text boxes are counted too: this is a quick refusal of the hopeless case, and the
 * reader counts again exactly after parsing.
 */
export function oversizedTable(text: string, maxRows: number): { table: number } | undefined {
  const open: Array<{ table: number; rows: number }> = [];
  let bodyTables = 0;
  const tags = /<(\/?)w:(tbl|tr)(?:\s[^<>]*?)?(\/?)>/g;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    const [, closing, name, selfClosing] = m;
    if (name === "tbl") {
      if (closing) open.pop();
      else if (!selfClosing) open.push({ table: open.length ? open[0].table : ++bodyTables, rows: 0 });
    } else if (!closing && open.length) {
      const top = open[open.length - 1];
      if (++top.rows > maxRows) return { table: top.table };
    }
  }
  return undefined;
}
