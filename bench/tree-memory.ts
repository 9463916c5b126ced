// The memory a process and all its descendants hold together, sampled from /proc while it runs: what the machine
// must have for a build whose steps run side by side (shards built at once), which the largest single process's
// peak (GNU time's figure) does not show. Linux only; elsewhere the peak stays undefined.
import { readdirSync, readFileSync } from "node:fs";

const PAGE = 4096;

/** Resident bytes of `root` and every process below it, now. */
export function treeRss(root: number): number {
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
      bytes += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE;
    } catch {
      // Ended meanwhile.
    }
  }
  return bytes;
}

/** Samples treeRss(pid) every `everyMs` until stopped; stop() returns the peak in MB (undefined without /proc). */
export function watchTreeMemory(pid: number, everyMs = 250): { stop(): number | undefined } {
  let peak: number | undefined;
  const sample = () => {
    try {
      peak = Math.max(peak ?? 0, treeRss(pid));
    } catch {
      // No /proc on this system.
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak === undefined ? undefined : peak / 1024 / 1024;
    },
  };
}
