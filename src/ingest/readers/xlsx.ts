// Reads an Excel workbook (.xlsx) into one Table block per sheet with content, after its zip and XML parts are checked for bombs, entity attacks, outside links and sheets too large to load.
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { columnLetters, type Block, type Problem, type ReadResult, type TableCell } from "../blocks.ts";
import { LIMITS } from "./limits.ts";
import { readZip, walkZip, xmlText } from "./zip.ts";

const KIND = "an Excel .xlsx file";
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const XML_PART = /\.(?:xml|rels|vml)$/i;

type Guarded = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; problems: Problem[] };

function entryProblem(entry: string, message: string): Guarded {
  return { ok: false, problems: [{ at: { entry }, message }] };
}

function unescapeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string, dec: string, named: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named.toLowerCase()] ?? "";
  });
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** Which sheet each worksheet part holds, so that a refusal can name the sheet as Excel shows it. */
function sheetNames(workbook: string, rels: string | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of (rels ?? "").matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    const target = a.get("Target");
    if (a.get("Id") && target) targets.set(a.get("Id")!, resolvePart("xl/", target));
  }
  const names = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    const id = [...a].find(([k]) => /(?:^|:)id$/.test(k))?.[1];
    const part = id ? targets.get(id) : undefined;
    if (part && a.get("name")) names.set(part, a.get("name")!);
  }
  return names;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (base + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

/** How many elements of this local name (any namespace prefix) the XML bytes hold, counting no further than `stop`. */
function countElements(data: Uint8Array, name: string, stop: number): number {
  const code = Array.from(name, (c) => c.charCodeAt(0));
  let n = 0;
  for (let i = data.indexOf(0x3c); i >= 0; i = data.indexOf(0x3c, i + 1)) {
    let j = i + 1;
    let k = j;
    while (k < data.length && ((data[k] >= 0x61 && data[k] <= 0x7a) || (data[k] >= 0x41 && data[k] <= 0x5a) || (data[k] >= 0x30 && data[k] <= 0x39) || data[k] === 0x5f)) k++;
    if (data[k] === 0x3a) j = k + 1;
    let match = true;
    for (let t = 0; t < code.length && match; t++) match = data[j + t] === code[t];
    if (!match) continue;
    const after = data[j + code.length];
    if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) {
      if (++n >= stop) return n;
    }
  }
  return n;
}

/**
 * The first worksheet part holding more than LIMITS.rows rows, found while inflating it and without keeping it:
 * readZip would inflate all of a huge sheet (tens of MB) before its rows could be counted, this stops at the row
 * past the limit. Anything else wrong with the container (bombs, damage) is left for readZip to report.
 */
