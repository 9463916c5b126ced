// `npm run ingest -- --explain FILE`: the blocks as the reader read them (paragraphs, and tables with their merged
// cells, each with its place), then how the layout was chosen or why none was — what pandoc's `-t native` shows of
// its tree, for the web team whose file is refused. Pure: read blocks in, lines of text out.
import { formatLocation, type Block, type ReadDocument, type Table } from "./blocks.ts";
import { dropBlankReportColumns } from "./layouts/blank-columns.ts";
import { columnRoles, compact } from "./layouts/columns.ts";
import { paragraphListKind } from "./layouts/paragraphs.ts";
import { findHeader } from "./layouts/table.ts";
import { saysFirstListedLeads } from "./layouts/unit-phrases.ts";
import { markSample } from "./markers.ts";
import type { SourceInfo } from "./parse.ts";

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

/** How the layouts see the blocks: a table's header and its columns' roles, else the paragraph list's kind; what the
 * settings file says stands over what the file shows, as it does in the build. */
export function describeLayout(read: ReadDocument, source?: Pick<SourceInfo, "columns" | "layout">): string[] {
  const blocks = dropBlankReportColumns(read.blocks);
  const texts = blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.slice(0, 40).flatMap((r) => r.flatMap((c) => c.paragraphs))));
  const settings = source?.layout;
  const names = source?.columns ? new Map(Object.entries(source.columns).map(([label, role]) => [compact(label), role])) : undefined;
  const said = saysFirstListedLeads(texts);
  const firstLeads = settings?.firstListedLeads ?? said;
  const out = [`the first unit listed leads (责任单位中列第一位的为牵头单位): ${settings?.firstListedLeads !== undefined ? `${firstLeads ? "said" : "not said"} by the settings file` : said ? "said" : "not said"}`];
  const paragraphsOnly = settings?.kind === "label-lines" || settings?.kind === "unit-parenthesis";
  const tables = blocks.flatMap((b, i) => (b.kind === "table" ? [i] : []));
  const placed = settings?.header && tables[settings.header.table - 1] !== undefined ? { table: tables[settings.header.table - 1]!, row: settings.header.row - 1 } : undefined;
  const header = placed ?? (paragraphsOnly || settings?.header ? undefined : findHeader(blocks, names));
  if (header) {
    const table = blocks[header.table] as Table;
    const labels = (table.rows[header.row] ?? []).map((c, i, row) => (c.covered === "left" ? (row[i - 1]?.paragraphs.join("") ?? "") : c.paragraphs.join("")));
    out.push(`header: block [${header.table + 1}], row ${header.row + 1}${placed ? " (placed by the settings file)" : ""}: ${labels.join(" | ")}`);
    const roles = columnRoles(labels, names);
    out.push(roles.ok ? `columns: ${roles.columns.map((c) => `${c.label} → ${c.role}${names?.has(compact(c.label)) ? " (settings)" : ""}`).join(", ")}` : `columns: not taken (column ${roles.column + 1}): ${roles.message}`);
    out.push("layout: a table (A, B or E by its columns)");
    return out;
  }
  if (settings?.header) out.push(`header: the settings file places it in table ${settings.header.table}, row ${settings.header.row}; the file has ${tables.length} table(s)`);
  else if (paragraphsOnly) out.push(`header: not looked for (the settings file says the layout is ${settings!.kind})`);
  else out.push(`header: none found in ${tables.length} table(s) (a header row names 牵头单位, 配合单位 or 责任单位 and a task or measure column)`);
  const kind = settings?.kind === "label-lines" ? "labels" : settings?.kind === "unit-parenthesis" ? "parentheses" : paragraphListKind(blocks.filter((b) => b.kind === "paragraph"), firstLeads);
  const by = paragraphsOnly ? " (the settings file's layout)" : "";
  out.push(
    kind === "labels"
      ? `layout: numbered paragraphs with label lines (C)${by || ": 牵头单位：… lines found"}`
      : kind === "parentheses"
        ? `layout: numbered paragraphs ending in unit parentheses (D, or E when the first listed leads)${by}`
        : "layout: none — no label lines (牵头单位：…) and no unit parentheses (（…牵头，…配合）) in the paragraphs",
  );
  if (settings?.levels) {
    const l = settings.levels;
    const named = (["part", "chapter", "task", "measure"] as const).flatMap((k) => (l[k] ? [`${k} ${markSample(l[k])}`] : []));
    out.push(`levels (the settings file's): ${named.join(", ")}`);
  }
  return out;
}
