// Word (.docx) → Blocks (pandoc's Readers/Docx.hs): finds the main part, refuses what a self-contained list never has, and turns paragraphs and table grids into the shared tree with Word's numbering shown as text.
import type { Block, Location, Problem, ReadResult, TableCell } from "../../blocks.ts";
import { LIMITS, mebibytes } from "../limits.ts";
import { readZip, xmlText } from "../zip.ts";
import { createNumberer, readNumbering } from "./numbering.ts";
import { oversizedTable, parseXml, readBody, readStyles, type WordCell, type WordParagraph, type WordTable } from "./parse.ts";
import type { Element } from "@xmldom/xmldom";

const KIND = "a Word .docx file";
const MAIN = "word/document.xml";

export function readDocx(bytes: Uint8Array): ReadResult {
  try {
    return read(bytes);
  } catch (e) {
    // The parts below are written not to throw; this keeps the promise if a library does anyway.
    return fail({ entry: "(file)" }, `the file could not be read (${(e as Error)?.message ?? String(e)}); expected ${KIND} that is not damaged`);
  }
}

function fail(at: Location, message: string): ReadResult {
  return { ok: false, problems: [{ at, message }] };
}

/** Which entries to inflate: XML parts and relationships, but not the glossary (building blocks) or media. */
function wanted(name: string): boolean {
  const lower = name.toLowerCase();
  return (lower.endsWith(".xml") || lower.endsWith(".rels")) && !lower.startsWith("word/glossary/");
}

