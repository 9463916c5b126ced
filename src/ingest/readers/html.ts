// Reads an article page of a Chinese government site into Blocks: finds the article body among the site's chrome and turns its paragraphs and tables into the shared tree, with the page's title and date beside it.
import type { Element, ElementContent, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { Block, Location, Paragraph, Problem, ReadResult, TableCell } from "../blocks.ts";
import { LIMITS, mebibytes } from "./limits.ts";
import { damagedUtf8 } from "./decode.ts";

type Node = Root | RootContent | ElementContent;

// ---------------------------------------------------------------------------------------------------------------
// Bytes → text

const GB_LABELS = new Set(["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn", "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280"]);

type Decoded = { ok: true; text: string; encoding: string } | { ok: false; problem: Problem };

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The charset a `<meta>` in the first 2 KB declares, as browsers pre-scan it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function decodePage(bytes: Uint8Array): Decoded {
  const fail = (line: number, message: string): Decoded => ({ ok: false, problem: { at: { line }, message } });
  if (bytes.length === 0) return fail(1, "the page is empty; expected an HTML page with the list in its article");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bomDecoded("utf-16le", bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bomDecoded("utf-16be", bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), fail);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
    return fail(line, "binary data (a NUL byte); expected an HTML page in UTF-8 or GB18030");
  }
  const declared = declaredCharset(bytes);
  if (declared && GB_LABELS.has(declared)) {
    // GBK and GB2312 are subsets of GB18030; a declared Chinese charset is trusted as browsers trust it.
    return { ok: true, text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
  if (declared && !/^utf-?8$|^utf-?16/.test(declared)) {
    const text = tryDecode(declared, bytes, false);
    if (text !== undefined) return { ok: true, text, encoding: new TextDecoder(declared).encoding };
  }
  return utf8(bytes, fail);
}

function bomDecoded(encoding: string, bytes: Uint8Array): Decoded {
  const text = tryDecode(encoding, bytes, true);
  if (text === undefined) return { ok: false, problem: { at: { line: 1 }, message: `the bytes are not valid ${encoding} despite the byte order mark; expected an undamaged page` } };
  return { ok: true, text, encoding };
}

function utf8(bytes: Uint8Array, fail: (line: number, message: string) => Decoded): Decoded {
  const text = tryDecode("utf-8", bytes, true);
  if (text !== undefined) return { ok: true, text, encoding: "utf-8" };
  const damaged = damagedUtf8(bytes, "page");
  if (damaged) return { ok: false, problem: damaged };
  const gb = tryDecode("gb18030", bytes, true);
  if (gb === undefined) return fail(1, "the bytes are neither UTF-8 nor GB18030; expected an HTML page in UTF-8 or GB18030");
  return { ok: true, text: gb, encoding: "gb18030" };
}

// ---------------------------------------------------------------------------------------------------------------
// Nesting guard before parsing: parse5 slows quadratically and hast-util-from-parse5 recurses per level, so a page
// nested thousands deep must be refused before either sees it. This scan approximates the parser's open-element
// stack (implied end tags, void and raw-text elements, foreign content); the exact depth is checked after parsing.

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "image", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"]);
const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header",
  "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "li", "dd", "dt", "hr", "xmp", "plaintext",
]);
const SCOPE = new Set(["html", "table", "td", "th", "caption", "template", "applet", "marquee", "object", "button"]);
const LIST_SCOPE = new Set([...SCOPE, "ul", "ol", "menu"]);
const DL_SCOPE = new Set([...SCOPE, "dl"]);
const TABLE_SCOPE = new Set(["html", "table", "template"]);
const ROW_SCOPE = new Set([...TABLE_SCOPE, "tr"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const BREAKOUT = new Set([
  "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img",
  "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
]);
const INTEGRATION = new Set(["foreignobject", "annotation-xml", "desc", "title"]);

/** The offset of the start tag that takes the estimated nesting past `limit`, or -1. */
function nestingPast(text: string, limit: number): number {
  const lower = text.toLowerCase();
  const names: string[] = ["html", "body"];
  const foreignNs: boolean[] = [false, false]; // the element is SVG/MathML
  const foreignKids: boolean[] = [false, false]; // its children are parsed as SVG/MathML
  const truncate = (d: number) => {
    names.length = d;
    foreignNs.length = d;
    foreignKids.length = d;
  };
  const closeTo = (targets: (name: string) => boolean, boundary: Set<string>) => {
    for (let d = names.length - 1; d >= 2; d--) {
      if (targets(names[d])) return truncate(d);
      if (boundary.has(names[d])) return;
    }
  };
  const n = text.length;
  let i = 0;
  for (;;) {
    const lt = text.indexOf("<", i);
    if (lt < 0 || lt + 1 >= n) return -1;
    const c = text.charCodeAt(lt + 1);
    if (text.startsWith("!--", lt + 1)) {
      const end = text.indexOf("-->", lt + 4);
      if (end < 0) return -1;
      i = end + 3;
      continue;
    }
    if (c === 33 || c === 63) {
      const end = text.indexOf(">", lt);
      if (end < 0) return -1;
      i = end + 1;
      continue;
    }
    const closing = c === 47;
    const j = lt + (closing ? 2 : 1);
    if (!isAsciiLetter(text.charCodeAt(j))) {
      i = lt + 1;
      continue;
    }
    let k = j;
    while (k < n && !isTagNameEnd(text.charCodeAt(k))) k++;
    const name = lower.slice(j, k);
    let q = k;
    let lastSignificant = 0;
    while (q < n) {
      const ch = text.charCodeAt(q);
      if (ch === 62) break;
      if ((ch === 34 || ch === 39) && lastSignificant === 61) {
        const end = text.indexOf(ch === 34 ? '"' : "'", q + 1);
        q = end < 0 ? n : end + 1;
        lastSignificant = 34;
        continue;
      }
      if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 12 && ch !== 13) lastSignificant = ch;
      q++;
    }
    const selfClosing = text.charCodeAt(q - 1) === 47;
    i = q + 1;
    if (name === "html" || name === "head" || name === "body") continue;
    const top = names.length - 1;
    if (closing) {
      for (let d = top; d >= 2; d--) {
        if (names[d] === name) {
          truncate(d);
          break;
        }
        if (SCOPE.has(names[d]) && !foreignNs[d]) break;
      }
      continue;
    }
    if (foreignKids[top] && BREAKOUT.has(name)) {
      let d = top;
      while (d >= 2 && foreignNs[d] && !INTEGRATION.has(names[d])) d--;
      truncate(d + 1);
    }
    const inForeign = foreignKids[names.length - 1];
    if (!inForeign) {
      if (CLOSES_P.has(name)) closeTo((x) => x === "p", SCOPE);
      if (name === "li") closeTo((x) => x === "li", LIST_SCOPE);
      else if (name === "dt" || name === "dd") closeTo((x) => x === "dt" || x === "dd", DL_SCOPE);
      else if (name === "tr") closeTo((x) => x === "tr", TABLE_SCOPE);
      else if (name === "td" || name === "th") closeTo((x) => x === "td" || x === "th", ROW_SCOPE);
      else if (name === "thead" || name === "tbody" || name === "tfoot") closeTo((x) => x === "thead" || x === "tbody" || x === "tfoot", TABLE_SCOPE);
      else if (name === "a" || name === "nobr") closeTo((x) => x === name, SCOPE);
      else if (name === "option" || name === "optgroup") closeTo((x) => x === "option" || (name === "optgroup" && x === "optgroup"), new Set(["select", ...SCOPE]));
      if (HEADINGS.has(name) && HEADINGS.has(names[names.length - 1])) truncate(names.length - 1);
      if (VOID.has(name)) continue;
      if (name === "plaintext") return -1;
      if (RAW_TEXT.has(name)) {
        const end = lower.indexOf(`</${name}`, i);
        if (end < 0) return -1;
        i = end;
        continue;
      }
    } else if (selfClosing) {
      continue;
    }
    const ns = name === "svg" || name === "math" || inForeign;
    names.push(name);
    foreignNs.push(ns);
    foreignKids.push(ns && !(inForeign && INTEGRATION.has(name)));
    if (names.length > limit) return lt;
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isTagNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 47 || c === 62;
}

// ---------------------------------------------------------------------------------------------------------------
// What a reader of the page sees

/** Never text of the page. */
const NEVER_TEXT = new Set([
  "head", "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "canvas", "audio", "video",
  "input", "button", "select", "textarea", "datalist", "option", "optgroup", "output", "meter", "progress", "map", "title", "meta", "link", "base",
]);
/** The site's chrome: never part of the article body (but a title or date may stand in it). */
const CHROME = new Set(["nav", "header", "footer", "aside"]);
const BLOCK = new Set([
  "html", "body", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "center", "pre", "article", "main", "ul", "ol", "dl", "dt", "dd",
  "address", "figure", "figcaption", "hr", "form", "fieldset", "legend", "details", "summary", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
  "hgroup", "menu", "dir", "listing", "xmp", "plaintext", "search", "dialog", "header", "footer", "nav", "aside",
]);
const LISTS = new Set(["ul", "ol", "dl", "menu", "dir"]);

function isHidden(el: Element): boolean {
  if (el.properties.hidden !== undefined && el.properties.hidden !== false) return true;
  const style = el.properties.style;
  return typeof style === "string" && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

const neverText = (el: Element) => NEVER_TEXT.has(el.tagName) || isHidden(el);
const outsideBody = (el: Element) => neverText(el) || CHROME.has(el.tagName);

function lineOf(node: Node): number {
  return node.position?.start.line ?? 1;
}

/**
 * Whether a code point is East Asian Wide or Fullwidth and not Hangul: CSS drops a line break between two of them.
 * Chinese quotation marks, the ellipsis and the dash are "ambiguous" in Unicode but full width in Chinese text.
 */
function isWide(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  return (
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2026 ||
    cp === 0x2014 ||
    cp === 0x00b7 ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Whitespace as a browser renders it: one space for a run, none for a line break between two CJK characters. */
function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, (run: string, at: number, all: string) => {
    if (run.includes("\n") && at > 0) {
      const low = all.charCodeAt(at - 1);
      const before = low >= 0xdc00 && low <= 0xdfff && at > 1 ? all.codePointAt(at - 2) : low;
      if (isWide(before) && isWide(all.codePointAt(at + run.length))) return "";
    }
    return " ";
  });
}

/** Weight of text for finding the article: Chinese characters count, other printing characters a little. */
function weigh(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd8bf)) w += 1;
    else if (c > 0x20 && c !== 0xa0 && c !== 0x3000 && !(c >= 0xdc00 && c <= 0xdfff)) w += 0.25;
  }
  return w;
}

