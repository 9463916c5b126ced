// Proof that nothing is lost: every non-blank character of the list must appear in exactly one field of the model.
// Counted independently of the layout, from the texts the reader gave, as multisets: a dropped character lowers the
// figure, a duplicated one (a cell read twice) is reported as excess.
import type { Chapter } from "../model/schema.ts";

export interface CoverageCount {
  characters: number;
  covered: number;
  structural: number;
  excess: number;
}

/** JavaScript's \s (which includes NBSP, the ideographic space and the BOM), without a regex per character. */
function isBlankCode(c: number): boolean {
  return c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function countChars(into: Map<string, number>, text: string, sign = 1): void {
  for (const ch of text) {
    if (isBlankCode(ch.charCodeAt(0))) continue;
    into.set(ch, (into.get(ch) ?? 0) + sign);
  }
}

/** The model's fields that hold text of the list, in document order (a part's heading once, on its first chapter). */
export function modelFields(chapters: Chapter[]): string[] {
  const fields: string[] = [];
  let part: Chapter["part"];
  for (const chapter of chapters) {
    if (chapter.part && !(part && part.label === chapter.part.label && part.title === chapter.part.title)) fields.push(chapter.part.label, chapter.part.title, chapter.part.text ?? "");
    part = chapter.part;
    fields.push(chapter.label, chapter.title, chapter.text ?? "");
    for (const item of chapter.items) {
      fields.push(item.label, item.title, item.upper ?? "");
      for (const m of item.local) fields.push(m.text, ...m.lead, ...m.support, ...m.responsible, ...m.leaders, m.deadline?.printed ?? "", m.note ?? "");
    }
  }
  return fields;
}

/**
 * @param source the list's texts as the reader gave them (from its header or first heading to its last unit)
 * @param structural the characters the layout consumed as syntax (separators, 1. and 一、 marks, labels, brackets)
 * @param repeated the characters the model holds once more because a merged cell spans several measures
 */
export function measureCoverage(source: string[], chapters: Chapter[], structural: string, repeated: string): CoverageCount {
  const printed = new Map<string, number>();
  for (const t of source) countChars(printed, t);
  countChars(printed, repeated);
  const model = new Map<string, number>();
  for (const f of modelFields(chapters)) countChars(model, f);
  countChars(model, structural);
  let characters = 0;
  let covered = 0;
  let excess = 0;
  for (const [ch, n] of printed) {
    characters += n;
    covered += Math.min(n, model.get(ch) ?? 0);
  }
  for (const [ch, n] of model) excess += Math.max(0, n - (printed.get(ch) ?? 0));
  let structuralCount = 0;
  for (const ch of structural) if (!isBlankCode(ch.charCodeAt(0))) structuralCount++;
  let repeatedCount = 0;
  for (const ch of repeated) if (!isBlankCode(ch.charCodeAt(0))) repeatedCount++;
  return { characters: characters - repeatedCount, covered: covered - repeatedCount, structural: structuralCount, excess };
}
