// The one tree every reader produces and every layout consumes (pandoc's pandoc-types, in small): a document is a
// sequence of paragraphs and tables, each piece carrying the place a person would look for it in the source.
// Readers know their format and nothing of 牵头单位; layouts know 牵头单位 and nothing of formats.

import type { Location } from "../model/location.ts";
import { formatLocation } from "../model/location-format.ts";

export type { Location } from "../model/location.ts";
export { columnLetters, formatLocation, formatRange } from "../model/location-format.ts";

export interface Paragraph {
  kind: "paragraph";
  /** The paragraph's text, layout whitespace at its ends removed. Word's automatic list number (编号) is prefixed. */
  text: string;
  at: Location;
}

export interface TableCell {
  /** The cell's paragraphs, trimmed; empty for an empty cell and for a place covered by a merged cell. */
  paragraphs: string[];
  at: Location;
  /** The last place that added text to the cell, when it differs from `at` (a text export's later lines). */
  end?: Location;
  /**
   * Set on the grid places a merged cell covers (its text is on the anchor cell only, so nothing is read twice):
   * "above" for a vertical merge (HTML rowspan, Word vMerge, Excel's merge below the first row),
   * "left" for a horizontal one (colspan, gridSpan).
   */
  covered?: "above" | "left";
}

export interface Table {
  kind: "table";
  /** Rows of equal length: the grid with every span resolved. */
  rows: TableCell[][];
  at: Location;
  /** Excel: the sheet's name. */
  sheet?: string;
}

export type Block = Paragraph | Table;

/** What a reader hands on: the blocks, and what the container says around them. */
export interface ReadDocument {
  blocks: Block[];
  /** The text encoding of a text format (utf-8, gb18030, …), or the container format (docx, xlsx). */
  encoding: string;
  /** A title the container states outside the body (HTML <title> or the article's heading), if any. */
  title?: string;
  /** A publication date the container states outside the body (HTML meta PubDate), as printed. */
  date?: string;
}

/** A problem at a place in the source: printed as FILE:LOCATION: message. */
export interface Problem {
  at: Location;
  message: string;
  /** Set when the problem is in a companion file (e.g. the overrides), not in the source itself. */
  file?: string;
}

export type ReadResult = ({ ok: true } & ReadDocument) | { ok: false; problems: Problem[] };

/** What the settings file tells a reader: the pages of a PDF or OFD that hold the list (from 1, both included). */
export interface ReadOptions {
  pages?: { from: number; to: number };
  /** Read a scan (a PDF without text) by OCR: only when the settings file asks for it. */
  ocr?: boolean;
}

/** Pages `from`…`to` of a document of `count`, or why the settings file's range does not fit it. */
export function pageRange(count: number, options: ReadOptions | undefined): { ok: true; from: number; to: number } | { ok: false; message: string } {
  const range = options?.pages;
  if (!range) return { ok: true, from: 1, to: count };
  if (range.to > count) return { ok: false, message: `the settings file reads pages ${range.from}–${range.to}, but the document has ${count} page(s); expected "pages" within 1–${count}` };
  return { ok: true, from: range.from, to: range.to };
}

export function formatProblem(file: string, problem: Problem): string {
  return `${problem.file ?? file}:${formatLocation(problem.at)}: ${problem.message}`;
}