/** Collects the text of one paragraph at a time, as inline content flows between block boundaries. */
class Flow {
  buf = "";
  line = 0;
  started = false;
  blockLine: number | undefined = undefined;
  prefix = "";
  preserve = false;
  emit: (text: string, line: number) => void;

  constructor(emit: (text: string, line: number) => void) {
    this.emit = emit;
  }

  text(value: string, node: Node): void {
    if (this.preserve && value.includes("\n")) {
      const parts = value.split("\n");
      parts.forEach((part, k) => {
        if (k > 0) this.flush();
        this.add(part, node, k);
      });
      return;
    }
    this.add(value, node, 0);
  }

  /** `lines` counts the line breaks in the text node before `value`, for its line number. */
  private add(value: string, node: Node, lines: number): void {
    if (!this.started) {
      const first = value.search(/[^ \t\n\r\f]/);
      if (first >= 0) {
        this.started = true;
        this.line = this.blockLine ?? lineOf(node) + lines + (value.slice(0, first).match(/\n/g)?.length ?? 0);
      }
    }
    this.buf += value;
  }

  /** Ends the paragraph in progress, if it has any text. */
  flush(): void {
    const text = (this.preserve ? this.buf : collapse(this.buf)).trim();
    if (text) {
      this.emit(this.prefix + text, this.line);
      this.prefix = "";
    }
    this.buf = "";
    this.started = false;
    this.blockLine = undefined;
  }

