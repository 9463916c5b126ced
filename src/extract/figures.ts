// The figures of a document (pure): quantities, subsidies, superior ↔ local target pairs, growth paths.
// Called by the parse once the chapters are built; the overrides file's text is read by the CLI shell.
import { lineOf, parseCompanion } from "../model/companion.ts";
import { AlignmentOverrides, type Figures, type Quantity, type Subsidy } from "../model/figures.ts";
import { alignTargets } from "./alignment.ts";
import { findGrowthPaths } from "./growth-paths.ts";
import { pairLists } from "./lists.ts";
import { findQuantities, type Found } from "./quantities.ts";
import { findSubsidies } from "./subsidies.ts";
import { measuresOf, type DocumentText, type MeasureText } from "./text.ts";

/** The human corrections of one document, as the CLI read them. */
export interface OverridesSource {
  file: string;
  text: string;
}

export interface FiguresProblem {
  file: string;
  line: number;
  message: string;
}

export type FiguresResult = { ok: true; figures: Figures } | { ok: false; problems: FiguresProblem[] };

export function quantityId(m: Pick<MeasureText, "task" | "side" | "measure">, n: number): string {
  return `t${m.task}-${m.side === "superior" ? "s" : `l${m.measure}`}-${n}`;
}

const OVERRIDES_SHAPE = '{ "pairs": [{ "superior": id, "local": id, "note"?: text }], "unpair": [...] }';

const readOverrides = (source: OverridesSource) => parseCompanion(source.file, source.text, AlignmentOverrides, OVERRIDES_SHAPE);

/** Quantities and subsidies of one measure. */
function readMeasure(m: MeasureText): { quantities: Quantity[]; subsidies: Subsidy[] } {
  const found = findQuantities(m);
  pairLists(m.text, found);
  const ids = new Map<Found, string>(found.map((f, i) => [f, quantityId(m, i + 1)]));
  const subsidies = findSubsidies(m, found, ids);
  // An award's subject is its recipient (with the list item it is for).
  const recipient = new Map<string, string>();
  for (const s of subsidies) for (const id of [s.amount, s.rate, s.cap]) if (id && !recipient.has(id)) recipient.set(id, s.condition);
  const quantities = found.map((f): Quantity => {
    const id = ids.get(f)!;
    return {
      id,
      task: m.task,
      side: m.side,
      measure: m.measure,
      value: f.value,
      valuePrinted: f.valuePrinted,
      unit: f.unit,
      printed: m.text.slice(f.start, f.end),
      kind: f.kind,
      period: f.period,
      qualifier: f.qualifier,
      subject: recipient.get(id) ?? f.subject,
      label: f.label,
      start: f.start,
      end: f.end,
    };
  });
  return { quantities, subsidies };
}

export function extractFigures(doc: DocumentText, overrides?: OverridesSource): FiguresResult {
  const measures = measuresOf(doc);
  const quantities: Quantity[] = [];
  const subsidies: Subsidy[] = [];
  for (const m of measures) {
    const read = readMeasure(m);
    quantities.push(...read.quantities);
    subsidies.push(...read.subsidies);
  }
  let corrections: AlignmentOverrides | undefined;
  if (overrides) {
    const read = readOverrides(overrides);
    if (!read.ok) return read;
    corrections = read.value;
  }
  const aligned = alignTargets(quantities, corrections);
  if (aligned.problems.length && overrides) {
    return { ok: false, problems: aligned.problems.map((p) => ({ file: overrides.file, line: lineOf(overrides.text, `"${p.token}"`), message: p.message })) };
  }
  const growthPaths = measures.flatMap(findGrowthPaths);
  return { ok: true, figures: { quantities, subsidies, targetPairs: aligned.pairs, growthPaths } };
}
