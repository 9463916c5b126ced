// Reads a V8 sampling heap profile (node --heap-prof, written when the process exits: what it still held) and
// prints where that memory was allocated: by package or project file of the allocating function, by function, and
// by the project's own frame nearest the allocation (which of our calls led there).
//   node bench/heap-profile.ts FILE.heapprofile [--top 15]
// bench/scale.ts --heap-prof DIR writes one per build process.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  callFrame: CallFrame;
  selfSize: number;
  children: ProfileNode[];
}

/**
 * "node_modules/astro/…" → "astro"; a project file → its path from src/, scripts/…; a chunk Astro bundled the
 * project's pages into (.astro/.prerender/chunks/figures_DWV-fWnB.mjs) → "chunk figures"; V8's own → "(v8 / native)".
 */
export function owner(url: string): string {
  if (url === "") return "(v8 / native)";
  const chunk = /\.prerender\/chunks\/(.+?)_[\w-]{8}\.mjs$/.exec(url);
  if (chunk) return `chunk ${chunk[1]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/((?:src|scripts|bench|dist|\.astro)\/.*)$/.exec(url);
  if (own) return own[1]!.replace(/\?.*$/, "");
  if (url.startsWith("node:")) return "(node)";
  return url.replace(/^.*\//, "");
}

/** The project's code: its sources, or the chunks Astro bundled its pages into (which hold some libraries too). */
const isOwn = (url: string) => (/\/src\//.test(url) && !/node_modules/.test(url)) || /\.prerender\/chunks\//.test(url);

export interface HeapSummary {
  total: number;
  byOwner: Map<string, number>;
  byFunction: Map<string, number>;
  byOwnFrame: Map<string, number>;
}

export function summarizeProfile(head: ProfileNode): HeapSummary {
  const summary: HeapSummary = { total: 0, byOwner: new Map(), byFunction: new Map(), byOwnFrame: new Map() };
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  // Iterative: a deep stack must not overflow this script's own.
  const stack: Array<{ node: ProfileNode; own: string }> = [{ node: head, own: "(no project frame)" }];
  while (stack.length) {
    const { node, own } = stack.pop()!;
    const { functionName, url, lineNumber } = node.callFrame;
    const here = isOwn(url) ? `${functionName || "(anonymous)"} ${owner(url)}:${lineNumber + 1}` : own;
    if (node.selfSize > 0) {
      summary.total += node.selfSize;
      add(summary.byOwner, owner(url), node.selfSize);
      add(summary.byFunction, `${functionName || "(anonymous)"} ${owner(url)}:${lineNumber + 1}`, node.selfSize);
      add(summary.byOwnFrame, here, node.selfSize);
    }
    for (const child of node.children) stack.push({ node: child, own: here });
  }
  return summary;
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "15" } } });
  const top = Number(values.top);
  for (const file of positionals) {
    const summary = summarizeProfile((JSON.parse(readFileSync(file, "utf8")) as { head: ProfileNode }).head);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).padStart(8)} MB`;
    const show = (title: string, map: Map<string, number>) => {
      console.log(`  ${title}`);
      for (const [key, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${mb(n)}  ${((n / summary.total) * 100).toFixed(0).padStart(3)}%  ${key}`);
    };
    console.log(`${file}: ${mb(summary.total).trim()} held at exit (sampled)`);
    show("by package or file of the allocating function", summary.byOwner);
    show("by allocating function", summary.byFunction);
    show("by the project's frame nearest the allocation", summary.byOwnFrame);
  }
}