function sheetPastRowLimit(bytes: Uint8Array): string | undefined {
  let over: string | undefined;
  walkZip(bytes, "an Excel .xlsx file", (name) => {
    if (!SHEET_PART.test(name)) return undefined;
    let carry = new Uint8Array(0);
    let rows = 0;
    return (data, final) => {
      const buffer = carry.length ? concat(carry, data) : data;
      // A tag cut by the chunk's end is counted with the next chunk.
      const lastTag = buffer.lastIndexOf(0x3c);
      const end = !final && lastTag >= 0 && buffer.length - lastTag < 64 ? lastTag : buffer.length;
      rows += countElements(buffer.subarray(0, end), "row", LIMITS.rows + 1 - rows);
      carry = buffer.slice(end);
      if (rows <= LIMITS.rows) return false;
      over = name;
      return true;
    };
  });
  return over;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function tooManyRows(part: string, names: Map<string, string>): Guarded {
  return entryProblem(part, `the sheet "${names.get(part) ?? part}" has more than ${LIMITS.rows} rows; expected a task list of at most ${LIMITS.rows} rows`);
}

/** The zip opened and every part checked before exceljs, which trusts what it is given, sees any of it. */
function guard(bytes: Uint8Array): Guarded {
  const huge = sheetPastRowLimit(bytes);
  if (huge) {
    const small = readZip(bytes, KIND, (name) => name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels");
    const text = (name: string) => {
      const t = small.ok ? xmlText(small.entries, name) : undefined;
      return t?.ok ? t.text : undefined;
    };
    return tooManyRows(huge, sheetNames(text("xl/workbook.xml") ?? "", text("xl/_rels/workbook.xml.rels")));
  }
  const zip = readZip(bytes, KIND, () => true);
  if (!zip.ok) return zip;
  const { entries } = zip;
  if (!entries.has("xl/workbook.xml")) {
    if (entries.has("word/document.xml")) return entryProblem("(file)", `this is a Word .docx file, not ${KIND}; expected ${KIND}`);
    return entryProblem("xl/workbook.xml", `the container has no workbook part (xl/workbook.xml); expected ${KIND}`);
  }
  // Small parts first: the workbook and relationships name the sheets that the row counts below refer to.
  const texts = new Map<string, string>();
  for (const name of entries.keys()) {
    if (!XML_PART.test(name) || SHEET_PART.test(name)) continue;
    if (/\.vml$/i.test(name)) {
      // Legacy VML drawings need not be UTF-8, so only the entity check applies to them.
      if (/<!DOCTYPE|<!ENTITY/i.test(new TextDecoder("latin1").decode(entries.get(name)))) {
        return entryProblem(name, "the part declares a DOCTYPE or entities, which Office files never do (an XML entity attack); expected plain OOXML");
      }
      continue;
    }
    const t = xmlText(entries, name);
    if (t && !t.ok) return { ok: false, problems: [t.problem] };
    if (t) texts.set(name, t.text);
    if (t && name.endsWith(".rels")) {
      for (const m of t.text.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
        const a = attributes(m[1]);
        if (a.get("TargetMode") !== "External" || /\/hyperlink$/.test(a.get("Type") ?? "")) continue;
        const type = (a.get("Type") ?? "").split("/").pop() || "part";
        return entryProblem(name, `the workbook links to an outside ${type} (${(a.get("Target") ?? "").slice(0, 200)}); expected a self-contained workbook without external links`);
      }
    }
  }
  const names = sheetNames(texts.get("xl/workbook.xml") ?? "", texts.get("xl/_rels/workbook.xml.rels"));
  // Counted again on the bytes (the streaming count gives up on a damaged container), stopping at the limit.
  for (const [name, data] of entries) {
    if (!SHEET_PART.test(name)) continue;
    const sheet = names.get(name) ?? name;
    if (countElements(data, "row", LIMITS.rows + 1) > LIMITS.rows) return tooManyRows(name, names);
    const head = new TextDecoder().decode(data.subarray(0, 16 * 1024));
    const ref = /<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']/.exec(head)?.[1];
    const lastRow = Math.max(0, ...[...(ref ?? "").matchAll(/[A-Z]*(\d+)/gi)].map((m) => Number(m[1])));
    if (lastRow > LIMITS.rows) return tooManyRows(name, names);
    if (countElements(data, "c", LIMITS.cells + 1) > LIMITS.cells) {
      return entryProblem(name, `the sheet "${sheet}" has more than ${LIMITS.cells} cells; expected a task list of at most ${LIMITS.cells} cells`);
    }
    const t = xmlText(entries, name);
    if (t && !t.ok) return { ok: false, problems: [t.problem] };
    // exceljs would show the string's index number in the cell instead.
    if (t && !entries.has("xl/sharedStrings.xml") && /<(?:\w+:)?c\b[^>]*\bt\s*=\s*["']s["']/.test(t.text)) {
      return entryProblem(name, `cells of the sheet "${sheet}" refer to shared strings, but the workbook has no shared strings part; expected an undamaged ${KIND}`);
    }
  }
  return { ok: true, entries };
}

// ---------------------------------------------------------------------------------------------------------------
// Cell values as Excel displays them

/** A number format split into its sections (positive;negative;zero;text), quotes respected. */
function formatSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\") {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** A format section as literal text and the codes around it: [codes with literals replaced by \u0000, literals]. */
function tokenize(section: string): { codes: string; prefix: string; suffix: string } {
  let codes = "";
  let prefix = "";
  let suffix = "";
  let seenCode = false;
  const literal = (s: string) => {
    if (seenCode) suffix += s;
    else prefix += s;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      literal(section[i + 1] ?? "");
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end;
    } else if (ch === "_" || ch === "*") {
      i++; // padding and fill characters take width, not text
    } else if ("0#?.,%".includes(ch)) {
      if (!seenCode || suffix === "") {
        seenCode = true;
        codes += ch;
      } else suffix += ch;
    } else if (ch === "E" || ch === "e" || ch === "/") {
      codes += "!";
    } else literal(ch);
  }
  return { codes, prefix, suffix };
}

function isDateSection(section: string): boolean {
  const bare = section.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(10)));
}

function formatNumber(n: number, format: string | undefined, date1904: boolean): string {
  if (!format || /^(?:general|@)$/i.test(format.trim())) return generalNumber(n);
  const sections = formatSections(format);
  let section = sections[0];
  let value = n;
  let sign = n < 0 ? "-" : "";
  if (n < 0 && sections.length > 1 && sections[1] !== "") {
    section = sections[1];
    value = -n;
    sign = "";
  } else if (n === 0 && sections.length > 2 && sections[2] !== "") section = sections[2];
  if (isDateSection(section)) return formatDate(serialToDate(n, date1904), section);
  const { codes, prefix, suffix } = tokenize(section);
  if (codes === "" || codes.includes("!")) return sign + prefix + generalNumber(Math.abs(value)) + suffix;
  const signs = codes.match(/%/g)?.length ?? 0;
  const percent = signs + (suffix.match(/%/g)?.length ?? 0);
  const pattern = codes.replace(/%/g, "");
  const dot = pattern.indexOf(".");
  let whole = dot < 0 ? pattern : pattern.slice(0, dot);
  const fraction = dot < 0 ? "" : pattern.slice(dot + 1).replace(/,/g, "");
  let scaled = Math.abs(value) * 100 ** percent;
  while (whole.endsWith(",")) {
    scaled /= 1000;
    whole = whole.slice(0, -1);
  }
  const grouped = whole.includes(",");
  const minWhole = whole.replace(/[^0]/g, "").length;
  const minFraction = fraction.replace(/[^0]/g, "").length;
  let [int, frac = ""] = scaled.toFixed(fraction.length).split(".");
  while (frac.length > minFraction && frac.endsWith("0")) frac = frac.slice(0, -1);
  if (int === "0" && minWhole === 0) int = "";
  int = int.padStart(minWhole, "0");
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number = int + (frac || (fraction.length > 0 && minFraction > 0) ? `.${frac}` : "");
  const negative = sign && Number(scaled.toFixed(fraction.length)) !== 0 ? "-" : "";
  return negative + prefix + number + "%".repeat(signs) + suffix;
}

