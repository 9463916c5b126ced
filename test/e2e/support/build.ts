// Runs the site build (scripts/build.ts) into a folder of a test's own, with its own Astro cache.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../..");

export interface BuildOptions {
  out: string;
  /** Astro's cache folder; separate ones let builds run side by side. */
  cache: string;
  base?: string;
  site?: string;
  /** Another ingest's output instead of content/. */
  content?: string;
  /** More of scripts/build.ts's options (e.g. --shard 2/3). */
  args?: string[];
  /** More environment (e.g. SEARCH_INDEX_PAGES). */
  env?: NodeJS.ProcessEnv;
}

/** Builds from content/ (or options.content) without re-ingesting; throws with the build's output on failure. */
export function buildSite(options: BuildOptions): void {
  const args = ["scripts/build.ts", "--out", options.out, "--skip-ingest"];
  if (options.base) args.push("--base", options.base);
  if (options.site) args.push("--site", options.site);
  if (options.content) args.push("--content", options.content);
  if (options.args) args.push(...options.args);
  const result = runBuild(args.slice(1), { ...options.env, ASTRO_CACHE_DIR: options.cache });
  if (result.status !== 0) throw new Error(`site build into ${options.out} failed:\n${result.stdout}\n${result.stderr}`);
}

/** scripts/build.ts with these arguments, whatever its outcome. */
export function runBuild(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ["scripts/build.ts", ...args], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
}

/** The ingest CLI: source files → a content folder. Throws with its output on failure. */
export function ingestInto(files: string[], out: string): string {
  const result = spawnSync(process.execPath, ["scripts/ingest.ts", ...files, "--out", out], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`ingest failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}