  /** A block element begins: what follows is a new paragraph, located at the element. */
  open(el: Element): void {
    this.flush();
    this.blockLine = lineOf(el);
  }
}

function romanNumeral(n: number): string {
  const table: Array<[number, string]> = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  let rest = n;
  for (const [v, s] of table) while (rest >= v) (out += s), (rest -= v);
  return out;
}

/** The number a browser draws before an ordered list item ("1.", "b.", "iv."), written against the text as the Word reader writes 编号. */
function listMarker(n: number, type: string): string {
  let s = String(n);
  if ((type === "a" || type === "A") && n >= 1) {
    s = "";
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  } else if ((type === "i" || type === "I") && n >= 1 && n < 4000) {
    s = romanNumeral(n);
  }
  return `${type === "A" || type === "I" ? s.toUpperCase() : s}.`;
}

/** An HTML integer attribute as browsers read it: leading digits, anything after ignored. */
function intAttribute(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : undefined;
  const m = /^\s*([+-]?\d+)/.exec(String(value ?? ""));
  return m ? Number(m[1]) : undefined;
}

function stringAttribute(value: unknown): string {
  return Array.isArray(value) ? value.join(" ") : value === undefined || value === null ? "" : String(value);
}

function elementChildren(el: Element, skip: (el: Element) => boolean): Element[] {
  return el.children.filter((c): c is Element => c.type === "element" && !skip(c));
}

