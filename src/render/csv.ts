// Rows of text → CSV (RFC 4180) for spreadsheet users: UTF-8 with a BOM so Excel detects the encoding,
// CRLF line ends, and every quoting rule in one table-driven function.

/** A field needs quotes when it holds a separator, a quote or a line break, or has edge spaces Excel would trim. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Spreadsheets run a cell that starts with = + - @ (or TAB/CR) as a formula ("CSV injection").
 * Such a cell gets a leading apostrophe, which Excel and LibreOffice show as text. The source texts of
 * the lists never start this way; the guard is for hostile input.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
