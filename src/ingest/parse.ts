// The pure parse: source bytes → a validated Document, or the problems that prevent one.
// text → cells → rows → model; no file system, no clock, no randomness.
import { compareDocument } from "../compare/document.ts";
import { extractFigures, type OverridesSource } from "../extract/figures.ts";
import { Document, type Chapter, type Item } from "../model/schema.ts";
import { lex, type Cell } from "./cells.ts";
import { measureCoverage } from "./coverage.ts";
import { parseCover } from "./cover.ts";
import { decode } from "./decode.ts";
import type { Problem } from "./errors.ts";
import { splitRows, text, type Row } from "./rows.ts";
import { indexUnits, splitUnits, UNIT_SEPARATORS } from "./units.ts";

export type ParseResult = { ok: true; document: Document; encoding: string } | { ok: false; problems: Problem[] };

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103. */
export function chineseNumeral(numeral: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of numeral) {
    if (ch === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CHINESE_DIGITS[ch] ?? 0;
  }
  return total + digit;
}

/** Separator characters between the names of a unit cell: consumed by the split, counted as structure. */
function separatorsOf(cell: Cell): string {
  return [...cell.paragraphs.join("")].filter((ch) => UNIT_SEPARATORS.test(ch)).join("");
}

function markerOf(full: string, number: string, title: string): string {
  // What lies between the number and the title ("." or "、"), i.e. the printed marker.
  return full.slice(number.length, full.length - title.length);
}

export function parseDocument(bytes: Uint8Array, source: { id: string; file: string; overrides?: OverridesSource }): ParseResult {
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const { prelude, cells } = lex(decoded.text);
  const { header, rows, problems } = splitRows(cells);
  if (problems.length) return { ok: false, problems };

  const columns = header.map((c) => text(c)) as Document["columns"];
  const chapters: Chapter[] = [];
  let structural = "";
  let item: Item | undefined;
  const seen = new Map<number, number>();
  const end = (r: Row) => (r.kind === "chapter" ? r.cell.last : Math.max(...r.cells.map((c) => c.last)));
  const start = (r: Row) => (r.kind === "chapter" ? r.cell.first : r.cells[0].first);

  for (const row of rows) {
    if (row.kind === "chapter") {
      const numeral = row.numeral;
      structural += markerOf(text(row.cell), numeral, row.title);
      chapters.push({ number: chineseNumeral(numeral), numeral, title: row.title, items: [], lines: [start(row), end(row)] });
      item = undefined;
      continue;
    }
    const [, upper, local, lead, support] = row.cells;
    const measure = {
      text: local.paragraphs.join("\n"),
      lead: splitUnits(lead.paragraphs),
      support: splitUnits(support.paragraphs),
      lines: [local.first, Math.max(local.last, lead.last, support.last)] as [number, number],
    };
    structural += separatorsOf(lead) + separatorsOf(support);
    if (measure.lead.length === 0) {
      problems.push({ line: lead.first, message: `no unit name in column ${columns[3]}; expected at least one lead unit` });
      continue;
    }
    if (row.kind === "continuation") {
      if (!item) {
        problems.push({ line: start(row), message: "a continuation row (two empty cells) with no task row above it; expected a task row (1.…) first" });
        continue;
      }
      item.local.push(measure);
      item.lines[1] = end(row);
      continue;
    }
    const chapter = chapters.at(-1);
    if (!chapter) {
      problems.push({ line: start(row), message: "a task row before any chapter row; expected a chapter row (一、…) first" });
      continue;
    }
    const titleCell = text(row.cells[0]);
    structural += markerOf(titleCell, titleCell.match(/^\d+/)![0], row.title);
    if (seen.has(row.number)) {
      problems.push({ line: start(row), message: `task number ${row.number} appears again (first at line ${seen.get(row.number)}); expected unique task numbers` });
      continue;
    }
    seen.set(row.number, start(row));
    item = { number: row.number, title: row.title, upper: upper.paragraphs.join("\n"), local: [measure], lines: [start(row), end(row)] };
    chapter.items.push(item);
  }
  for (const chapter of chapters) {
    if (chapter.items.length === 0) problems.push({ line: chapter.lines[0], message: `chapter ${chapter.numeral}、${chapter.title} has no task rows; expected at least one` });
    chapter.lines[1] = Math.max(chapter.lines[1], ...chapter.items.map((i) => i.lines[1]));
  }
  if (problems.length) return { ok: false, problems };

  const cover = parseCover(prelude);
  const firstLine = header[0].first;
  if (!cover.title) {
    return { ok: false, problems: [{ line: firstLine, message: "no title before the table; expected the document's or the list's title above the header row" }] };
  }
  const tableText = decoded.text.split("\n").slice(firstLine - 1).join("\n");
  const coverage = measureCoverage(tableText, { columns, chapters }, structural);
  if (coverage.covered !== coverage.characters || coverage.excess !== 0) {
    return {
      ok: false,
      problems: [{
        line: firstLine,
        message: `coverage ${((100 * coverage.covered) / coverage.characters).toFixed(2)}% (${coverage.covered} of ${coverage.characters} characters, ${coverage.excess} read twice); expected every character of the table in exactly one field`,
      }],
    };
  }

  const figures = extractFigures({ columns, chapters }, source.overrides);
  if (!figures.ok) return { ok: false, problems: figures.problems };

  const candidate = {
    id: source.id,
    source: source.file,
    title: cover.title,
    listTitle: cover.listTitle,
    date: cover.date,
    datePrinted: cover.datePrinted,
    columns,
    preamble: { addressees: cover.addressees, paragraphs: cover.paragraphs, attachment: cover.attachment },
    chapters,
    units: indexUnits(chapters),
    coverage: { characters: coverage.characters, covered: coverage.covered, structural: coverage.structural },
    figures: figures.figures,
    comparison: compareDocument(chapters),
  };
  const checked = Document.safeParse(candidate);
  if (!checked.success) {
    return { ok: false, problems: checked.error.issues.map((issue) => ({ line: firstLine, message: `the model is invalid at ${issue.path.join(".")}: ${issue.message}` })) };
  }
  return { ok: true, document: checked.data, encoding: decoded.encoding };
}