// ---------------------------------------------------------------------------------------------------------------
// Body → blocks

interface Emit {
  blocks: Block[];
  problems: Problem[];
}

function walk(nodes: readonly Node[], parent: Element | undefined, flow: Flow, out: Emit | undefined): void {
  const ol = parent?.tagName === "ol" ? orderedList(parent) : undefined;
  for (const node of nodes) {
    if (node.type === "text") {
      flow.text(node.value, node);
      continue;
    }
    if (node.type !== "element" || outsideBody(node)) continue;
    const name = node.tagName;
    if (name === "br") {
      flow.flush();
      continue;
    }
    if (name === "table" && out) {
      flow.flush();
      readTable(node, out);
      continue;
    }
    if (!BLOCK.has(name)) {
      walk(node.children, node, flow, out);
      continue;
    }
    flow.open(node);
    const marker = name === "li" && ol ? ol.get(node) : undefined;
    if (marker) flow.prefix = marker;
    const wasPreserving = flow.preserve;
    if (name === "pre" || name === "listing" || name === "xmp") flow.preserve = true;
    walk(node.children, node, flow, out);
    flow.flush();
    flow.preserve = wasPreserving;
    if (marker) flow.prefix = "";
  }
}

/** The marker of each item of an ordered list, honouring start, type, reversed and each item's value. */
function orderedList(ol: Element): Map<Element, string> {
  const items = elementChildren(ol, neverText).filter((c) => c.tagName === "li");
  const reversed = ol.properties.reversed !== undefined && ol.properties.reversed !== false;
  let n = intAttribute(ol.properties.start) ?? (reversed ? items.length : 1);
  const listType = stringAttribute(ol.properties.type) || "1";
  const markers = new Map<Element, string>();
  for (const li of items) {
    n = intAttribute(li.properties.value) ?? n;
    markers.set(li, listMarker(n, stringAttribute(li.properties.type) || listType));
    n += reversed ? -1 : 1;
  }
  return markers;
}

function cellParagraphs(cell: Element): string[] {
  const paragraphs: string[] = [];
  const flow = new Flow((text) => paragraphs.push(text));
  walk(cell.children, cell, flow, undefined);
  flow.flush();
  return paragraphs;
}

function spanAttribute(value: unknown, max: number): number {
  const n = intAttribute(value);
  return n === undefined || n < 0 ? 1 : Math.min(n, max);
}

