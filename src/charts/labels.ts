// Words the charts show, in one place (the site's own strings live in src/site/). Side names come from the
// document's column labels, so a county list reads 市… / 县… without a change here.
import type { Document } from "../model/schema.ts";
import type { Level, Quantity } from "../model/figures.ts";
import { APPROXIMATORS, QUALIFIERS_BEFORE } from "../extract/vocabulary.ts";
import { columnLabel } from "../model/labels.ts";

const RATE_BOUNDS = ["不超过", "不低于", "不高于"];

export type ChartSource = Pick<Document, "id" | "columns" | "chapters" | "units" | "figures" | "date" | "government">;

export const sideLabel = (doc: Pick<Document, "columns">, side: "superior" | "local") => (side === "superior" ? columnLabel(doc, "superior") : columnLabel(doc, "measure"));
/** The level word of a side's column (省, 市, 县), or the whole label when it has none. */
export const sideShort = (doc: Pick<Document, "columns">, side: "superior" | "local") => {
  const label = sideLabel(doc, side);
  return /^(国家|省|市|县|区)/.exec(label)?.[1] ?? label;
};

export const LEVEL_LABELS: Record<Level, string> = { national: "国家", provincial: "省", municipal: "市", county: "县" };

export const percent = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
export const taskLabel = (n: number) => `任务${n}`;

/** A quantity with its qualifier where the text prints it: 不少于10场, 500项以上, 到2025年. */
export function withQualifier(q: Pick<Quantity, "printed" | "qualifier">): string {
  if (!q.qualifier) return q.printed;
  const parts = q.qualifier.split("…");
  const before = QUALIFIERS_BEFORE.includes(parts[0]) || RATE_BOUNDS.includes(parts[0]) ? parts.shift()! : "";
  return `${before}${q.printed}${parts.filter((p) => !APPROXIMATORS.includes(p)).join("")}`;
}
