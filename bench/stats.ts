// Small statistics for benchmarks: every figure is the median of several runs, with min and max.
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s.at(-1)!, runs: s.length };
}

export function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
export const fmt = (s: Summary, unit = ms) => `${unit(s.median)} (min ${unit(s.min)}, max ${unit(s.max)}, ${s.runs} runs)`;