function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86400) * 1000);
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/** A date as YYYY-MM-DD, with the time of day when the format shows one and it is not midnight. */
function formatDate(d: Date, format: string | undefined): string {
  if (Number.isNaN(d.getTime())) return "";
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const date = `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`;
  const bare = (format ?? "").replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  const midnight = t.getUTCHours() === 0 && t.getUTCMinutes() === 0 && t.getUTCSeconds() === 0;
  if (!/h/i.test(bare) || midnight) return date;
  return `${date} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}${/s/i.test(bare) ? `:${two(t.getUTCSeconds())}` : ""}`;
}

type Value = ExcelJS.CellValue | ExcelJS.CellErrorValue | { richText: Array<{ text: string }> };

function display(value: Value, format: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value, format, date1904);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatDate(value, format);
  if (typeof value !== "object") return String(value);
  if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? "").join("");
  if ("formula" in value || "sharedFormula" in value) return display((value as ExcelJS.CellFormulaValue).result ?? null, format, date1904);
  if ("hyperlink" in value) return display((value as ExcelJS.CellHyperlinkValue).text as Value, format, date1904);
  if ("error" in value) return String(value.error);
  if ("text" in value) return display((value as { text: Value }).text, format, date1904);
  return "";
}

/** A cell's text as paragraphs: Excel's escaped control characters restored, one paragraph per line. */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .split(/\r\n|\r|\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

// ---------------------------------------------------------------------------------------------------------------

function sheetTable(ws: ExcelJS.Worksheet, date1904: boolean, problems: Problem[]): Block | undefined {
  const sheet = ws.name;
  const texts = new Map<string, string[]>();
  const covered = new Map<string, "above" | "left">();
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) {
        covered.set(`${r},${c}`, r > cell.master.fullAddress.row ? "above" : "left");
        return;
      }
      const paragraphs = paragraphsOf(display(cell.value as Value, cell.numFmt, date1904));
      if (paragraphs.length === 0) return;
      texts.set(`${r},${c}`, paragraphs);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    });
  });
  if (texts.size === 0) return undefined;
  const first = `${columnLetters(left)}${top}`;
  if ((bottom - top + 1) * (right - left + 1) > LIMITS.cells) {
    problems.push({ at: { sheet, cell: first }, message: `the used range ${first}:${columnLetters(right)}${bottom} has more than ${LIMITS.cells} cells; expected a task list of at most ${LIMITS.cells} cells` });
    return undefined;
  }
  const rows: TableCell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: TableCell[] = [];
    for (let c = left; c <= right; c++) {
      const key = `${r},${c}`;
      const place: TableCell = { paragraphs: texts.get(key) ?? [], at: { sheet, cell: `${columnLetters(c)}${r}` } };
      const cover = covered.get(key);
      if (cover) place.covered = cover;
      row.push(place);
    }
    rows.push(row);
  }
  return { kind: "table", rows, at: { sheet, cell: first }, sheet };
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  try {
    const guarded = guard(bytes);
    if (!guarded.ok) return guarded;
    // exceljs gets exactly the parts checked above (stored, not deflated again), never the original container,
    // whose central directory could name parts the streaming check did not see.
    const repacked = zipSync(Object.fromEntries(guarded.entries), { level: 0 });
    const workbook = new ExcelJS.Workbook();
    try {
      // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
      await workbook.xlsx.load(Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) as unknown as ExcelJS.Buffer);
    } catch (e) {
      return { ok: false, problems: [{ at: { entry: "(file)" }, message: `the workbook cannot be read (${(e as Error).message}); expected an undamaged ${KIND}` }] };
    }
    const date1904 = !!(workbook.properties as { date1904?: boolean } | undefined)?.date1904;
    const problems: Problem[] = [];
    const blocks: Block[] = [];
    for (const ws of workbook.worksheets) {
      const table = sheetTable(ws, date1904, problems);
      if (table) blocks.push(table);
    }
    if (problems.length) return { ok: false, problems };
    if (blocks.length === 0) return { ok: false, problems: [{ at: { entry: "xl/workbook.xml" }, message: "no sheet of the workbook has a cell with text; expected a task list in a sheet" }] };
    return { ok: true, blocks, encoding: "xlsx" };
  } catch (e) {
    return { ok: false, problems: [{ at: { entry: "(file)" }, message: `the workbook cannot be read (${(e as Error).message}); expected an undamaged ${KIND}` }] };
  }
}
