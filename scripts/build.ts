// Full site build: ingest (seeds/ → content/) → astro build → pagefind index, into one output folder.
//   npm run build                                   → dist/
//   node scripts/build.ts --out DIR [--base /zjtx/] [--site URL] [--skip-ingest]
// Every step runs on this Node (process.execPath), so `npm run build` uses the project's Node 24.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    out: { type: "string", default: "dist" },
    base: { type: "string" },
    site: { type: "string" },
    "skip-ingest": { type: "boolean", default: false },
  },
});

const outDir = resolve(root, values.out ?? "dist");
const env: NodeJS.ProcessEnv = { ...process.env, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: "1" };
if (values.base !== undefined) env["BASE_PATH"] = values.base;
if (values.site !== undefined) env["SITE_URL"] = values.site;

function step(name: string, script: string, args: string[]): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, [resolve(root, script), ...args], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`build: ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`build: ${name} done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

if (!values["skip-ingest"]) step("ingest", "scripts/ingest.ts", []);
step("astro", "node_modules/astro/bin/astro.mjs", ["build", "--silent"]);
// The extended Pagefind binary segments Chinese; the language comes from <html lang="zh-CN">.
step("pagefind", "node_modules/pagefind/lib/runner/bin.cjs", ["--site", outDir, "--quiet"]);