/** A table as its grid: every row and column span resolved as a browser lays it out. */
function readTable(table: Element, out: Emit): void {
  const at: Location = { line: lineOf(table) };
  const heads: Element[][] = [];
  const bodies: Element[][] = [];
  const foots: Element[][] = [];
  for (const child of elementChildren(table, neverText)) {
    if (child.tagName === "caption") {
      const flow = new Flow((text, line) => out.blocks.push({ kind: "paragraph", text, at: { line } }));
      flow.open(child);
      walk(child.children, child, flow, undefined);
      flow.flush();
    } else if (child.tagName === "tr") bodies.push([child]);
    else if (child.tagName === "thead" || child.tagName === "tbody" || child.tagName === "tfoot") {
      const rows = elementChildren(child, neverText).filter((r) => r.tagName === "tr");
      (child.tagName === "thead" ? heads : child.tagName === "tfoot" ? foots : bodies).push(rows);
    }
  }
  const grid: Array<Array<TableCell | undefined>> = [];
  const rowLines: number[] = [];
  let width = 0;
  let area = 0;
  const refuse = (message: string) => out.problems.push({ at, message });
  for (const group of [...heads, ...bodies, ...foots]) {
    const start = grid.length;
    for (let k = 0; k < group.length; k++) {
      const r = start + k;
      if (r >= LIMITS.rows) return void refuse(`the table has more than ${LIMITS.rows} rows; expected a task list of at most ${LIMITS.rows} rows`);
      const tr = group[k];
      rowLines[r] = lineOf(tr);
      const row = (grid[r] ??= []);
      let c = 0;
      for (const td of elementChildren(tr, neverText)) {
        if (td.tagName !== "td" && td.tagName !== "th") continue;
        while (row[c] !== undefined) c++;
        const colspan = Math.max(1, spanAttribute(td.properties.colSpan, 1000));
        const asked = spanAttribute(td.properties.rowSpan, 65534);
        const rowspan = Math.min(asked === 0 ? group.length - k : asked, group.length - k);
        area += colspan * rowspan;
        if (area > LIMITS.cells) return void refuse(`the table has more than ${LIMITS.cells} cells; expected a task list of at most ${LIMITS.cells} cells`);
        const line = lineOf(td);
        const anchor: TableCell = { paragraphs: cellParagraphs(td), at: { line } };
        for (let dr = 0; dr < rowspan; dr++) {
          const place = (grid[r + dr] ??= []);
          for (let dc = 0; dc < colspan; dc++) {
            if (place[c + dc] !== undefined) continue;
            place[c + dc] = dr === 0 && dc === 0 ? anchor : { paragraphs: [], at: { line }, covered: dr > 0 ? "above" : "left" };
          }
        }
        c += colspan;
        width = Math.max(width, c);
      }
      if (grid.length * width > LIMITS.cells) return void refuse(`the table has more than ${LIMITS.cells} cells; expected a task list of at most ${LIMITS.cells} cells`);
    }
  }
  if (width === 0) return;
  const rows = grid.map((row, r) => Array.from({ length: width }, (_, c) => row[c] ?? { paragraphs: [], at: { line: rowLines[r] ?? at.line } }));
  out.blocks.push({ kind: "table", rows, at });
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the article body

interface Stats {
  /** Weight of all text in the element. */
  w: number;
  /** Weight of the text inside links. */
  link: number;
  /** Weight of the element's own inline text (not in nested blocks, not in links). */
  own: number;
  /** What the element's own block children carry: the readability-style score. */
  score: number;
  /** What the element carries as a block child of its parent. */
  contrib: number;
  tables: number;
  /** A table that lays out the page rather than holding data (its cells are then containers like any other). */
  layout: boolean;
  parent: Element | undefined;
}

const HINT = /zoom|trs_editor|article|content|detail|\bcon\b|main|正文/i;

function measure(el: Element, parent: Element | undefined, inLink: boolean, stats: Map<Element, Stats>, order: Element[]): Stats {
  order.push(el);
  const s: Stats = { w: 0, link: 0, own: 0, score: 0, contrib: 0, tables: 0, layout: false, parent };
  let ownText = false;
  let single: Element | undefined;
  let elements = 0;
  for (const child of el.children) {
    if (child.type === "text") {
      const w = weigh(child.value);
      s.w += w;
      if (inLink) s.link += w;
      else s.own += w;
      if (/[^ \t\n\r\f]/.test(child.value)) ownText = true;
      continue;
    }
    if (child.type !== "element" || outsideBody(child)) continue;
    const c = measure(child, el, inLink || child.tagName === "a", stats, order);
    elements++;
    single = child;
    s.w += c.w;
    s.link += c.link;
    s.tables += c.tables + (child.tagName === "table" ? 1 : 0);
    if (BLOCK.has(child.tagName)) s.score += c.contrib;
    else {
      s.own += c.own;
      s.score += c.score;
      if (c.own > 0) ownText = true;
    }
  }
  s.score += s.own;
  if (el.tagName === "table") {
    s.layout = isLayoutTable(el, s, stats);
    s.contrib = s.layout ? 0 : s.w - s.link;
  } else if (LISTS.has(el.tagName)) s.contrib = s.score;
  else if (!ownText && elements === 1 && single && BLOCK.has(single.tagName)) s.contrib = stats.get(single)!.contrib;
  else s.contrib = s.own;
  stats.set(el, s);
  return s;
}

/**
 * Old sites lay pages out with tables: one holding other tables, or a few rows with one cell holding most of the
 * text (the article beside a column of links). A task list has many rows and its text spread over many cells.
 */
function isLayoutTable(table: Element, s: Stats, stats: Map<Element, Stats>): boolean {
  if (s.tables > 0) return true;
  const rows = elementChildren(table, outsideBody).flatMap((g) => (g.tagName === "tr" ? [g] : elementChildren(g, outsideBody).filter((r) => r.tagName === "tr")));
  const cells = rows.flatMap((r) => elementChildren(r, outsideBody).filter((c) => c.tagName === "td" || c.tagName === "th"));
  const text = s.w - s.link;
  if (rows.length > 4 || text <= 0) return false;
  return cells.some((c) => {
    const st = stats.get(c)!;
    const blocks = elementChildren(c, outsideBody).filter((b) => BLOCK.has(b.tagName)).length;
    return st.w - st.link >= 0.6 * text && blocks >= 2;
  });
}

interface Body {
  parent: Element;
  nodes: Node[];
  /** The elements the body is made of, for telling inside from outside. */
  roots: Element[];
}

/** The article's heading, or what a page styles as one. */
function isHeading(el: Element): boolean {
  const cls = `${stringAttribute(el.properties.className)} ${stringAttribute(el.properties.id)}`;
  return el.tagName === "h1" || el.tagName === "h2" || (/title/i.test(cls) && !/sub-?title/i.test(cls));
}

function hinted(el: Element): boolean {
  return HINT.test(`${stringAttribute(el.properties.id)} ${stringAttribute(el.properties.className)}`);
}

function findBody(root: Element): Body | undefined {
  const stats = new Map<Element, Stats>();
  const order: Element[] = [];
  measure(root, undefined, false, stats, order);
  const contains = (a: Element, b: Element) => {
    for (let x: Element | undefined = b; x; x = stats.get(x)?.parent) if (x === a) return true;
    return false;
  };
  let best: Element | undefined;
  let bestScore = 0;
  for (const el of order) {
    const score = stats.get(el)!.score;
    if (score > bestScore || (best && score === bestScore && score > 0 && ((hinted(el) && !hinted(best)) || contains(best, el)))) {
      best = el;
      bestScore = score;
    }
  }
  if (!best) return undefined;
  // A cell of a data table is not the article, the table's container is.
  for (let x = stats.get(best)?.parent; x; x = stats.get(x)?.parent) {
    if (x.tagName === "table" && !stats.get(x)!.layout) {
      best = stats.get(x)!.parent ?? x;
      bestScore = stats.get(best)!.score;
    }
  }

  // Siblings that carry article text too (a Word page in sections, a table in a div of its own) join the body.
  const parent = stats.get(best)?.parent;
  if (parent) {
    const siblings = elementChildren(parent, outsideBody);
    const content = siblings.filter((s) => {
      if (s === best) return true;
      const st = stats.get(s)!;
      if (isHeading(s) || /来源|发布|浏览|点击/.test(textOf(s).slice(0, 80))) return false;
      return Math.max(st.score, st.contrib) >= 0.2 * bestScore && st.link < 0.5 * st.w;
    });
    if (content.length > 1) {
      const from = parent.children.indexOf(content[0]);
      const to = parent.children.indexOf(content[content.length - 1]);
      const nodes = parent.children.slice(from, to + 1);
      return withTable({ parent, nodes, roots: nodes.filter((n): n is Element => n.type === "element" && !outsideBody(n)) }, stats, order, contains);
    }
  }
  return withTable({ parent: best, nodes: best.children, roots: [best] }, stats, order, contains);
}

/** The largest data table belongs to the article; if the body chosen so far misses it, the body grows to take it. */
function withTable(body: Body, stats: Map<Element, Stats>, order: Element[], contains: (a: Element, b: Element) => boolean): Body {
  const article = body.roots.reduce((w, r) => w + stats.get(r)!.w, 0);
  let largest: Element | undefined;
  let size = 0;
  for (const el of order) {
    if (el.tagName !== "table") continue;
    const st = stats.get(el)!;
    if (st.layout || body.roots.some((r) => contains(el, r))) continue;
    if (st.w - st.link > size) (largest = el), (size = st.w - st.link);
  }
  if (!largest || body.roots.some((r) => contains(r, largest)) || size < 0.2 * article) return body;
  let holder = stats.get(largest)!.parent ?? largest;
  while (!body.roots.every((r) => contains(holder, r)) && size < 0.8 * (article + size)) {
    const up = stats.get(holder)?.parent;
    if (!up) break;
    holder = up;
  }
  return { parent: holder, nodes: holder.children, roots: [holder] };
}

// ---------------------------------------------------------------------------------------------------------------
// Title and date, from around the body

interface Outside {
  text: string;
  before: boolean;
}

/** The page's text outside the body, paragraph by paragraph, marking what comes before it. */
function outsideText(root: Element, body: Body): Outside[] {
  const out: Outside[] = [];
  let before = true;
  const rootSet = new Set<Node>(body.roots);
  const flow = new Flow((text) => out.push({ text, before }));
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.type === "text") flow.text(node.value, node);
      if (node.type !== "element" || neverText(node)) continue;
      if (rootSet.has(node)) {
        flow.flush();
        before = false;
        continue;
      }
      if (node.tagName === "br") flow.flush();
      else if (BLOCK.has(node.tagName)) {
        flow.open(node);
        visit(node.children);
        flow.flush();
      } else visit(node.children);
    }
  };
  visit(root.children);
  flow.flush();
  return out;
}

