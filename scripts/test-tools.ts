// Makes sure the programs the tests need outside Node are here (Chromium, Firefox ESR, LibreOffice, a CJK font), so `npm test`
// works on a fresh machine: as root on Debian/Ubuntu it installs what is missing; elsewhere it names the command.
//   node scripts/test-tools.ts
import { spawnSync } from "node:child_process";
import { detectSystem, findTools, installAdvice, linuxPackages, missingTools, TOOL_NAMES } from "../src/cli/tools.ts";
import type { Found } from "../src/cli/tools.ts";

function describe(found: Found): string {
  return `Chromium ${found.browser}, Firefox ${found.firefox}, LibreOffice ${found.soffice}, CJK font ${found["cjk-font"]}`;
}

/** Runs a command with its output held back: shown only when it fails, so a good install stays one line. */
function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status === 0) return true;
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trimEnd().split("\n").slice(-30).join("\n");
  console.error(`\ntest-tools: \`${command} ${args.join(" ")}\` failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  return false;
}

const found = findTools();
const missing = missingTools(found);
if (missing.length === 0) {
  console.log(`test-tools: all present: ${describe(found)}`);
  process.exit(0);
}

const system = detectSystem();
const names = missing.map((tool) => TOOL_NAMES[tool]).join(", ");
if (system.platform !== "linux" || system.packageManager !== "apt" || !system.root) {
  console.error(`test-tools: missing ${names}; ${installAdvice(missing, system)}`);
  process.exit(1);
}

const packages = linuxPackages(missing, "apt");
const started = performance.now();
process.stdout.write(`test-tools: missing ${names}; installing ${packages.join(" ")} with apt-get ... `);
if (!run("apt-get", ["update"]) || !run("apt-get", ["install", "-y", "--no-install-recommends", ...packages])) process.exit(1);
const after = findTools();
const still = missingTools(after);
if (still.length > 0) {
  console.log("");
  console.error(`test-tools: still missing ${still.map((tool) => TOOL_NAMES[tool]).join(", ")} after installing ${packages.join(" ")}`);
  process.exit(1);
}
console.log(`done in ${Math.round((performance.now() - started) / 1000)} s: ${describe(after)}`);
