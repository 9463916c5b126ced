// The memory a process and all its descendants hold together, sampled from /proc while it runs: what the machine
// must have for a build whose steps run side by side (shards built at once), which the largest single process's
// peak (GNU time's figure) does not show. Linux only; elsewhere the peak stays undefined.
import { readdirSync, readFileSync } from "node:fs";

const PAGE = 4096;

/** Resident bytes of `root` and every process below it, now; `each` hears every one's. */
export function treeRss(root: number, each?: (pid: number, bytes: number) => void): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid …": the command may hold spaces and parentheses, so read after the last ")".
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  let bytes = 0;
  for (const pid of parent.keys()) {
    let p: number | undefined = pid;
    while (p !== undefined && p > 1 && p !== root) p = parent.get(p);
    if (p !== root) continue;
    try {
      const own = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE;
      bytes += own;
      each?.(pid, own);
    } catch {
      // Ended meanwhile.
    }
  }
  return bytes;
}

/** A process's command line, shortened: the script and the argument that tells shards apart. */
function label(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const script = argv.slice(0, 2).map((a) => a.replace(/^.*\//, "")).join(" ");
    const root = argv[argv.indexOf("--root") + 1];
    return argv.includes("--root") && root ? `${script} (${root.replace(/^.*\//, "")})` : script;
  } catch {
    return `pid ${pid}`;
  }
}

export interface TreeMemory {
  /** Peak of all the processes together, in MB (undefined without /proc). */
  peakMb: number | undefined;
  /** Every process seen, largest first by its own peak, in MB. */
  processes: { label: string; peakMb: number }[];
}

/** Samples treeRss(pid) every `everyMs` until stopped. */
export function watchTreeMemory(pid: number, everyMs = 250): { stop(): TreeMemory } {
  let peak: number | undefined;
  const perProcess = new Map<number, { label: string; peak: number }>();
  const sample = () => {
    try {
      peak = Math.max(
        peak ?? 0,
        treeRss(pid, (p, bytes) => {
          const seen = perProcess.get(p) ?? { label: label(p), peak: 0 };
          seen.peak = Math.max(seen.peak, bytes);
          perProcess.set(p, seen);
        }),
      );
    } catch {
      // No /proc on this system.
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  const mb = (b: number) => b / 1024 / 1024;
  return {
    stop() {
      clearInterval(timer);
      const processes = [...perProcess.values()].sort((a, b) => b.peak - a.peak).map((p) => ({ label: p.label, peakMb: mb(p.peak) }));
      return { peakMb: peak === undefined ? undefined : mb(peak), processes };
    },
  };
}