function textOf(el: Element): string {
  const parts: string[] = [];
  const flow = new Flow((text) => parts.push(text));
  walk(el.children, el, flow, undefined);
  flow.flush();
  return collapse(parts.join("\n")).trim();
}

const DATE = String.raw`(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?)`;
const PUBLISHED = new RegExp(String.raw`(?:发布时间|发布日期)\s*[:：]\s*` + DATE);
const DATED = new RegExp(String.raw`(?:日期|时间)\s*[:：]\s*` + DATE);

function findDate(metas: Map<string, string>, outside: Outside[], body: Block[]): string | undefined {
  const meta = metas.get("pubdate") ?? metas.get("publishdate");
  if (meta) return meta;
  const nearestFirst = [...outside.filter((o) => o.before).reverse(), ...outside.filter((o) => !o.before)].map((o) => o.text);
  // A short article's body may take in the line under its heading.
  const opening = body.slice(0, 3).flatMap((b) => (b.kind === "paragraph" && b.text.length < 120 ? [b.text] : []));
  for (const [pattern, texts] of [[PUBLISHED, nearestFirst], [PUBLISHED, opening], [DATED, nearestFirst]] as const) {
    for (const text of texts) {
      const m = pattern.exec(text);
      if (m) return m[1];
    }
  }
  return undefined;
}

