// `npm run ingest -- --explain FILE`: the blocks as the reader read them (paragraphs, and tables with their merged
// cells, each with its place), then how the layout was chosen or why none was — what pandoc's `-t native` shows of
// its tree, for the web team whose file is refused. Pure: read blocks in, lines of text out.
import { formatLocation, type Block, type ReadDocument, type Table } from "./blocks.ts";
import { dropBlankReportColumns } from "./layouts/blank-columns.ts";
import { columnRoles } from "./layouts/columns.ts";
import { paragraphListKind } from "./layouts/paragraphs.ts";
import { findHeader } from "./layouts/table.ts";
import { saysFirstListedLeads } from "./layouts/unit-phrases.ts";

const SHOWN = 60;
const cut = (text: string, n = SHOWN) => {
  const one = text.replace(/\s+/g, " ");
  return [...one].length > n ? [...one].slice(0, n).join("") + "…" : one;
};

function cellText(table: Table, r: number, c: number): string {
  const cell = table.rows[r]![c]!;
  if (cell.covered === "left") return "←";
  if (cell.covered === "above") return "↑";
  return cell.paragraphs.length ? cut(cell.paragraphs.join("/"), 24) : "∅";
}

/** The blocks, one line a paragraph, a table as its rows (← merged with the cell to its left, ↑ with the one above, ∅ empty). */
export function describeBlocks(blocks: readonly Block[], rowsShown = 12): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === "paragraph") {
      out.push(`[${i + 1}] paragraph at ${formatLocation(b.at)}: ${cut(b.text)}`);
      return;
    }
    const width = b.rows[0]?.length ?? 0;
    out.push(`[${i + 1}] table at ${formatLocation(b.at)}${b.sheet ? ` (sheet ${b.sheet})` : ""}: ${b.rows.length} rows × ${width} columns`);
    const shown = Math.min(b.rows.length, rowsShown);
    for (let r = 0; r < shown; r++) out.push(`    row ${r + 1}: ${b.rows[r]!.map((_, c) => cellText(b, r, c)).join(" | ")}`);
    if (b.rows.length > shown) out.push(`    … ${b.rows.length - shown} more rows`);
  });
  return out;
}

/** How the layouts see the blocks: a table's header and its columns' roles, else the paragraph list's kind. */
export function describeLayout(read: ReadDocument): string[] {
  const blocks = dropBlankReportColumns(read.blocks);
  const texts = blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.slice(0, 40).flatMap((r) => r.flatMap((c) => c.paragraphs))));
  const firstLeads = saysFirstListedLeads(texts);
  const out = [`the first unit listed leads (责任单位中列第一位的为牵头单位): ${firstLeads ? "said" : "not said"}`];
  const header = findHeader(blocks);
  if (header) {
    const table = blocks[header.table] as Table;
    const labels = table.rows[header.row]!.map((c, i, row) => (c.covered === "left" ? (row[i - 1]?.paragraphs.join("") ?? "") : c.paragraphs.join("")));
    out.push(`header: block [${header.table + 1}], row ${header.row + 1}: ${labels.join(" | ")}`);
    const roles = columnRoles(labels);
    out.push(roles.ok ? `columns: ${roles.columns.map((c) => `${c.label} → ${c.role}`).join(", ")}` : `columns: not taken (column ${roles.column + 1}): ${roles.message}`);
    out.push("layout: a table (A, B or E by its columns)");
    return out;
  }
  const tables = blocks.filter((b) => b.kind === "table").length;
  out.push(`header: none found in ${tables} table(s) (a header row names 牵头单位, 配合单位 or 责任单位 and a task or measure column)`);
  const kind = paragraphListKind(blocks.filter((b) => b.kind === "paragraph"), firstLeads);
  out.push(
    kind === "labels"
      ? "layout: numbered paragraphs with label lines (C): 牵头单位：… lines found"
      : kind === "parentheses"
        ? "layout: numbered paragraphs ending in unit parentheses (D, or E when the first listed leads)"
        : "layout: none — no label lines (牵头单位：…) and no unit parentheses (（…牵头，…配合）) in the paragraphs",
  );
  return out;
}