function read(bytes: Uint8Array): ReadResult {
  const zip = readZip(bytes, KIND, wanted);
  if (!zip.ok) return zip;
  // OPC part names are case-insensitive.
  const byLower = new Map<string, string>();
  for (const name of zip.names) byLower.set(name.toLowerCase().replace(/^\//, ""), name);
  const entry = (name: string): string | undefined => byLower.get(name.toLowerCase());

  if (!entry("[Content_Types].xml")) {
    if (entry("xl/workbook.xml")) return fail({ entry: "[Content_Types].xml" }, `this is an Excel workbook; expected ${KIND}`);
    return fail({ entry: "[Content_Types].xml" }, `the zip has no [Content_Types].xml, so it is not an Office file; expected ${KIND}`);
  }

  const parts = new Map<string, Element>();
  const problems: Problem[] = [];
  const part = (name: string | undefined, check?: (text: string) => Problem | undefined): Element | undefined => {
    if (name === undefined) return undefined;
    const cached = parts.get(name);
    if (cached) return cached;
    const size = zip.entries.get(name)?.length ?? 0;
    // xmldom holds a whole part as a DOM many times its size: 10 MiB of XML already takes seconds and most of a
    // gigabyte, and a real list's main part is well under 1 MiB.
    if (size > LIMITS.textBytes) {
      problems.push({ at: { entry: name }, message: `the XML part is ${mebibytes(size)}; expected ${KIND} whose parts are at most ${mebibytes(LIMITS.textBytes)} each` });
      return undefined;
    }
    const text = xmlText(zip.entries, name);
    if (!text) return undefined;
    if (!text.ok) {
      problems.push(text.problem);
      return undefined;
    }
    const early = check?.(text.text);
    if (early) {
      problems.push(early);
      return undefined;
    }
    const xml = parseXml(text.text, name);
    if (!xml.ok) {
      problems.push(xml.problem);
      return undefined;
    }
    parts.set(name, xml.root);
    return xml.root;
  };

  // Every relationship part is checked, not only the main part's: a template or frame in settings.xml.rels is
  // fetched by Word when the file opens, and a list meant to be published stands on its own.
  const relationships = new Map<string, Relationship[]>();
  for (const name of zip.names) {
    if (!name.toLowerCase().endsWith(".rels")) continue;
    const root = part(name);
    if (!root) continue;
    const rels = readRelationships(root);
    relationships.set(name, rels);
    for (const rel of rels) {
      if (rel.external && !/\/hyperlink$/i.test(rel.type)) {
        const type = rel.type.slice(rel.type.lastIndexOf("/") + 1) || rel.type;
        problems.push({
          at: { entry: name },
          message: `${name} has an external relationship of type ${type} (to ${quoteTarget(rel.target)}), which Word would fetch when the file opens; expected ${KIND} whose parts are all inside it (links are fine)`,
        });
      }
    }
  }
  if (problems.length) return { ok: false, problems };

  const rootRels = relationships.get(entry("_rels/.rels") ?? "") ?? [];
  const office = rootRels.find((r) => !r.external && /\/officeDocument$/i.test(r.type));
  const mainName = (office && entry(resolveTarget("", office.target))) ?? entry(MAIN);
  if (!mainName) return fail({ entry: MAIN }, `the container has no ${MAIN} (the text of a Word file); expected ${KIND}`);
  const main = part(mainName, (text) => {
    // Counted in the text before parsing, so a table far past the limit is refused without building its tree.
    const over = oversizedTable(text, LIMITS.rows);
    return over && tooManyRows(over.table);
  });
  if (!main) return problems.length ? { ok: false, problems } : fail({ entry: mainName }, `the main part ${mainName} is not an XML part; expected ${KIND}`);

  const dir = mainName.slice(0, mainName.lastIndexOf("/") + 1);
  const mainRels = relationships.get(entry(`${dir}_rels/${mainName.slice(dir.length)}.rels`) ?? "") ?? [];
  const related = (type: string, fallback: string): string | undefined => {
    const rel = mainRels.find((r) => !r.external && r.type.toLowerCase().endsWith(`/${type}`));
    return (rel && entry(resolveTarget(dir, rel.target))) ?? entry(fallback);
  };
  const styles = readStyles(part(related("styles", "word/styles.xml")));
  const numbering = readNumbering(part(related("numbering", "word/numbering.xml")));
  if (problems.length) return { ok: false, problems };

  const body = readBody(main, styles, mainName);
  if (!body.ok) return { ok: false, problems: [body.problem] };

  const label = createNumberer(numbering);
  const blocks: Block[] = [];
  for (const block of body.blocks) {
    if (block.kind === "paragraph") {
      for (const text of paragraphTexts(block.paragraph, label(block.paragraph.numbering))) {
        blocks.push({ kind: "paragraph", text, at: { paragraph: block.index } });
      }
      continue;
    }
    const table = gridOf(block.table, block.index, label);
    if (!table.ok) {
      problems.push(table.problem);
      continue;
    }
    blocks.push({ kind: "table", rows: table.rows, at: { table: block.index, row: 1, column: 1 } });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, blocks, encoding: "docx" };
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

function readRelationships(root: Element): Relationship[] {
  const out: Relationship[] = [];
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1 || (n as Element).localName !== "Relationship") continue;
    const el = n as Element;
    out.push({
      type: el.getAttribute("Type") ?? "",
      target: el.getAttribute("Target") ?? "",
      external: (el.getAttribute("TargetMode") ?? "").toLowerCase() === "external",
    });
  }
  return out;
}

function quoteTarget(target: string): string {
  return JSON.stringify(target.length > 80 ? `${target.slice(0, 80)}…` : target);
}

/** A relationship target as a zip entry name: relative to the source part's folder, or absolute from the root. */
function resolveTarget(dir: string, target: string): string {
  const path = target.split("#")[0];
  const out: string[] = [];
  for (const piece of (path.startsWith("/") ? path.slice(1) : dir + path).split("/")) {
    if (piece === "..") out.pop();
    else if (piece !== "." && piece !== "") out.push(piece);
  }
  return out.join("/");
}

/** Layout whitespace Word documents carry at paragraph ends: ASCII blanks, NBSP, the ideographic space. */
function isBlank(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000;
}

// A loop rather than a /[…]+$/ pattern, which backtracks quadratically over a long run of inner blanks.
function trim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** A paragraph's non-empty lines, its number in front of the first line with text (alone when it has none). */
function paragraphTexts(paragraph: WordParagraph, label: string | undefined): string[] {
  const lines = paragraph.lines.map(trim).filter((l) => l !== "");
  if (label === undefined) return lines;
  if (lines.length === 0) return trim(label) === "" ? [] : [trim(label)];
  lines[0] = trim(label + lines[0]);
  return lines;
}

function tooManyRows(table: number): Problem {
  return { at: { table, row: LIMITS.rows + 1, column: 1 }, message: `table ${table} has more than ${LIMITS.rows} rows; expected a table of at most ${LIMITS.rows} rows` };
}

type GridResult = { ok: true; rows: TableCell[][] } | { ok: false; problem: Problem };

function gridOf(table: WordTable, t: number, label: (n: WordParagraph["numbering"]) => string | undefined): GridResult {
  if (table.rows.length > LIMITS.rows) return { ok: false, problem: tooManyRows(t) };
  // The width is counted before anything is allocated: a hostile gridSpan or gridBefore can name millions of columns.
  let width = table.gridColumns;
  for (const row of table.rows) {
    let span = 0;
    for (const cell of row) span += cell.gridSpan;
    if (span > width) width = span;
  }
  if (width * table.rows.length > LIMITS.cells) {
    return {
      ok: false,
      problem: {
        at: { table: t, row: 1, column: 1 },
        message: `table ${t} has ${table.rows.length} rows of ${width} columns, more than ${LIMITS.cells} cells; expected a table of at most ${LIMITS.cells} cells`,
      },
    };
  }
  const rows: TableCell[][] = [];
  table.rows.forEach((row, r) => {
    const out: TableCell[] = [];
    const at = (): Location => ({ table: t, row: r + 1, column: out.length + 1 });
    for (const cell of row) {
      const covered = coveredBy(cell, r, out.length);
      if (cell.filler || covered) {
        for (let i = 0; i < cell.gridSpan; i++) out.push(covered ? { paragraphs: [], at: at(), covered } : { paragraphs: [], at: at() });
        continue;
      }
      out.push({ paragraphs: cellTexts(cell, label), at: at() });
      for (let i = 1; i < cell.gridSpan; i++) out.push({ paragraphs: [], at: at(), covered: "left" });
    }
    while (out.length < width) out.push({ paragraphs: [], at: at() });
    rows.push(out);
  });
  return { ok: true, rows };
}

/** A merge's later places: their text, if any, is hidden in Word and their numbers are not counted. */
function coveredBy(cell: WordCell, rowIndex: number, column: number): TableCell["covered"] {
  if (cell.vMerge === "continue" && rowIndex > 0) return "above";
  if (cell.hMerge === "continue" && column > 0) return "left";
  return undefined;
}

function cellTexts(cell: WordCell, label: (n: WordParagraph["numbering"]) => string | undefined): string[] {
  const out: string[] = [];
  for (const p of cell.paragraphs) out.push(...paragraphTexts(p, label(p.numbering)));
  return out;
}