/** The <title> without the site's name: the longest of the parts a separator (_ - | ｜ —) divides it into. */
function strippedDocumentTitle(title: string): string {
  const parts = title.split(/\s*(?:[_|｜]|——|\s[-–—]\s|(?<!\d)-(?!\d))\s*/).map((p) => p.trim()).filter(Boolean);
  return parts.reduce((a, b) => (b.length > a.length ? b : a), "");
}

function findTitle(root: Element, body: Body, index: Map<Element, number>, metas: Map<string, string>, documentTitle: string | undefined): string | undefined {
  const metaTitle = metas.get("articletitle");
  const stripped = documentTitle ? strippedDocumentTitle(documentTitle) : undefined;
  const first = Math.min(...body.roots.map((r) => index.get(r) ?? 0));
  const candidates: Array<{ text: string; position: number; inside: boolean }> = [];
  const visit = (el: Element, inside: boolean) => {
    for (const child of el.children) {
      if (child.type !== "element" || neverText(child) || ["nav", "footer", "aside"].includes(child.tagName)) continue;
      const isInside = inside || body.roots.includes(child);
      if (isHeading(child)) {
        const text = textOf(child);
        if (text.length >= 2 && text.length <= 300 && !PUBLISHED.test(text)) candidates.push({ text, position: index.get(child) ?? 0, inside: isInside });
      }
      visit(child, isInside);
    }
  };
  visit(root, false);
  const before = candidates.filter((c) => !c.inside && c.position < first).reverse();
  const ranked = [...before, ...candidates.filter((c) => c.inside), ...candidates.filter((c) => !c.inside && c.position > first)];
  const known = [metaTitle, stripped].filter((t): t is string => !!t && t.length >= 2);
  const confirmed = ranked.find((c) => known.some((k) => c.text === k || (k.length >= 8 && c.text.startsWith(k.replace(/(?:\.{3}|…)+$/, "")))));
  const inside = candidates.find((c) => c.inside);
  return confirmed?.text ?? before[0]?.text ?? inside?.text ?? metaTitle ?? (stripped || undefined);
}

