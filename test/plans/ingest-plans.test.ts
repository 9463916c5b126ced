// The ingest writes content/_site/plans.json from every list the folder will hold: a run given one file still counts
// the lists already there, --check compares it, and a folder whose lists implement nothing has no plans file.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest-command.ts";
import { PlansContent } from "../../src/model/plans.ts";
import { PLANS_FILE } from "../../src/site/content-files.ts";
import { planSourceFiles } from "./lists.ts";

async function ingest(files: string[], out: string, check = false) {
  const lines: string[] = [];
  const code = await runIngest({ files, out, json: false, check, help: false, log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return { code, output: lines.join("\n") };
}

describe("the ingest's plans file", () => {
  it("counts the lists already in the folder when given one more, and --check catches a stale one", async () => {
    const work = mkdtempSync(join(tmpdir(), "ingest-plans-"));
    const [bundled, bailu, yunxi] = planSourceFiles(work);
    const out = join(work, "content");
    expect((await ingest([bundled!, bailu!], out)).code).toBe(0);
    const read = () => PlansContent.parse(JSON.parse(readFileSync(join(out, PLANS_FILE), "utf8")));
    expect(read().plans[0]!.lists).toEqual(["bailu-zjtx-2022", "luan-zjtx-2022"]);
    const third = await ingest([yunxi!], out);
    expect(third.code, third.output).toBe(0);
    expect(third.output).toMatch(/^plan 皖政办〔2022〕2号 → .*plans\.json: 3 list\(s\), 20 superior measure\(s\)$/m);
    expect(read().plans[0]!.lists).toEqual(["bailu-zjtx-2022", "luan-zjtx-2022", "yunxi-zjtx-2022"]);
    expect((await ingest([yunxi!], out, true)).code).toBe(0);
    writeFileSync(join(out, PLANS_FILE), "{}\n");
    const stale = await ingest([yunxi!], out, true);
    expect(stale.code).toBe(1);
    expect(stale.output).toMatch(/plans\.json: differs from what seeds\/ produce/);
  });

  it("writes none for lists that implement no superior document", async () => {
    const work = mkdtempSync(join(tmpdir(), "ingest-noplan-"));
    const out = join(work, "content");
    const r = await ingest([join(import.meta.dirname, "../fixtures/governments/yunling-zjtx-2025.txt")], out);
    expect(r.code, r.output).toBe(0);
    expect(existsSync(join(out, PLANS_FILE))).toBe(false);
    expect(r.output).not.toMatch(/^plan /m);
  });
});
