// The limits every reader enforces before and while it reads, so a hostile file is refused with a message
// instead of hanging the build or exhausting memory. Documented in the README ("Limits"); change both together.

export const LIMITS = {
  /** Any source file, as it lies on disk. A real list is well under 1 MB as text and a few MB as Word or Excel. */
  fileBytes: 20 * 1024 * 1024,
  /** Text and HTML sources. */
  textBytes: 10 * 1024 * 1024,
  /** Entries of a zip container (docx, xlsx). */
  zipEntries: 2_000,
  /** One entry of a zip container, inflated. */
  zipEntryBytes: 64 * 1024 * 1024,
  /** All the entries the reader inflates, together. */
  zipTotalBytes: 128 * 1024 * 1024,
  /** Inflated ÷ compressed size of one entry above which it is taken for a zip bomb (XML compresses ~10–30×). */
  zipRatio: 200,
  /** Rows of one Excel sheet, and tables' rows in any format. */
  rows: 20_000,
  /** Cells of one Excel sheet or one table. */
  cells: 400_000,
  /** Rows of a progress report's table: each is matched against the list's measures (a real one has a few hundred). */
  reportRows: 5_000,
  /** Characters of a report's row (and of a measure) the matching compares: a first sentence or two decide it. */
  matchCharacters: 400,
  /** Pages of a PDF (a list runs to a few dozen). */
  pdfPages: 500,
  /** Pages of a scan read by OCR (a few seconds each). */
  ocrPages: 50,
  /** Pixels of one page drawn for OCR: an A4 page at 216 dpi is 4.5 million; a huge page is drawn smaller. */
  ocrPixels: 16_000_000,
  /** A PDF's compressed streams, inflated together (a list's, fonts included, come to a few MiB). */
  pdfInflatedBytes: 256 * 1024 * 1024,
  /** Nesting depth of HTML elements (a hostile page can nest deeply to exhaust the stack). */
  htmlDepth: 256,
} as const;

export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;
}

/** What a refusal of a long PDF or OFD adds: the setting that reads only the list's pages. */
export const PAGES_SETTING = 'or read only the list\'s pages with { "pages": { "from": 3, "to": 9 } } in the list\'s settings file (seeds/<name>.settings.json)';
