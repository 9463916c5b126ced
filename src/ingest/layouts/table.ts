// Layouts A, B and E in a table: the header's labels give each column its role (columns.ts); then each row is a
// chapter heading, a task, or another measure of the task above (its task cell empty or merged from above).
import type { Location, Problem, Table, TableCell } from "../blocks.ts";
import type { Chapter, Column, ColumnRole, Item, LocalMeasure } from "../../model/schema.ts";
import { chineseNumeral, isChapterMark, readMark, readNumberCell } from "../markers.ts";
import { splitUnits } from "../units.ts";
import { columnRoles, looksLikeHeader } from "./columns.ts";
import { deadlineOf, emptyMeasure, numberList, separatorsOf, SETTINGS_FILE, tidyMeasure, type LayoutInput, type LayoutResult } from "./list.ts";

const cellText = (cell: TableCell | undefined, joiner = "") => (cell ? cell.paragraphs.join(joiner) : "");
const isFilled = (cell: TableCell | undefined) => cell !== undefined && !cell.covered && cell.paragraphs.length > 0;
const endOf = (cell: TableCell) => cell.end ?? cell.at;

function quote(text: string): string {
  return `“${text.length > 24 ? text.slice(0, 24) + "…" : text}”`;
}

/** The first row (of the first few) that reads as a header, in the first table that has one. */
export function findHeader(blocks: LayoutInput["blocks"], names?: LayoutInput["columnNames"]): { table: number; row: number } | undefined {
  for (const [t, block] of blocks.entries()) {
    if (block.kind !== "table") continue;
    for (let r = 0; r < Math.min(block.rows.length, 40); r++) {
      if (looksLikeHeader(labelsOf(block, r), names)) return { table: t, row: r };
    }
  }
  return undefined;
}

/** A row's labels, a label merged across columns (责任单位 over 牵头单位 | 配合单位) repeated in each. */
function labelsOf(table: Table, r: number): string[] {
  const labels: string[] = [];
  for (const [c, cell] of table.rows[r].entries()) {
    if (cell.covered === "left") labels.push(labels[c - 1] ?? "");
    else if (cell.covered === "above") labels.push(r > 0 ? labelsOf(table, r - 1)[c] : "");
    else labels.push(cellText(cell));
  }
  return labels;
}

/** Texts of blocks outside the list, in order: paragraphs, and tables cell by cell. */
function textsOf(blocks: LayoutInput["blocks"]): string[] {
  return blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.flatMap((row) => row.flatMap((c) => c.paragraphs))));
}

