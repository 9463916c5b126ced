// Layouts C, D and E in paragraphs: numbered tasks (1. / （1）) under headings (一、 / （一） / 第一部分), each followed
// by label lines (牵头单位：…, C) or ending in a parenthesis naming its units (（…牵头，…配合）, D); in E the cover
// letter says the first unit of each list leads. The task style is the numbering the unit phrases follow; the
// styles above it are the headings (two at most: parts above chapters).
import type { Location, Paragraph, Problem } from "../blocks.ts";
import type { Chapter, Column, Item, Layout, LocalMeasure } from "../../model/schema.ts";
import { readMark, STYLE_ORDER, type Mark, type MarkStyle } from "../markers.ts";
import { splitUnits } from "../units.ts";
import { deadlineOf, emptyMeasure, numberList, separatorsOf, tidyMeasure, type LayoutInput, type LayoutResult } from "./list.ts";
import { closingParenthesis, readLabelLine, readParenthesis, type LabelField } from "./unit-phrases.ts";

const UNIT_ROLES = new Set(["lead", "support", "responsible"]);

interface Line {
  block: number;
  text: string;
  at: Location;
  mark?: Mark;
  labels?: LabelField[];
}

function quote(text: string): string {
  return `“${text.length > 24 ? text.slice(0, 24) + "…" : text}”`;
}

/** Unit parentheses inside a text: each ends a measure (…。（市发改委牵头）…。（市财政局负责）). */
function unitParentheses(text: string, firstLeads: boolean) {
  const found: Array<{ start: number; end: number; units: NonNullable<ReturnType<typeof readParenthesis>>; brackets: string }> = [];
  const re = /[（(]([^（）()]*)[）)][。；;.]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const units = readParenthesis(m[1], firstLeads);
    if (units) found.push({ start: m.index, end: m.index + m[0].length, units, brackets: m[0].replace(m[1], "") });
  }
  return found;
}

/** Whether a paragraph list is C (label lines) or D/E (parentheses), judged by what follows its numbered paragraphs. */
export function paragraphListKind(paragraphs: Paragraph[], firstLeads: boolean): "labels" | "parentheses" | undefined {
  let labels = 0;
  let parens = 0;
  for (const p of paragraphs) {
    if (readLabelLine(p.text)?.some((f) => UNIT_ROLES.has(f.role))) labels++;
    else {
      const close = closingParenthesis(p.text);
      if (close && readParenthesis(close.inner, firstLeads)) parens++;
    }
  }
  if (labels === 0 && parens === 0) return undefined;
  return labels >= parens ? "labels" : "parentheses";
}

