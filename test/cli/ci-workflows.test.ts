// The CI files a province runs its shards on (README, "Building in shards"): GitHub Actions and GitLab CI, each one
// job per shard and one merge. They must parse, build every shard of SHARDS once, merge exactly those folders, and
// run only npm scripts and build flags that exist — a renamed flag would otherwise break them unnoticed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = join(import.meta.dirname, "../..");
const read = (path: string) => parse(readFileSync(join(ROOT, path), "utf8")) as Record<string, any>;
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
/** The flags scripts/build.ts declares to parseArgs. */
const buildFlags = [...readFileSync(join(ROOT, "scripts/build.ts"), "utf8").matchAll(/^\s+"?([a-z-]+)"?: \{ type: "(?:string|boolean)"/gm)].map((m) => m[1]);

/** Every `npm run NAME -- --flag …` of the commands: the script must exist, and a build's flags must be build.ts's. */
function checkCommands(commands: string[]): void {
  for (const command of commands) {
    const run = /npm run ([\w:-]+)(?: -- (.*))?/.exec(command);
    if (!run) continue;
    expect(scripts).toContain(run[1]);
    if (run[1] === "build") for (const flag of (run[2] ?? "").match(/--[a-z-]+/g) ?? []) expect(buildFlags).toContain(flag.slice(2));
  }
}

const range = (k: number) => Array.from({ length: k }, (_, i) => i + 1);

describe("the GitHub Actions workflow", () => {
  const flow = read(".github/workflows/build-in-shards.yml");
  const k = Number(flow.env.SHARDS);
  const runs = (job: string) => (flow.jobs[job].steps as Array<{ run?: string }>).flatMap((s) => (s.run ? [s.run] : []));

  it("builds each shard of SHARDS in a matrix job and merges exactly those folders after them", () => {
    expect(k).toBeGreaterThan(1);
    expect(flow.jobs.shard.strategy.matrix.shard).toEqual(range(k));
    expect(runs("shard")).toContain("npm run build -- --shard ${{ matrix.shard }}/${{ env.SHARDS }} --out shard-${{ matrix.shard }}");
    expect(flow.jobs.merge.needs).toBe("shard");
    expect(runs("merge")).toContain(`npm run build -- --merge ${range(k).map((i) => `shard-${i}`).join(" ")} --out dist`);
  });

  it("keeps each shard's .shard.json in its artifact, and runs only scripts and flags that exist", () => {
    const uploads = (flow.jobs.shard.steps as Array<{ uses?: string; with?: Record<string, unknown> }>).filter((s) => s.uses?.startsWith("actions/upload-artifact"));
    expect(uploads.map((u) => u.with?.["include-hidden-files"])).toEqual([true]);
    checkCommands([...runs("shard"), ...runs("merge")]);
  });
});

describe("the GitLab CI file", () => {
  const ci = read(".gitlab-ci.yml");
  const k = Number(ci.variables.SHARDS);

  it("builds each shard of SHARDS in a parallel matrix and merges exactly those folders after them, as the GitHub workflow does", () => {
    expect(k).toBe(Number(read(".github/workflows/build-in-shards.yml").env.SHARDS));
    expect(ci.shard.parallel.matrix).toEqual([{ SHARD: range(k).map(String) }]);
    expect(ci.shard.script).toContain("npm run build -- --shard $SHARD/$SHARDS --out shard-$SHARD");
    expect(ci.shard.artifacts.paths).toEqual(["shard-$SHARD"]);
    expect(ci.merge.needs).toEqual(["shard"]);
    expect(ci.merge.script).toContain(`npm run build -- --merge ${range(k).map((i) => `shard-${i}`).join(" ")} --out dist`);
    expect(ci.stages).toEqual(["shards", "merge"]);
    checkCommands([...ci.shard.script, ...ci.merge.script]);
  });
});
