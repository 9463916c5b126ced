// The pure parse: source bytes → blocks (a reader per format) → the list (a layout) → a validated Document, or the
// problems that prevent one. No file system, no clock, no randomness.
import { compareDocument } from "../compare/document.ts";
import { findDueDates } from "../extract/due-dates.ts";
import { extractFigures, type OverridesSource } from "../extract/figures.ts";
import { Document, type ColumnRole, type Format } from "../model/schema.ts";
import type { Location, Problem, ReadDocument, ReadOptions } from "./blocks.ts";
import { parseCover } from "./cover.ts";
import { measureCoverage } from "./coverage.ts";
import { readGovernment } from "./government.ts";
import { readList } from "./layouts/detect.ts";
import type { LayoutSettings } from "./layouts/list.ts";
import { compact } from "./layouts/columns.ts";
import { saysFirstListedLeads } from "./layouts/unit-phrases.ts";
import { formatOf, readSource } from "./readers/index.ts";
import { readText } from "./readers/text.ts";
import { unitFolding, type LocalAliases } from "./unit-folding.ts";
import { indexUnits } from "./units.ts";

export type ParseResult = { ok: true; document: Document; encoding: string } | { ok: false; problems: Problem[] };

export interface SourceInfo {
  id: string;
  /** The file name, as the document records it. */
  file: string;
  /** The format the bytes are in; .doc and .wps arrive converted to docx but keep their own name here. */
  format?: Format;
  overrides?: OverridesSource;
  /** A city's own unit aliases (seeds/unit-aliases.json), already validated. */
  aliases?: LocalAliases;
  /** The issuing government as the seed's settings file says it, if it does. */
  government?: string;
  /** The list's 文号 as the seed's settings file says it (folded), for a source that does not print it. */
  number?: string;
  /** Header labels → roles, as the seed's settings file gives them. */
  columns?: Record<string, ColumnRole>;
  /** The layout, header row and levels, as the seed's settings file gives them. */
  layout?: LayoutSettings;
  /** The pages of a PDF or OFD that hold the list, as the seed's settings file gives them. */
  pages?: { from: number; to: number };
  /** Read a scan by OCR: the seed's settings file asks for it ("ocr": true). */
  ocr?: boolean;
}

/** What the reader takes from the source's settings. */
export function readOptionsOf(source: Pick<SourceInfo, "pages" | "ocr">): ReadOptions | undefined {
  if (!source.pages && !source.ocr) return undefined;
  return { ...(source.pages ? { pages: source.pages } : {}), ...(source.ocr ? { ocr: true } : {}) };
}

const DATE_LINE = /^(\d{4})\s*年\s*\d{1,2}\s*月/;

/** Any format, by the file name's extension (the bytes of a .doc or .wps are the .docx LibreOffice made of it). */
export async function parseSource(bytes: Uint8Array, extension: string, source: SourceInfo): Promise<ParseResult> {
  const read = await readSource(extension, bytes, readOptionsOf(source));
  if (!read.ok) return read;
  return buildDocument(read, { format: formatOf(extension), ...source });
}

/** A text export (.txt): synchronous, for the tests and benchmarks that parse many. */
export function parseDocument(bytes: Uint8Array, source: SourceInfo): ParseResult {
  const read = readText(bytes);
  if (!read.ok) return read;
  return buildDocument(read, { format: "txt", ...source });
}

export function buildDocument(read: ReadDocument, source: SourceInfo): ParseResult {
  const paragraphs = read.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
  const dated = paragraphs.map((t) => DATE_LINE.exec(t.replace(/[\s\u3000]+/g, ""))).find(Boolean);
  const year = dated ? Number(dated[1]) : read.date ? Number(read.date.slice(0, 4)) || undefined : undefined;
  // The rule that the first unit listed leads may be a note above a sheet's table as well as a cover letter's sentence.
  const texts = read.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.slice(0, 40).flatMap((r) => r.flatMap((c) => c.paragraphs))));
  const columnNames = source.columns ? new Map(Object.entries(source.columns).map(([label, role]) => [compact(label), role])) : undefined;
  const list = readList({ blocks: read.blocks, year, firstListedLeads: saysFirstListedLeads(texts), ...(columnNames ? { columnNames } : {}), ...(source.layout ? { settings: source.layout } : {}) });
  if (!list.ok) return list;
  const { chapters, layout, columns, structural, repeated, at } = list.list;

  const cover = parseCover(list.list.cover);
  const title = cover.title || read.title || "";
  if (!title) {
    return { ok: false, problems: [{ at, message: "no title before the list; expected the document's or the list's title above it" }] };
  }
  const coverage = measureCoverage(list.list.source, chapters, structural, repeated);
  if (coverage.covered !== coverage.characters || coverage.excess !== 0) {
    return {
      ok: false,
      problems: [{
        at,
        message: `coverage ${((100 * coverage.covered) / coverage.characters).toFixed(2)}% (${coverage.covered} of ${coverage.characters} characters, ${coverage.excess} read twice); expected every character of the list in exactly one field`,
      }],
    };
  }

  const government = readGovernment(cover, list.list.closing, source.government);
  // The settings file speaks for the web team, as for the government: it wins over what the cover prints.
  const number = source.number ?? cover.number;
  const figures = extractFigures({ columns, chapters }, source.overrides);
  if (!figures.ok) return { ok: false, problems: figures.problems.map((p) => ({ at: { line: p.line }, message: p.message, file: p.file })) };

  const candidate = {
    id: source.id,
    source: source.file,
    format: source.format ?? "txt",
    government,
    layout,
    title,
    listTitle: cover.listTitle,
    date: cover.date || isoDate(read.date),
    datePrinted: cover.datePrinted || (read.date ?? ""),
    ...(number ? { number } : {}),
    ...(cover.implements ? { implements: cover.implements } : {}),
    columns,
    preamble: { addressees: cover.addressees, paragraphs: cover.paragraphs, attachment: cover.attachment },
    chapters,
    closing: list.list.closing,
    units: indexUnits(chapters, unitFolding(source.aliases), government.name),
    coverage: { characters: coverage.characters, covered: coverage.covered, structural: coverage.structural },
    dueDates: findDueDates(chapters, year),
    figures: figures.figures,
    comparison: compareDocument(chapters),
  };
  const checked = Document.safeParse(candidate);
  if (!checked.success) {
    return { ok: false, problems: checked.error.issues.map((issue) => ({ at: at as Location, message: `the model is invalid at ${issue.path.join(".")}: ${issue.message}` })) };
  }
  return { ok: true, document: checked.data, encoding: read.encoding };
}

/** A container's date (2022-05-09, 2022年5月9日) as ISO, or empty. */
function isoDate(printed: string | undefined): string {
  const m = /(\d{4})\s*[-年./]\s*(\d{1,2})(?:\s*[-月./]\s*(\d{1,2}))?/.exec(printed ?? "");
  if (!m) return "";
  return [m[1], m[2].padStart(2, "0"), ...(m[3] ? [m[3].padStart(2, "0")] : [])].join("-");
}