export function readParagraphList(input: LayoutInput, kind: "labels" | "parentheses"): LayoutResult {
  const firstLeads = input.firstListedLeads;
  const lines: Line[] = [];
  for (const [block, b] of input.blocks.entries()) {
    if (b.kind === "paragraph") lines.push({ block, text: b.text, at: b.at, mark: readMark(b.text), labels: readLabelLine(b.text) });
  }
  // A unit phrase belongs to the nearest numbered paragraph at or above it: that numbering is the tasks'.
  const bearsUnits = (l: Line) =>
    kind === "labels" ? l.labels?.some((f) => UNIT_ROLES.has(f.role)) === true : unitParentheses(l.text, firstLeads).length > 0;
  const votes = new Map<MarkStyle, number>();
  let owner: Line | undefined;
  for (const l of lines) {
    if (l.mark && !l.labels) owner = l;
    if (bearsUnits(l) && owner) votes.set(owner.mark!.style, (votes.get(owner.mark!.style) ?? 0) + 1);
  }
  const itemStyle = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  const firstPhrase = lines.find(bearsUnits)!;
  if (!itemStyle) {
    return { ok: false, problems: [{ at: firstPhrase.at, message: "the units are named, but no numbered task stands above them; expected tasks numbered 1. / （1） before their units" }] };
  }
  const itemRank = STYLE_ORDER.indexOf(itemStyle);
  const isItem = (l: Line) => l.mark?.style === itemStyle && !l.labels;
  const firstItem = lines.findIndex(isItem);
  let lastPhrase = -1;
  let lastItem = -1;
  lines.forEach((l, i) => {
    if (bearsUnits(l)) lastPhrase = i;
    if (isItem(l)) lastItem = i;
  });
  // Headings: the styles above the tasks' that occur among them, and the ones right above the first task.
  const headingStyles = new Set<MarkStyle>();
  for (let i = firstItem; i <= lastPhrase; i++) {
    const s = lines[i].mark?.style;
    if (s && STYLE_ORDER.indexOf(s) < itemRank && !lines[i].labels) headingStyles.add(s);
  }
  let start = firstItem;
  while (start > 0) {
    const s = lines[start - 1].mark?.style;
    if (!s || STYLE_ORDER.indexOf(s) >= itemRank || lines[start - 1].labels) break;
    headingStyles.add(s);
    start--;
  }
  const ranked = [...headingStyles].sort((a, b) => STYLE_ORDER.indexOf(a) - STYLE_ORDER.indexOf(b));
  const problems: Problem[] = [];
  if (ranked.length > 2) {
    const extra = lines.slice(start).find((l) => l.mark?.style === ranked[0])!;
    return { ok: false, problems: [{ at: extra.at, message: `three heading levels above the tasks (${ranked.map(styleName).join(" / ")}); expected at most two (parts and chapters) above numbered tasks` }] };
  }
  const chapterStyle = ranked.at(-1);
  const partStyle = ranked.length === 2 ? ranked[0] : undefined;

  const chapters: Chapter[] = [];
  const printed: Array<number | undefined> = [];
  const columns = new Map<string, Column>();
  let structural = "";
  let part: Chapter["part"];
  let item: Item | undefined;
  let measure: LocalMeasure | undefined;
  /** C: the task's label lines have begun; D: its text since the last unit parenthesis. */
  let labelsBegun = false;
  let pending: { text: string[]; at: Location } | undefined;
  let usedFirstLeads = false;
  let end = lines.length;
  const source: string[] = [];

  const close = (at: Location) => {
    if (!item) return;
    if (kind === "labels" && measure) {
      if (measure.lead.length === 0 && measure.responsible.length === 0) takeClosingParenthesis(measure);
      if (measure.lead.length === 0 && measure.responsible.length === 0) {
        problems.push({ at: item.at[0], message: `task ${item.label} names no lead unit; expected a line 牵头单位：… (or 责任单位：… when the cover letter says the first unit listed leads)` });
      }
      item.local.push(tidyMeasure(measure));
    }
    if (kind === "parentheses" && pending) {
      problems.push({ at: pending.at, message: `the text ${quote(pending.text.join(""))} of task ${item.label} ends without a parenthesis naming its units; expected （…牵头，…配合） or （…负责） at its end` });
    }
    if (item.local.length === 0 && problems.length === 0) problems.push({ at, message: `task ${item.label} names no unit; expected its units after it` });
    measure = undefined;
    pending = undefined;
    item = undefined;
  };

  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    const style = l.mark?.style;
    // Past the last task's units the rest is the closing, unless a task still waits for its units.
    if (i > lastPhrase && i > lastItem && (kind === "labels" ? !l.labels : !pending)) {
      end = i;
      break;
    }
    if (style && (style === partStyle || style === chapterStyle) && !l.labels) {
      close(l.at);
      const mark = l.mark!;
      if (style === partStyle) part = { label: mark.marker.trim(), title: mark.rest };
      else chapters.push({ number: mark.value, numeral: mark.numeral, label: mark.marker.trim(), title: mark.rest, ...(part ? { part } : {}), items: [], at: [l.at, l.at] });
      source.push(l.text);
      continue;
    }
    source.push(l.text);
    if (isItem(l)) {
      close(l.at);
      const mark = l.mark!;
      if (chapters.length === 0 || (partStyle && chapters.at(-1)!.part !== part)) {
        chapters.push({ number: 0, numeral: "", label: "", title: "", ...(part ? { part } : {}), items: [], at: [l.at, l.at] });
      }
      item = { number: 0, label: mark.marker.trim(), title: "", local: [], at: [l.at, l.at] };
      printed.push(mark.style === "num" || mark.style === "num-paren" ? mark.value : undefined);
      chapters.at(-1)!.items.push(item);
      labelsBegun = false;
      if (kind === "labels") measure = emptyMeasure(mark.rest, [l.at, l.at]);
      else takeParagraph(mark.rest, l);
      continue;
    }
    if (!item) {
      problems.push({ at: l.at, message: `${quote(l.text)} stands between a heading and the first task; expected a task numbered like the others (${styleName(itemStyle)})` });
      continue;
    }
    item.at[1] = l.at;
    if (kind === "labels") {
      if (l.labels) {
        labelsBegun = true;
        for (const f of l.labels) takeLabel(f, l);
      } else if (labelsBegun) {
        problems.push({ at: l.at, message: `${quote(l.text)} follows the label lines of task ${item.label}; expected the next task (${styleName(itemStyle)}) or another label line such as 配合单位：` });
      } else measure!.text += "\n" + l.text;
    } else takeParagraph(l.text, l);
  }
  close(lines[Math.min(end, lines.length - 1)]?.at ?? input.blocks[0].at);

  function takeLabel(f: LabelField, l: Line): void {
    structural += f.consumed;
    if (!columns.has(f.role)) columns.set(f.role, { role: f.role, label: f.label });
    if (f.value === "") {
      problems.push({ at: l.at, message: `the label line ${f.label}： has nothing after it; expected ${f.role === "deadline" ? "a deadline such as 2025年6月底前" : "unit names"}` });
      return;
    }
    const m = measure!;
    m.at[1] = l.at;
    if (f.role === "deadline") m.deadline = deadlineOf(f.value, input.year);
    else if (f.role === "note") m.note = f.value;
    else {
      structural += separatorsOf(f.value);
      const names = splitUnits([f.value]);
      if (f.role === "lead") m.lead.push(...names);
      else if (f.role === "support") m.support.push(...names);
      else if (f.role === "leader") m.leaders.push(...names);
      else if (m.lead.length === 0 && firstLeads && m.support.length === 0) {
        // 责任单位 with no 牵头单位 line, and the cover letter's rule: the first listed leads.
        usedFirstLeads = true;
        m.lead.push(names[0]);
        m.support.push(...names.slice(1));
      } else m.support.push(...names); // 责任单位 beside a 牵头单位 line lists the cooperating units
    }
  }

  /** A task of a label-line list that names its units in a closing parenthesis instead (mixed lists). */
  function takeClosingParenthesis(m: LocalMeasure): void {
    const close = closingParenthesis(m.text);
    const units = close && readParenthesis(close.inner, firstLeads);
    if (!close || !units) return;
    structural += m.text.slice(close.before.length).replace(close.inner, "") + units.consumed;
    m.text = close.before;
    m.lead = units.lead;
    m.support = units.support;
    m.responsible = units.responsible;
    if (units.deadline) m.deadline = deadlineOf(units.deadline, input.year);
    if (!/牵头|负责|配合|参与|协助|协同|协办|落实/.test(close.inner)) usedFirstLeads = true;
  }

  function takeParagraph(text: string, l: Line): void {
    let rest = text;
    for (const p of unitParentheses(text, firstLeads)) {
      const body = text.slice(text.length - rest.length, p.start);
      const parts = [...(pending?.text ?? []), body].filter((t) => t !== "");
      const at: [Location, Location] = [pending?.at ?? l.at, l.at];
      pending = undefined;
      if (parts.length === 0) {
        problems.push({ at: l.at, message: `a parenthesis naming units ${quote(text.slice(p.start, p.end))} with no measure before it; expected the measure's text before its units` });
      } else {
        const m = emptyMeasure(parts.join("\n"), at);
        m.lead = p.units.lead;
        m.support = p.units.support;
        m.responsible = p.units.responsible;
        if (p.units.deadline) m.deadline = deadlineOf(p.units.deadline, input.year);
        if (!/牵头|负责|配合|参与|协助|协同|协办|落实/.test(text.slice(p.start, p.end))) usedFirstLeads = true;
        item!.local.push(tidyMeasure(m));
      }
      structural += p.brackets + p.units.consumed;
      rest = text.slice(p.end);
    }
    if (rest !== "") pending = { text: [...(pending?.text ?? []), rest], at: pending?.at ?? l.at };
  }

  if (chapters.length === 0 && problems.length === 0) problems.push({ at: lines[firstItem].at, message: "no task found; expected numbered tasks with their units" });
  for (const c of chapters) {
    if (c.items.length === 0 && problems.length === 0) problems.push({ at: c.at[0], message: `chapter ${c.label}${quote(c.title)} has no tasks; expected numbered tasks under it` });
    if (c.items.length) c.at[1] = c.items.at(-1)!.at[1];
  }
  if (problems.length) return { ok: false, problems };
  numberList(chapters, printed);
  const firstBlock = lines[start].block;
  const lastBlock = end < lines.length ? lines[end].block : input.blocks.length;
  const cover = input.blocks.slice(0, firstBlock).flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.flatMap((r) => r.flatMap((c) => c.paragraphs))));
  const inside = input.blocks.slice(firstBlock, lastBlock).find((b) => b.kind === "table");
  if (inside) return { ok: false, problems: [{ at: inside.at, message: "a table among the numbered tasks; expected either a table list or a paragraph list, not both" }] };
  const closing = input.blocks.slice(lastBlock).flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.flatMap((r) => r.flatMap((c) => c.paragraphs))));
  const layout: Layout = usedFirstLeads ? "first-listed-lead" : kind === "labels" ? "label-lines" : "unit-parenthesis";
  return { ok: true, list: { layout, columns: [...columns.values()], chapters, cover, closing, source, structural, repeated: "", at: lines[start].at } };
}

function styleName(style: MarkStyle): string {
  return { part: "第一部分", cn: "一、", "cn-paren": "（一）", num: "1.", "num-paren": "（1）" }[style];
}
