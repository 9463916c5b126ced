// Proof that nothing is lost: every non-blank character of the table must appear in exactly one field of
// the model. Counted independently of the row parser, from the raw lines of the table, as multisets:
// a dropped character lowers the figure, a duplicated one (a cell read twice) is reported as excess.
import type { Document } from "../model/schema.ts";

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

/** The model's table fields, in document order. */
function modelFields(doc: Pick<Document, "columns" | "chapters">): string[] {
  const fields: string[] = [...doc.columns];
  for (const chapter of doc.chapters) {
    fields.push(chapter.numeral, chapter.title);
    for (const item of chapter.items) {
      fields.push(String(item.number), item.title, item.upper);
      for (const m of item.local) fields.push(m.text, ...m.lead, ...m.support);
    }
  }
  return fields;
}

/**
 * @param tableText the raw source text from the header row to the end
 * @param structural the characters the parser consumed as syntax (separators, "1." and "一、" markers)
 */
export function measureCoverage(tableText: string, doc: Pick<Document, "columns" | "chapters">, structural: string): CoverageCount {
  const source = new Map<string, number>();
  countChars(source, tableText);
  const model = new Map<string, number>();
  for (const f of modelFields(doc)) countChars(model, f);
  countChars(model, structural);
  let characters = 0;
  let covered = 0;
  let excess = 0;
  for (const [ch, n] of source) {
    characters += n;
    covered += Math.min(n, model.get(ch) ?? 0);
  }
  for (const [ch, n] of model) excess += Math.max(0, n - (source.get(ch) ?? 0));
  let structuralCount = 0;
  for (const ch of structural) if (!isBlankCode(ch.charCodeAt(0))) structuralCount++;
  return { characters, covered, structural: structuralCount, excess };
}
