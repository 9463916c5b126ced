// The figures charts' SVG helpers: number rounding, text measuring and the accessible outer <svg>.

// The element builder and its escaping table live in src/render/svg.ts (shared with the comparison chart):
// one path from text to markup. `tag` only adds the rounding of numeric attributes that keeps files small.
import { el, escapeXml, Markup, type Attributes, type Child } from "../render/svg.ts";

export { escapeXml, Markup, type Attributes, type Child };

/** <name attr="value">children</name>, as `el`, with numeric attribute values rounded by `num`. */
export function tag(name: string, attributes: Attributes = {}, ...children: Child[]): Markup {
  const rounded: Record<string, string | number | boolean | null | undefined> = {};
  for (const [key, value] of Object.entries(attributes)) rounded[key] = typeof value === "number" ? num(value) : value;
  return el(name, rounded, ...children);
}

/** Coordinates with at most two decimals keep the files small and the output deterministic. */
export function num(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Estimated advance of a text in px: CJK and full-width characters 1em, the rest about 0.6em. No DOM needed. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

/** Shortens a label to fit `maxWidth`, ending in …; the full text goes in a <title> or the table. */
export function fit(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join("") + "…", fontSize) > maxWidth) chars.pop();
  return chars.join("") + "…";
}

export interface Frame {
  /** Unique within the page: the title and description ids are derived from it. */
  id: string;
  width: number;
  height: number;
  title: string;
  description: string;
  /** Whether the chart draws with the hatch pattern (`url(#<id>-hatch)`); charts that don't leave it out. */
  hatch?: boolean;
}

/** The outer <svg>: role="img" named by its <title> and described by its <desc>; shared patterns and styles. */
export function svgDocument(frame: Frame, ...children: Child[]): string {
  const titleId = `${frame.id}-title`;
  const descId = `${frame.id}-desc`;
  return tag(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${num(frame.width)} ${num(frame.height)}`,
      // In rem, not px: one user unit is 1/16 rem, so the 12-unit text is 13.5 px at the site's 18 px and grows with
      // 大字号. The chart is never shrunk to a phone's width (its text would fall to 6 px): it scrolls instead.
      width: `${num(frame.width / 16)}rem`,
      height: `${num(frame.height / 16)}rem`,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      "font-family": "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', system-ui, sans-serif",
      "font-size": 12,
    },
    tag("title", { id: titleId }, frame.title),
    tag("desc", { id: descId }, frame.description),
    frame.hatch !== false &&
    tag(
      "defs",
      {},
      // Hatching: the second series is told apart by pattern, not only by colour.
      tag("pattern", { id: `${frame.id}-hatch`, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        tag("rect", { width: 6, height: 6, fill: "#fff" }),
        tag("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#b35806", "stroke-width": 2.5 })),
    ),
    children,
  ).html;
}

export const hatch = (frame: Pick<Frame, "id">) => `url(#${frame.id}-hatch)`;

/** The same data as a table, for the page to lay out beside or under the chart. */
export interface TableModel {
  caption: string;
  head: string[];
  rows: string[][];
  /** Per column: "number" columns sort numerically and align right. */
  types: ("text" | "number")[];
}

export interface Chart {
  svg: string;
  table: TableModel;
}

/** Colours with enough contrast on white (WCAG AA for text and marks); shapes and labels carry the meaning too. */
export const COLOURS = { superior: "#1b4f8a", local: "#b35806", grid: "#d0d0d0", text: "#222", muted: "#555" } as const;
