// Locations as a person reads them. Kept apart from the zod schema (location.ts) so the browser scripts that show
// a location do not pull zod in.
import type { Location } from "./location.ts";

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A location as a person finds it: "12", "table 1, row 12, column 4", "paragraph 33", "Sheet1!D12". */
export function formatLocation(at: Location): string {
  // A PDF's place has a line too, of its page: it is told first.
  if ("page" in at) return "line" in at ? `page ${at.page}, line ${at.line}` : `page ${at.page}, table ${at.table}, row ${at.row}, column ${at.column}`;
  if ("line" in at) return String(at.line);
  if ("paragraph" in at) return `paragraph ${at.paragraph}`;
  if ("table" in at) return `table ${at.table}, row ${at.row}, column ${at.column}`;
  if ("sheet" in at) return `${at.sheet}!${at.cell}`;
  return at.entry;
}

/** A span of the source, as short as its two ends allow: "lines 12–19", "table 1, rows 3–5", "Sheet1!A3:E5". */
export function formatRange(from: Location, to: Location): string {
  if ("page" in from && "page" in to && from.page === to.page && "line" in from && "line" in to) {
    return from.line === to.line ? `page ${from.page}, line ${from.line}` : `page ${from.page}, lines ${from.line}–${to.line}`;
  }
  if ("page" in from && "page" in to && from.page === to.page && "table" in from && "table" in to && from.table === to.table) {
    return from.row === to.row ? `page ${from.page}, table ${from.table}, row ${from.row}` : `page ${from.page}, table ${from.table}, rows ${from.row}–${to.row}`;
  }
  if ("page" in from || "page" in to) return `${formatLocation(from)} – ${formatLocation(to)}`;
  if ("line" in from && "line" in to) return from.line === to.line ? `line ${from.line}` : `lines ${from.line}–${to.line}`;
  if ("table" in from && "table" in to && from.table === to.table) {
    return from.row === to.row ? `table ${from.table}, row ${from.row}` : `table ${from.table}, rows ${from.row}–${to.row}`;
  }
  if ("sheet" in from && "sheet" in to && from.sheet === to.sheet) return from.cell === to.cell ? `${from.sheet}!${from.cell}` : `${from.sheet}!${from.cell}:${to.cell}`;
  if ("paragraph" in from && "paragraph" in to) {
    return from.paragraph === to.paragraph ? `paragraph ${from.paragraph}` : `paragraphs ${from.paragraph}–${to.paragraph}`;
  }
  const a = formatLocation(from);
  const b = formatLocation(to);
  return a === b ? a : `${a} – ${b}`;
}

/** Orders two places of one file; places of different kinds (a paragraph and a table cell) keep their order. */
export function compareLocations(a: Location, b: Location): number {
  if ("page" in a && "page" in b) {
    if ("line" in a && "line" in b) return a.page - b.page || a.line - b.line;
    if ("table" in a && "table" in b) return a.page - b.page || a.table - b.table || a.row - b.row || a.column - b.column;
    return a.page - b.page;
  }
  if ("line" in a && "line" in b) return a.line - b.line;
  if ("table" in a && "table" in b) return a.table - b.table || a.row - b.row || a.column - b.column;
  if ("paragraph" in a && "paragraph" in b) return a.paragraph - b.paragraph;
  if ("sheet" in a && "sheet" in b && a.sheet === b.sheet) {
    const split = (c: string) => /^([A-Z]+)(\d+)$/.exec(c)!;
    const [, ca, ra] = split(a.cell);
    const [, cb, rb] = split(b.cell);
    return Number(ra) - Number(rb) || ca.length - cb.length || ca.localeCompare(cb);
  }
  return 0;
}
