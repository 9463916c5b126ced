// Ruled tables of a PDF page: the drawn lines (ruling.ts) clustered into grids, each grid place merged with its
// neighbour where the line between them is not drawn (a merged cell), the page's text runs placed in the cells.
// Pure: segments and text items in, tables with their cells' items out; lines.ts makes the cells' paragraphs.
import type { Segment } from "./ruling.ts";
import type { TextItem } from "./lines.ts";

/** Two lines closer than this are one (a border drawn twice, a rounding). */
const SAME = 2;

interface H {
  y: number;
  x1: number;
  x2: number;
}
interface V {
  x: number;
  y1: number;
  y2: number;
}

export interface GridTable {
  /** Column boundaries left to right, row boundaries top to bottom (PDF y grows upwards, so descending). */
  xs: number[];
  ys: number[];
  /** Per place: merged with the place to its left or above, or its own cell. */
  covered: Array<Array<"left" | "above" | undefined>>;
  /** The text runs of each cell, by its anchor place "r:c". */
  items: Map<string, TextItem[]>;
  top: number;
  bottom: number;
}

function mergeRuns<T>(segs: T[], key: (s: T) => number, from: (s: T) => number, to: (s: T) => number, make: (k: number, a: number, b: number) => T): T[] {
  const sorted = [...segs].sort((a, b) => key(a) - key(b) || from(a) - from(b));
  const out: T[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(key(last) - key(s)) <= SAME && from(s) <= to(last) + SAME) out[out.length - 1] = make(key(last), from(last), Math.max(to(last), to(s)));
    else out.push(s);
  }
  return out;
}

const unique = (values: number[]) => values.sort((a, b) => a - b).filter((v, i, all) => i === 0 || v - all[i - 1]! > SAME);

const crosses = (h: H, v: V) => v.x >= h.x1 - SAME && v.x <= h.x2 + SAME && h.y >= v.y1 - SAME && h.y <= v.y2 + SAME;

/** The page's ruled tables, top first: each a cluster of at least two horizontal and two vertical lines that cross. */
export function findTables(segments: readonly Segment[], items: readonly TextItem[]): { tables: GridTable[]; outside: TextItem[] } {
  const hs = mergeRuns<H>(
    segments.filter((s) => Math.abs(s.y1 - s.y2) < 0.5 && s.x2 - s.x1 > 4).map((s) => ({ y: s.y1, x1: s.x1, x2: s.x2 })),
    (s) => s.y, (s) => s.x1, (s) => s.x2, (y, x1, x2) => ({ y, x1, x2 }),
  );
  const vs = mergeRuns<V>(
    segments.filter((s) => Math.abs(s.x1 - s.x2) < 0.5 && s.y2 - s.y1 > 4).map((s) => ({ x: s.x1, y1: s.y1, y2: s.y2 })),
    (s) => s.x, (s) => s.y1, (s) => s.y2, (x, y1, y2) => ({ x, y1, y2 }),
  );
  // Union-find over the lines: a horizontal and a vertical that cross are of one table.
  const parent = [...hs.map((_, i) => i), ...vs.map((_, i) => hs.length + i)];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) => vs.forEach((v, j) => crosses(h, v) && (parent[find(i)] = find(hs.length + j))));
  const groups = new Map<number, { h: H[]; v: V[] }>();
  hs.forEach((h, i) => { const g = groups.get(find(i)) ?? { h: [], v: [] }; g.h.push(h); groups.set(find(i), g); });
  vs.forEach((v, j) => { const g = groups.get(find(hs.length + j)) ?? { h: [], v: [] }; g.v.push(v); groups.set(find(hs.length + j), g); });

  const tables: GridTable[] = [];
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const xs = unique(v.map((s) => s.x));
    const ys = unique(h.map((s) => s.y)).reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    const hasV = (x: number, top: number, bottom: number) => v.some((s) => Math.abs(s.x - x) <= SAME && s.y1 <= bottom + SAME && s.y2 >= top - SAME);
    const hasH = (y: number, left: number, right: number) => h.some((s) => Math.abs(s.y - y) <= SAME && s.x1 <= left + SAME && s.x2 >= right - SAME);
    const covered = ys.slice(0, -1).map((top, r) =>
      xs.slice(0, -1).map((left, c): "left" | "above" | undefined => {
        const bottom = ys[r + 1]!;
        const right = xs[c + 1]!;
        if (c > 0 && !hasV(left, top, bottom)) return "left";
        if (r > 0 && !hasH(top, left, right)) return "above";
        return undefined;
      }),
    );
    tables.push({ xs, ys, covered, items: new Map(), top: ys[0]!, bottom: ys.at(-1)! });
  }
  tables.sort((a, b) => b.top - a.top);

  const outside: TextItem[] = [];
  for (const item of items) {
    const cx = item.x + item.width / 2;
    const cy = item.y + (item.height || 10) * 0.35;
    const table = tables.find((t) => cy <= t.top && cy >= t.bottom && cx >= t.xs[0]! && cx <= t.xs.at(-1)!);
    if (!table) {
      outside.push(item);
      continue;
    }
    let c = table.xs.findIndex((x, i) => i < table.xs.length - 1 && cx >= x && cx < table.xs[i + 1]!);
    let r = table.ys.findIndex((y, i) => i < table.ys.length - 1 && cy <= y && cy > table.ys[i + 1]!);
    if (c < 0) c = table.xs.length - 2;
    if (r < 0) r = table.ys.length - 2;
    [r, c] = anchorOf(table, r, c);
    const key = `${r}:${c}`;
    table.items.set(key, [...(table.items.get(key) ?? []), item]);
  }
  return { tables, outside };
}

/** The place whose cell covers (r, c): left, then up, until a place of its own. */
export function anchorOf(table: Pick<GridTable, "covered">, r: number, c: number): [number, number] {
  for (let guard = 0; guard < 10_000; guard++) {
    const here = table.covered[r]?.[c];
    if (here === "left") c--;
    else if (here === "above") r--;
    else break;
  }
  return [r, c];
}
