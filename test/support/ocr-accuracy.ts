// How close a model read by OCR from a scan is to the model of the text layer it was scanned from: the share of
// measures whose lead units are the same, and the character accuracy of the measures' texts and units (1 − edit
// distance ÷ length), as OCR accuracy is usually given.
import type { Document } from "../../src/model/schema.ts";

/** Levenshtein distance over code points, two rows at a time. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[y.length]!;
}

export interface OcrAccuracy {
  measures: [number, number];
  /** Measures (in order) whose lead units read exactly as in the text layer. */
  sameLeads: number;
  /** Of the texts and unit names, all together. */
  characterAccuracy: number;
}

const measuresOf = (d: Document) => d.chapters.flatMap((c) => c.items.flatMap((i) => i.local));
/** Blanks are layout, in either reading. */
const plain = (t: string) => t.replace(/\s+/g, "");

export function ocrAccuracy(textLayer: Document, ocr: Document): OcrAccuracy {
  const a = measuresOf(textLayer);
  const b = measuresOf(ocr);
  const joined = (ms: typeof a) => plain(ms.map((m) => [m.text, ...m.lead, ...m.support, ...m.responsible].join("|")).join("\n"));
  const truth = joined(a);
  return {
    measures: [a.length, b.length],
    sameLeads: a.filter((m, i) => b[i] !== undefined && m.lead.join("、") === b[i]!.lead.join("、")).length,
    characterAccuracy: 1 - editDistance(truth, joined(b)) / [...truth].length,
  };
}