// ---------------------------------------------------------------------------------------------------------------

export function readHtml(bytes: Uint8Array): ReadResult {
  try {
    return read(bytes);
  } catch (e) {
    // A reader reports, it does not throw: whatever slipped past the checks above becomes a problem too.
    return { ok: false, problems: [{ at: { line: 1 }, message: `the page cannot be read (${(e as Error).message}); expected an HTML page` }] };
  }
}

function read(bytes: Uint8Array): ReadResult {
  const refuse = (at: Location, message: string): ReadResult => ({ ok: false, problems: [{ at, message }] });
  if (bytes.length > LIMITS.textBytes) {
    return refuse({ line: 1 }, `the page is ${mebibytes(bytes.length)}; expected an HTML page of at most ${mebibytes(LIMITS.textBytes)}`);
  }
  const decoded = decodePage(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const text = decoded.text.replace(/^\uFEFF/, "");
  const deepAt = nestingPast(text, LIMITS.htmlDepth * 4);
  if (deepAt >= 0) return refuse({ line: lineAt(text, deepAt) }, nestingMessage());

  let tree: Root;
  try {
    tree = fromHtml(text);
  } catch (e) {
    if (e instanceof RangeError) return refuse({ line: 1 }, nestingMessage());
    return refuse({ line: 1 }, `the page cannot be parsed as HTML (${(e as Error).message}); expected an HTML page`);
  }

  // The exact depth, walked with an explicit stack so that a deep page cannot overflow this walk either.
  const index = new Map<Element, number>();
  const stack: Array<{ node: Node; depth: number }> = [{ node: tree, depth: 0 }];
  const metas = new Map<string, string>();
  let documentTitle: string | undefined;
  let html: Element | undefined;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (node.type === "element") {
      if (depth > LIMITS.htmlDepth) return refuse({ line: lineOf(node) }, nestingMessage());
      index.set(node, index.size);
      if (node.tagName === "html") html ??= node;
      if (node.tagName === "meta" && node.properties.name !== undefined) {
        metas.set(stringAttribute(node.properties.name).toLowerCase(), collapse(stringAttribute(node.properties.content)).trim());
      }
      if (node.tagName === "title" && documentTitle === undefined) documentTitle = collapse(node.children.map((c) => (c.type === "text" ? c.value : "")).join("")).trim();
    }
    if ("children" in node) for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k], depth: depth + 1 });
  }
  const body = html && (html.children.find((c): c is Element => c.type === "element" && c.tagName === "body") ?? html);
  const article = body && findBody(body);
  if (!body || !article) return refuse({ line: 1 }, "found no article text in the page; expected a government article page with the list in its body");

  const out: Emit = { blocks: [], problems: [] };
  const flow = new Flow((t, line) => out.blocks.push({ kind: "paragraph", text: t, at: { line } } satisfies Paragraph));
  if (article.roots.length === 1 && article.roots[0].tagName === "table") walk(article.roots, article.parent, flow, out);
  else if (article.roots.length === 1 && article.nodes === article.roots[0].children) {
    flow.open(article.roots[0]);
    walk(article.nodes, article.roots[0], flow, out);
  } else walk(article.nodes, article.parent, flow, out);
  flow.flush();
  if (out.problems.length) return { ok: false, problems: out.problems };
  if (out.blocks.length === 0) return refuse({ line: 1 }, "found no article text in the page; expected a government article page with the list in its body");

  const title = findTitle(body, article, index, metas, documentTitle);
  const date = findDate(metas, outsideText(body, article), out.blocks);
  return { ok: true, blocks: out.blocks, encoding: decoded.encoding, ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

function nestingMessage(): string {
  return `elements nest more than ${LIMITS.htmlDepth} levels deep; expected an article page (real pages nest a few dozen levels)`;
}
