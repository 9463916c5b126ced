// Layouts C, D and E in paragraphs: numbered tasks (1. / （1）) under headings (一、 / （一） / 第一部分), each followed
// by label lines (牵头单位：…, C) or ending in a parenthesis naming its units (（…牵头，…配合）, D); in E the cover
// letter says the first unit of each list leads. The task style is the numbering the unit phrases follow; the
// styles above it are the headings (two at most: parts above chapters).
import type { Location, Paragraph, Problem } from "../blocks.ts";
import type { Chapter, Column, Item, Layout, LocalMeasure } from "../../model/schema.ts";
import { markSample, readMark, STYLE_ORDER, type Mark, type MarkStyle } from "../markers.ts";
import { splitUnits } from "../units.ts";
import { deadlineOf, emptyMeasure, numberList, separatorsOf, SETTINGS_FILE, tidyMeasure, type LayoutInput, type LayoutResult } from "./list.ts";
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

/** The numbering levels of a paragraph list, from the outermost: the headings above the tasks, the tasks, and the
 * sub-measures of a task where the list numbers those too. */
interface Levels {
  part?: MarkStyle;
  chapter?: MarkStyle;
  task: MarkStyle;
  measure?: MarkStyle;
}

export function readParagraphList(input: LayoutInput, kind: "labels" | "parentheses"): LayoutResult {
  const firstLeads = input.firstListedLeads;
  const lines: Line[] = [];
  for (const [block, b] of input.blocks.entries()) {
    if (b.kind === "paragraph") lines.push({ block, text: b.text, at: b.at, mark: readMark(b.text), labels: readLabelLine(b.text) });
  }
  const unitLabels = (l: Line) => l.labels?.some((f) => UNIT_ROLES.has(f.role)) === true;
  // A unit phrase belongs to the nearest numbered paragraph at or above it: that numbering is the deepest level
  // that carries units. A label line in brackets (（责任单位：…）) names units in either kind of list.
  const bearsUnits = (l: Line) => unitLabels(l) || (kind === "parentheses" && !l.labels && unitParentheses(l.text, firstLeads).length > 0);
  const votes = new Map<MarkStyle, number>();
  let owner: Line | undefined;
  for (const l of lines) {
    if (l.mark && !l.labels) owner = l;
    if (bearsUnits(l) && owner) votes.set(owner.mark!.style, (votes.get(owner.mark!.style) ?? 0) + 1);
  }
  const given = input.settings?.levels;
  const unitStyle = given ? (given.measure ?? given.task) : [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  const firstPhrase = lines.find(bearsUnits);
  if (!firstPhrase) {
    return { ok: false, problems: [{ at: lines[0]?.at ?? input.blocks[0]?.at ?? { line: 1 }, message: "no paragraph names units: no label lines (牵头单位：…) and no unit parentheses (（…牵头，…配合）); expected the units after each numbered task" }] };
  }
  if (!unitStyle) {
    return { ok: false, problems: [{ at: firstPhrase.at, message: `the units are named, but no numbered task stands above them; expected tasks numbered 1. / （1） before their units, or say how the levels are numbered in ${SETTINGS_FILE}: ${LEVELS_SETTING}` }] };
  }
  const unitRank = STYLE_ORDER.indexOf(unitStyle);
  const isUnitLine = (l: Line) => l.mark?.style === unitStyle && !l.labels;
  const firstNumbered = lines.findIndex(isUnitLine);
  if (firstNumbered < 0) {
    return { ok: false, problems: [{ at: firstPhrase.at, message: `the settings file numbers the ${given?.measure ? "measures" : "tasks"} ${markSample(unitStyle)}, but no paragraph is numbered so; expected the levels as the list numbers them in ${SETTINGS_FILE}` }] };
  }
  let lastPhrase = -1;
  let lastNumbered = -1;
  lines.forEach((l, i) => {
    if (bearsUnits(l)) lastPhrase = i;
    if (isUnitLine(l)) lastNumbered = i;
  });
  // Headings: the styles above the units' that occur among them, and the ones above the first numbered paragraph,
  // with an introductory paragraph or two between them. The settings file's levels, where it gives them, decide.
  const givenHeadings = given && new Set([given.part, given.chapter, given.measure ? given.task : undefined].filter((x): x is MarkStyle => x !== undefined));
  const isHeading = (l: Line) => l.mark !== undefined && !l.labels && (givenHeadings ? givenHeadings.has(l.mark.style) : STYLE_ORDER.indexOf(l.mark.style) < unitRank);
  const headingStyles = new Set<MarkStyle>();
  for (let i = firstNumbered; i <= lastPhrase; i++) if (isHeading(lines[i])) headingStyles.add(lines[i].mark!.style);
  let start = firstNumbered;
  for (let k = firstNumbered - 1, plain = 0; k >= 0 && plain <= MAX_INTRO; k--) {
    const l = lines[k];
    if (isHeading(l)) {
      headingStyles.add(l.mark!.style);
      start = k;
      plain = 0;
    } else if (l.mark || l.labels) break;
    else plain++;
  }
  if (given) return readWithLevels(input, kind, lines.slice(start), given, lastPhrase - start, lastNumbered - start);
  const ranked = [...headingStyles].sort((a, b) => STYLE_ORDER.indexOf(a) - STYLE_ORDER.indexOf(b));
  if (ranked.length > 3) {
    const extra = lines.slice(start).find((l) => l.mark?.style === ranked[0])!;
    return {
      ok: false,
      problems: [{ at: extra.at, message: `four heading levels above the units (${ranked.map(markSample).join(" / ")}); expected at most three (parts, chapters and tasks) above numbered measures, or say which levels are which in ${SETTINGS_FILE}: ${LEVELS_SETTING}` }],
    };
  }
  // Three levels above the units: parts, chapters and tasks, the units' level the tasks' measures (一、/（一）/1./（1）).
  const levels: Levels =
    ranked.length === 3 ? { part: ranked[0], chapter: ranked[1], task: ranked[2], measure: unitStyle } : { part: ranked.length === 2 ? ranked[0] : undefined, chapter: ranked.at(-1), task: unitStyle };
  return readWithLevels(input, kind, lines.slice(start), levels, lastPhrase - start, lastNumbered - start);
}

const LEVELS_SETTING = '{ "levels": { "chapter": "一、", "task": "（一）", "measure": "1." } }';

/** Unnumbered paragraphs a heading may have above the first task (its introduction). */
const MAX_INTRO = 3;

function readWithLevels(input: LayoutInput, kind: "labels" | "parentheses", lines: Line[], levels: Levels, lastPhrase: number, lastNumbered: number): LayoutResult {
  const firstLeads = input.firstListedLeads;
  const problems: Problem[] = [];
  const chapters: Chapter[] = [];
  const printed: Array<number | undefined> = [];
  const columns = new Map<string, Column>();
  let structural = "";
  let repeated = "";
  let part: Chapter["part"];
  let item: Item | undefined;
  /** The measure being read: its text, then (labels) its label lines. */
  let measure: (LocalMeasure & { label: string; title?: boolean }) | undefined;
  let labelsBegun = false;
  /** Parentheses: the text since the last unit parenthesis, not yet a measure. */
  let pending: { text: string[]; at: Location; label: string; title?: boolean } | undefined;
  /** Numbered siblings that named no units, waiting for a unit line after the last of them to name theirs. */
  let waiting: Array<LocalMeasure & { label: string }> = [];
  /** Whether a sibling under the same heading or task named its own units (then a unit line is its alone). */
  let siblingsNamedUnits = false;
  let usedFirstLeads = false;
  let end = lines.length;
  const source: string[] = [];

  const unnamed = (m: { label: string; text: string; at: [Location, Location] } | { label: string; text: string[]; at: Location }) => {
    const at = Array.isArray(m.at) ? m.at[0] : m.at;
    const text = Array.isArray(m.text) ? m.text.join("") : m.text;
    problems.push(
      kind === "labels"
        ? { at, message: `task ${m.label} names no lead unit; expected a line 牵头单位：… (or 责任单位：… when the cover letter says the first unit listed leads, or ${SETTINGS_FILE} does: { "firstListedLeads": true })` }
        : { at, message: `the text ${quote(text)} of task ${m.label} ends without a parenthesis naming its units; expected （…牵头，…配合） or （…负责） at its end` },
    );
  };
  /** The numbered siblings still waiting: no unit line came after them. */
  const refuseWaiting = () => {
    for (const w of waiting) unnamed(w);
    waiting = [];
  };
  /** A measure has its units: the siblings waiting before it share them, when none of them named its own. */
  const named = (m: LocalMeasure) => {
    if (waiting.length && !siblingsNamedUnits) {
      for (const w of waiting) {
        Object.assign(w, { lead: [...m.lead], support: [...m.support], responsible: [...m.responsible], leaders: [...m.leaders] });
        if (m.deadline) w.deadline = m.deadline;
        repeated += [...m.lead, ...m.support, ...m.responsible, ...m.leaders, m.deadline?.printed ?? ""].join("");
      }
      waiting = [];
    } else {
      refuseWaiting();
      siblingsNamedUnits = true;
    }
  };
  const place = (m: LocalMeasure) => item!.local.push(m);

  /** Labels: the measure ends (a sibling, a task, a heading or the end follows). */
  const closeMeasure = (sibling: boolean) => {
    if (!measure) return;
    const m = measure;
    measure = undefined;
    if (m.title && !sibling) {
      // A task line's own text, no sub-measure under it: the text is the measure.
      item!.title = "";
    } else if (m.title) {
      // Sub-measures follow: the task line's text (and its introduction) is the task's title.
      item!.title = m.text;
      return;
    }
    resolveResponsible(m);
    if (m.lead.length === 0 && m.responsible.length === 0) takeClosingParenthesis(m);
    place(m);
    if (m.lead.length + m.responsible.length === 0) {
      if (sibling && !labelsBegun) waiting.push(m);
      else {
        refuseWaiting();
        unnamed(m);
      }
    } else named(m);
  };
  /** Parentheses: text without its parenthesis before a sibling waits for a unit line; else it is refused. */
  const closePending = (sibling: boolean) => {
    if (!pending) return;
    const p = pending;
    pending = undefined;
    if (p.title) {
      item!.title = p.text.join("\n");
      if (!sibling) unnamed(p);
      return;
    }
    if (sibling) {
      const m = Object.assign(emptyMeasure(p.text.join("\n"), [p.at, p.at]), { label: p.label });
      place(m);
      waiting.push(m);
    } else {
      refuseWaiting();
      unnamed(p);
    }
  };
  /** `sibling`: another task follows under the same heading, and may carry the units of this one. */
  const closeItem = (sibling: boolean) => {
    if (!item) return;
    if (kind === "labels") closeMeasure(sibling);
    else closePending(sibling);
    if (!sibling) refuseWaiting();
    if (item.local.length === 0 && problems.length === 0) problems.push({ at: item.at[0], message: `task ${item.label} names no unit; expected its units after it` });
    item = undefined;
  };
  const newParent = () => {
    siblingsNamedUnits = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const style = l.mark?.style;
    // Past the last task's units the rest is the closing, unless a task still waits for its units.
    if (i > lastPhrase && i > lastNumbered && (kind === "labels" ? !l.labels : !pending)) {
      end = i;
      break;
    }
    source.push(l.text);
    const mark = l.mark;
    if (mark && !l.labels && (style === levels.part || style === levels.chapter)) {
      closeItem(false);
      newParent();
      if (style === levels.part) part = { label: mark.marker.trim(), title: mark.rest };
      else chapters.push({ number: mark.value, numeral: mark.numeral, label: mark.marker.trim(), title: mark.rest, ...(part ? { part } : {}), items: [], at: [l.at, l.at] });
      continue;
    }
    if (mark && !l.labels && style === levels.task) {
      // Tasks share a unit line after them only where they are the deepest level (no numbered measures under them).
      closeItem(levels.measure === undefined);
      if (levels.measure) newParent();
      if (chapters.length === 0 || (levels.part && chapters.at(-1)!.part !== part)) {
        chapters.push({ number: 0, numeral: "", label: "", title: "", ...(part ? { part } : {}), items: [], at: [l.at, l.at] });
      }
      item = { number: 0, label: mark.marker.trim(), title: "", local: [], at: [l.at, l.at] };
      printed.push(mark.style === "num" || mark.style === "num-paren" ? mark.value : undefined);
      chapters.at(-1)!.items.push(item);
      labelsBegun = false;
      // With numbered measures under the tasks, a task line's text is its title unless its units follow it directly.
      const title = levels.measure !== undefined;
      if (kind === "labels") measure = Object.assign(emptyMeasure(mark.rest, [l.at, l.at]), { label: item.label, title });
      else takeParagraph(mark.rest, l, item.label, title);
      continue;
    }
    if (mark && !l.labels && style === levels.measure && item) {
      item.at[1] = l.at;
      structural += mark.marker;
      if (kind === "labels") {
        closeMeasure(true);
        labelsBegun = false;
        measure = Object.assign(emptyMeasure(mark.rest, [l.at, l.at]), { label: item.label + mark.marker.trim() });
      } else {
        closePending(true);
        takeParagraph(mark.rest, l, item.label + mark.marker.trim());
      }
      continue;
    }
    if (!item) {
      const chapter = chapters.at(-1);
      if (!l.labels && !bearsUnitsHere(l)) {
        // An introduction under a heading, before its first task: the chapter's (or the part's) own text.
        const holder = chapter && chapter.items.length === 0 && chapter.part === part ? chapter : part;
        if (holder) {
          holder.text = holder.text === undefined ? l.text : `${holder.text}\n${l.text}`;
          if (chapter) chapter.at[1] = l.at;
          continue;
        }
      }
      problems.push({ at: l.at, message: `${quote(l.text)} stands between a heading and the first task; expected a task numbered like the others (${markSample(levels.measure ?? levels.task)}), or say how the levels are numbered in ${SETTINGS_FILE}: ${LEVELS_SETTING}` });
      continue;
    }
    item.at[1] = l.at;
    if (kind === "labels") {
      if (l.labels) {
        if (measure!.title) measure!.title = false;
        labelsBegun = true;
        for (const f of l.labels) takeLabel(f, l);
      } else if (labelsBegun) {
        problems.push({ at: l.at, message: `${quote(l.text)} follows the label lines of task ${item.label}; expected the next task (${markSample(levels.measure ?? levels.task)}) or another label line such as 配合单位：` });
      } else measure!.text += "\n" + l.text;
    } else if (l.labels && unitLabelsOf(l.labels)) takeUnitLine(l);
    else takeParagraph(l.text, l, pending?.label ?? item.label, pending?.title);
  }
  closeItem(false);

  function bearsUnitsHere(l: Line): boolean {
    return kind === "parentheses" && unitParentheses(l.text, firstLeads).length > 0;
  }

  function unitLabelsOf(fields: LabelField[]): boolean {
    return fields.some((f) => UNIT_ROLES.has(f.role));
  }

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
      } else m.responsible.push(...names); // settled when the measure ends: resolveResponsible
    }
  }

  /** 责任单位 beside a 牵头单位 line lists the cooperating units; alone, one unit leads and several share the task. */
  function resolveResponsible(m: LocalMeasure): void {
    if (m.lead.length > 0 && m.responsible.length > 0) {
      m.support.push(...m.responsible);
      m.responsible = [];
    } else if (m.lead.length === 0 && m.responsible.length === 1) {
      m.lead = m.responsible;
      m.responsible = [];
    }
  }

  /** Parentheses: a label line (often in brackets, on a line of its own) names the units of the text before it. */
  function takeUnitLine(l: Line): void {
    const p = pending;
    pending = undefined;
    if (!p) {
      problems.push({ at: l.at, message: `the unit line ${quote(l.text)} has no measure before it; expected the measure's text before its units` });
      return;
    }
    const m = emptyMeasure(p.text.join("\n"), [p.at, l.at]);
    if (p.title) item!.title = "";
    const saved = measure;
    measure = Object.assign(m, { label: p.label });
    for (const f of l.labels!) takeLabel(f, l);
    measure = saved;
    resolveResponsible(m);
    if (m.lead.length + m.responsible.length === 0) {
      problems.push({ at: l.at, message: `the unit line ${quote(l.text)} names no lead unit; expected 牵头单位：… or 责任单位：…` });
      return;
    }
    place(m);
    named(m);
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

  function takeParagraph(text: string, l: Line, label: string, title?: boolean): void {
    let rest = text;
    for (const p of unitParentheses(text, firstLeads)) {
      const body = text.slice(text.length - rest.length, p.start);
      const parts = [...(pending?.text ?? []), body].filter((t) => t !== "");
      const at: [Location, Location] = [pending?.at ?? l.at, l.at];
      const alone = p.start === 0 && p.end === text.length && body === "";
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
        if (title) item!.title = "";
        place(m);
        // A parenthesis on a line of its own may name the units of the numbered siblings above; one closing a
        // sibling's own text is that sibling's alone.
        if (alone) named(m);
        else {
          refuseWaiting();
          siblingsNamedUnits = true;
        }
      }
      title = false;
      structural += p.brackets + p.units.consumed;
      rest = text.slice(p.end);
    }
    if (rest !== "") pending = { text: [...(pending?.text ?? []), rest], at: pending?.at ?? l.at, label, ...(title ? { title } : {}) };
  }

  if (chapters.length === 0 && problems.length === 0) problems.push({ at: lines[0].at, message: "no task found; expected numbered tasks with their units" });
  for (const c of chapters) {
    if (c.items.length === 0 && problems.length === 0) problems.push({ at: c.at[0], message: `chapter ${c.label}${quote(c.title)} has no tasks; expected numbered tasks under it, or say how the levels are numbered in ${SETTINGS_FILE}: ${LEVELS_SETTING}` });
    if (c.items.length) c.at[1] = c.items.at(-1)!.at[1];
    for (const it of c.items) it.local = it.local.map(tidyMeasure);
  }
  if (problems.length) return { ok: false, problems };
  numberList(chapters, printed);
  const firstBlock = lines[0].block;
  const lastBlock = end < lines.length ? lines[end].block : input.blocks.length;
  const cover = input.blocks.slice(0, firstBlock).flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.flatMap((r) => r.flatMap((c) => c.paragraphs))));
  const inside = input.blocks.slice(firstBlock, lastBlock).find((b) => b.kind === "table");
  if (inside) return { ok: false, problems: [{ at: inside.at, message: "a table among the numbered tasks; expected either a table list or a paragraph list, not both" }] };
  const closing = input.blocks.slice(lastBlock).flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.rows.flatMap((r) => r.flatMap((c) => c.paragraphs))));
  const layout: Layout = usedFirstLeads ? "first-listed-lead" : kind === "labels" ? "label-lines" : "unit-parenthesis";
  return { ok: true, list: { layout, columns: [...columns.values()], chapters, cover, closing, source, structural, repeated, at: lines[0].at } };
}
