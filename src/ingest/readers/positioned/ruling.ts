// The lines a PDF page draws (stroked paths, and the thin filled rectangles Word and WPS draw borders with), in page
// space, from which tables.ts rebuilds the ruled tables. Pure: pdf.js's operator list in.

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export interface OperatorCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
}

/** pdf.js's path operators (DrawOPS): moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Horizontal and vertical segments the page draws; a filled rectangle thinner than 2 units is a line. */
export function segmentsOf(fnArray: readonly number[], argsArray: readonly unknown[], ops: OperatorCodes): Segment[] {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, argsArray[i] as Matrix);
    else if (fn === ops.constructPath) {
      const [paint, paths] = argsArray[i] as [number, Array<ArrayLike<number> | null>];
      const data = paths?.[0];
      if (!data) continue;
      const stroked = paint === ops.stroke || paint === ops.closeStroke;
      const filled = paint === ops.fill || paint === ops.eoFill;
      if (!stroked && !filled) continue;
      const points: Array<[number, number]> = [];
      const flush = () => {
        if (stroked) for (let k = 1; k < points.length; k++) out.push(line(points[k - 1]!, points[k]!));
        else if (points.length >= 4) {
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y2 - y1 < 2 && x2 - x1 >= 2) out.push({ x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 });
          else if (x2 - x1 < 2 && y2 - y1 >= 2) out.push({ x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
        }
        points.length = 0;
      };
      for (let k = 0; k < data.length; ) {
        const op = data[k++];
        if (op === MOVE) {
          flush();
          points.push(apply(ctm, data[k++]!, data[k++]!));
        } else if (op === LINE) points.push(apply(ctm, data[k++]!, data[k++]!));
        else if (op === CURVE) k += 6;
        else if (op === QUAD) k += 4;
        else if (op === CLOSE) {
          if (stroked && points.length) points.push(points[0]!);
        } else break;
      }
      flush();
    }
  }
  return out.filter((s) => s.x1 === s.x2 || s.y1 === s.y2 || Math.abs(s.x1 - s.x2) < 0.5 || Math.abs(s.y1 - s.y2) < 0.5);
}

function line(a: [number, number], b: [number, number]): Segment {
  return { x1: Math.min(a[0], b[0]), x2: Math.max(a[0], b[0]), y1: Math.min(a[1], b[1]), y2: Math.max(a[1], b[1]) };
}
