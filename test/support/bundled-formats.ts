// The bundled list (or any list in its table layout, such as the scale bench's generated ones) written out in every
// format an office keeps it in, from its text export: the Word table with its
// task and superior cells merged down over their measure rows and its chapter rows merged across, the same as an
// Excel sheet (the cover letter in rows merged across above it) and as a government site's article page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Table, TableCell } from "../../src/ingest/blocks.ts";
import { columnLetters } from "../../src/ingest/blocks.ts";
import { readText } from "../../src/ingest/readers/text.ts";
import { writeDocx, type DocxCell } from "./docx-writer.ts";
import { writeHtmlPage, type HtmlCell } from "./html-writer.ts";
import { writeXlsx } from "./xlsx-writer.ts";

export const BUNDLED = join(import.meta.dirname, "..", "..", "seeds", "luan-zjtx-2022.txt");

interface Grid {
  paragraphs: string[];
  /** Each place: its text, and how far it spans (1 × 1 for a plain cell, 0 × 0 for a place another cell covers). */
  rows: Array<Array<{ text: string[]; down: number; across: number }>>;
}

/** The text export's table with its empty leading cells read back as the merges Word had. */
function grid(bytes: Uint8Array): Grid {
  const read = readText(bytes);
  if (!read.ok) throw new Error("the list's text export must read");
  const paragraphs = read.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
  const table = read.blocks.find((b): b is Table => b.kind === "table")!;
  const rows = table.rows.map((row: TableCell[]) => row.map((c) => ({ text: c.paragraphs, down: c.covered ? 0 : 1, across: c.covered ? 0 : 1 })));
  for (const [r, row] of rows.entries()) {
    const width = row.length;
    if (table.rows[r].slice(1).every((c) => c.covered === "left")) row[0].across = width;
    // A continuation row's leading empty cells are the task (and superior) cells of the row above, merged down.
    if (r > 1 && row[0].text.length === 0) {
      for (let c = 0; c < width && row[c].text.length === 0; c++) {
        let up = r - 1;
        while (rows[up][c].down === 0) up--;
        rows[up][c].down += 1;
        row[c].down = 0;
        row[c].across = 0;
      }
    }
  }
  return { paragraphs, rows };
}

export function bundledText(): Uint8Array {
  return readFileSync(BUNDLED);
}

export function bundledDocx(): Uint8Array {
  return docxOf(bundledText());
}

/** A table-layout text export as a Word file. */
export function docxOf(text: Uint8Array, options: { tableBorders?: boolean; wordQuirks?: boolean; columnWidths?: number[] } = {}): Uint8Array {
  const g = grid(text);
  const table: DocxCell[][] = g.rows.map((row, r) =>
    row.flatMap((cell, c): DocxCell[] => {
      if (cell.across === 0 && cell.down === 0 && !isBelow(g, r, c)) return [];
      if (isBelow(g, r, c)) return [{ text: [], vMerge: "continue" }];
      return [{ text: cell.text, ...(cell.across > 1 ? { gridSpan: cell.across } : {}), ...(cell.down > 1 ? { vMerge: "restart" as const } : {}) }];
    }),
  );
  return writeDocx({ blocks: [...g.paragraphs.map((paragraph) => ({ paragraph })), { table }], wordQuirks: true, ...options });
}

/** Whether the place is covered by a cell above it (not by one to its left). */
function isBelow(g: Grid, r: number, c: number): boolean {
  if (g.rows[r][c].down !== 0 || r === 0) return false;
  for (let up = r - 1; up >= 0; up--) {
    if (g.rows[up][c].down > 1 && up + g.rows[up][c].down > r) return true;
    if (g.rows[up][c].down === 1 || g.rows[up][c].across > 1) return false;
  }
  return false;
}

export async function bundledXlsx(): Promise<Uint8Array> {
  return xlsxOf(bundledText());
}

/** A table-layout text export as an Excel workbook. */
export async function xlsxOf(text: Uint8Array): Promise<Uint8Array> {
  const g = grid(text);
  const width = g.rows[0].length;
  const last = columnLetters(width);
  const rows: Array<Array<string | null>> = g.paragraphs.map((p) => [p, ...Array(width - 1).fill(null)]);
  const merges = g.paragraphs.map((_, i) => `A${i + 1}:${last}${i + 1}`);
  for (const [r, row] of g.rows.entries()) {
    const at = rows.length + 1;
    rows.push(row.map((cell) => (cell.down === 0 && cell.across === 0 ? null : cell.text.join("\n"))));
    row.forEach((cell, c) => {
      if (cell.down > 1 || cell.across > 1) merges.push(`${columnLetters(c + 1)}${at}:${columnLetters(c + cell.across)}${at + cell.down - 1}`);
    });
    void r;
  }
  return writeXlsx({ sheets: [{ name: "任务清单", rows, merges }] });
}

export function bundledHtml(): Uint8Array {
  return htmlOf(bundledText(), "2022-05-09");
}

/** A table-layout text export as a government site's article page, published on `date`. */
export function htmlOf(text: Uint8Array, date: string): Uint8Array {
  const g = grid(text);
  const table: Array<Array<HtmlCell | null>> = g.rows.map((row) =>
    row.map((cell) => (cell.down === 0 && cell.across === 0 ? null : { text: cell.text, ...(cell.down > 1 ? { rowspan: cell.down } : {}), ...(cell.across > 1 ? { colspan: cell.across } : {}) })),
  );
  return writeHtmlPage({ title: g.paragraphs.slice(0, 3).join(""), date, paragraphs: g.paragraphs, table });
}
