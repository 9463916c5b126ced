// Plain text (.txt): a Word document saved as text. Lines before the first TAB are paragraphs (the cover letter,
// or a whole list of numbered paragraphs); from the first TAB on, the text is a table whose cells open with a TAB.
import type { Block, ReadResult } from "../blocks.ts";
import { decode } from "./decode.ts";
import { LIMITS, mebibytes } from "./limits.ts";
import { lex, trimBlanks } from "./text-cells.ts";
import { splitRows } from "./text-rows.ts";

export function readText(bytes: Uint8Array): ReadResult {
  if (bytes.length > LIMITS.textBytes) {
    return { ok: false, problems: [{ at: { line: 1 }, message: `the file is ${mebibytes(bytes.length)}; expected a text file of at most ${mebibytes(LIMITS.textBytes)}` }] };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const { prelude, cells } = lex(decoded.text);
  const blocks: Block[] = prelude
    .map((l) => ({ kind: "paragraph" as const, text: trimBlanks(l.text), at: { line: l.line } }))
    .filter((p) => p.text !== "");
  if (cells.length > 0) {
    if (cells.length > LIMITS.cells) {
      return { ok: false, problems: [{ at: { line: cells[LIMITS.cells].first }, message: `more than ${LIMITS.cells} table cells; expected a list of at most ${LIMITS.cells} cells` }] };
    }
    const table = splitRows(cells);
    if (!table.ok) return table;
    if (table.table.rows.length > LIMITS.rows) {
      return { ok: false, problems: [{ at: table.table.rows[LIMITS.rows][0].at, message: `more than ${LIMITS.rows} table rows; expected a list of at most ${LIMITS.rows} rows` }] };
    }
    blocks.push(table.table);
  }
  return { ok: true, blocks, encoding: decoded.encoding };
}