export function readTableList(input: LayoutInput, where: { table: number; row: number }): LayoutResult {
  const table = input.blocks[where.table] as Table;
  const problems: Problem[] = [];
  const cover = textsOf(input.blocks.slice(0, where.table));
  for (const row of table.rows.slice(0, where.row)) cover.push(...row.flatMap((c) => c.paragraphs));

  // A second header row under a merged label (责任单位 over 牵头单位 | 配合单位) refines the first.
  let labels = labelsOf(table, where.row);
  let bodyStart = where.row + 1;
  const next = table.rows[bodyStart];
  if (next && next.some((c) => c.covered === "above") && looksLikeHeader(labelsOf(table, bodyStart), input.columnNames)) {
    labels = labelsOf(table, bodyStart);
    bodyStart += 1;
  }
  const header = table.rows.slice(where.row, bodyStart);
  const roles = columnRoles(labels, input.columnNames);
  if (!roles.ok) return { ok: false, problems: [{ at: header.at(-1)![roles.column].at, message: roles.message }] };
  let columns: Column[] = roles.columns;
  const col = (role: ColumnRole) => columns.findIndex((c) => c.role === role);
  const hasLead = col("lead") >= 0;
  const responsibleCol = col("responsible");
  if (!hasLead && responsibleCol >= 0 && !input.firstListedLeads && col("support") < 0) {
    return {
      ok: false,
      problems: [{
        at: header.at(-1)![responsibleCol].at,
        message: `the table has no lead column, only “${labels[responsibleCol]}”; expected a 牵头单位 column, or a cover letter that says the first unit listed leads (责任单位中列第一位的为牵头单位), or ${SETTINGS_FILE} saying it: { "firstListedLeads": true }`,
      }],
    };
  }
  if (!hasLead && responsibleCol < 0) {
    return { ok: false, problems: [{ at: header[0][0].at, message: `the table has no lead column (${labels.join(" / ")}); expected a column such as 牵头单位 or 牵头责任单位` }] };
  }
  // Beside a lead column, 责任单位 lists the cooperating units.
  if (hasLead) columns = columns.map((c) => (c.role === "responsible" ? { ...c, role: "support" } : c));
  const firstLeads = !hasLead;
  const layout = col("superior") >= 0 ? "superior-table" : firstLeads ? "first-listed-lead" : "table";
  const [numberCol, taskCol, superiorCol, measureCol, leadCol, supportCol, leaderCol, deadlineCol, noteCol] = (
    ["number", "task", "superior", "measure", "lead", "support", "leader", "deadline", "note"] as const
  ).map(col);
  const unitsCol = firstLeads ? responsibleCol : leadCol;

  let structural = header.flatMap((row) => row.map((c) => cellText(c))).join("");
  let repeated = "";
  const source: string[] = header.flatMap((row) => row.flatMap((c) => c.paragraphs));
  const chapters: Chapter[] = [];
  const printed: Array<number | undefined> = [];
  const closing: string[] = [];
  let item: Item | undefined;
  let previous: LocalMeasure | undefined;
  let lastItemRow = -1;
  const pendingOneCellRows: number[] = [];

  const chapterFor = (at: Location): Chapter => {
    if (chapters.length === 0) chapters.push({ number: 0, numeral: "", label: "", title: "", items: [], at: [at, at] });
    return chapters.at(-1)!;
  };

  for (let r = bodyStart; r < table.rows.length && problems.length < 50; r++) {
    const row = table.rows[r];
    const filled = row.map((c, i) => (isFilled(c) ? i : -1)).filter((i) => i >= 0);
    if (filled.length === 0) continue;
    source.push(...row.flatMap((c) => (c.covered ? [] : c.paragraphs)));
    const first = row[filled[0]];
    const rowEnd = endOf(row[filled.at(-1)!]);

    // A chapter row: one heading merged across (一、…), or a numeral in the number column beside a title.
    const single = filled.length === 1 ? cellText(first) : undefined;
    const mark = single !== undefined ? readMark(single) : undefined;
    const numeralCell = numberCol >= 0 && filled.length === 2 && filled[0] === numberCol && /^[一二三四五六七八九十百〇零]+$/.test(cellText(row[numberCol]));
    // A heading merged across the whole row is a chapter even without a numeral (梯度化培育优质企业群体, as web pages
    // often print it): a task row always leaves its unit columns their own cells.
    const across = single !== undefined && filled[0] === 0 && row.length > 1 && row.every((c, i) => i === 0 || c.covered === "left") && first.paragraphs.length === 1 && !/[。；]$/.test(single);
    if (across && !isChapterMark(mark)) {
      const number = (chapters.at(-1)?.number ?? 0) + 1;
      chapters.push({ number, numeral: "", label: "", title: single!, items: [], at: [first.at, rowEnd] });
      item = undefined;
      pendingOneCellRows.length = 0;
      continue;
    }
    if ((single !== undefined && isChapterMark(mark) && first.paragraphs.length === 1) || numeralCell) {
      const numeral = numeralCell ? cellText(row[numberCol]) : mark!.numeral;
      const title = numeralCell ? cellText(row[filled[1]]) : mark!.rest;
      const label = numeralCell ? numeral : mark!.marker.trim();
      chapters.push({ number: numeralCell ? chineseNumeral(numeral) : mark!.value, numeral, label, title, items: [], at: [first.at, rowEnd] });
      item = undefined;
      pendingOneCellRows.length = 0;
      continue;
    }
    if (filled.length === 1 && (taskCol < 0 || filled[0] !== taskCol) && filled[0] !== measureCol) {
      // One cell that heads nothing: a note under the table, or a problem if tasks follow it.
      pendingOneCellRows.push(r);
      continue;
    }
    if (pendingOneCellRows.length) {
      const at = table.rows[pendingOneCellRows[0]].find(isFilled)!;
      problems.push({ at: at.at, message: `a row with one cell ${quote(cellText(at))} between tasks; expected a chapter heading (一、…) or a task row with its units` });
      pendingOneCellRows.length = 0;
    }

    const numberCell = numberCol >= 0 ? row[numberCol] : undefined;
    const taskCell = taskCol >= 0 ? row[taskCol] : undefined;
    const leading = [numberCell, taskCell].filter((c): c is TableCell => c !== undefined);
    const continues = item !== undefined && leading.length > 0 && leading.every((c) => !isFilled(c));
    const measureCell = row[measureCol];
    if (!isFilled(measureCell)) {
      problems.push({ at: measureCell.at, message: `${measureCell.covered ? "a cell merged with the row above" : "an empty cell"} in column ${labels[measureCol]}; expected the measure's text` });
      continue;
    }
    const measure = emptyMeasure(cellText(measureCell, "\n"), [measureCell.at, rowEnd]);
    const units = (c: number, inherit: (m: LocalMeasure) => string[]): string[] => {
      if (c < 0) return [];
      const cell = row[c];
      if (cell.covered === "above" && previous) {
        const names = inherit(previous);
        repeated += names.join("");
        return names;
      }
      if (/[。！？]$/.test(cellText(cell))) {
        problems.push({ at: cell.at, message: `column ${labels[c]} holds a sentence ${quote(cellText(cell, " "))}; expected unit names (is a cell missing?)` });
        return [];
      }
      structural += separatorsOf(cellText(cell));
      return splitUnits(cell.paragraphs);
    };
    const named = units(unitsCol, (m) => (firstLeads ? [...m.lead, ...m.support] : m.lead));
    if (firstLeads) {
      measure.lead = named.slice(0, 1);
      measure.support = named.slice(1);
    } else {
      measure.lead = named;
      measure.support = units(supportCol, (m) => m.support);
    }
    measure.leaders = units(leaderCol, (m) => m.leaders);
    if (deadlineCol >= 0) {
      const cell = row[deadlineCol];
      if (cell.covered === "above" && previous?.deadline) {
        measure.deadline = previous.deadline;
        repeated += previous.deadline.printed;
      } else measure.deadline = deadlineOf(cellText(cell), input.year);
    }
    if (noteCol >= 0 && isFilled(row[noteCol])) measure.note = cellText(row[noteCol], "\n");
    if (measure.lead.length === 0) {
      problems.push({ at: row[unitsCol].at, message: `no unit name in column ${labels[unitsCol]}; expected at least one lead unit` });
      continue;
    }

    if (continues) {
      item!.local.push(tidyMeasure(measure));
      if (superiorCol >= 0 && isFilled(row[superiorCol])) item!.upper = [item!.upper, cellText(row[superiorCol], "\n")].filter(Boolean).join("\n");
      item!.at[1] = rowEnd;
      previous = measure;
      lastItemRow = r;
      continue;
    }
    // A new task: its number from the number column, else the mark in front of its title.
    let number: number | undefined;
    let label = "";
    let title = taskCell ? cellText(taskCell) : "";
    if (numberCell && isFilled(numberCell)) {
      label = cellText(numberCell);
      number = readNumberCell(label);
      if (number === undefined) {
        problems.push({ at: numberCell.at, message: `column ${labels[numberCol]} holds ${quote(label)}; expected a task number (1, 2, 3…)` });
        continue;
      }
    } else {
      const markCell = taskCell ?? row[superiorCol >= 0 ? superiorCol : measureCol];
      const taskMark = readMark(cellText(markCell));
      if (taskMark && !isChapterMark(taskMark)) {
        label = taskMark.marker.trim();
        number = taskMark.style === "num" || taskMark.style === "num-paren" ? taskMark.value : undefined;
        if (taskCell) title = taskMark.rest;
        else if (markCell === row[measureCol]) measure.text = measure.text.slice(taskMark.marker.length);
      }
    }
    const upperCell = superiorCol >= 0 ? row[superiorCol] : undefined;
    let upper = upperCell ? cellText(upperCell, "\n") : undefined;
    if (upper !== undefined && !taskCell && !(numberCell && isFilled(numberCell)) && label) upper = upper.slice(label.length).trimStart();
    const start = (numberCell && isFilled(numberCell) ? numberCell : taskCell && isFilled(taskCell) ? taskCell : row[filled[0]]).at;
    item = { number: 0, label, title, ...(upper !== undefined ? { upper } : {}), local: [tidyMeasure(measure)], at: [start, rowEnd] };
    printed.push(number);
    const chapter = chapterFor(start);
    chapter.items.push(item);
    chapter.at[1] = rowEnd;
    previous = measure;
    lastItemRow = r;
  }
  for (const r of pendingOneCellRows) if (r > lastItemRow) closing.push(...table.rows[r].flatMap((c) => (c.covered ? [] : c.paragraphs)));
  for (const chapter of chapters) {
    if (chapter.items.length === 0) problems.push({ at: chapter.at[0], message: `chapter ${chapter.label}${chapter.title} has no task rows; expected at least one` });
    else chapter.at[1] = chapter.items.at(-1)!.at[1];
  }
  if (chapters.length === 0 && problems.length === 0) problems.push({ at: header[0][0].at, message: "the table has a header but no task rows; expected rows of tasks under it" });
  if (problems.length) return { ok: false, problems };
  // Rows after the last task are outside the list: their text is the closing's, not the coverage's source.
  if (closing.length) source.splice(source.length - closing.length, closing.length);
  numberList(chapters, printed);
  closing.push(...textsOf(input.blocks.slice(where.table + 1)));
  return {
    ok: true,
    list: { layout, columns, chapters, cover, closing, source, structural, repeated, at: header[0][0].at },
  };
}
