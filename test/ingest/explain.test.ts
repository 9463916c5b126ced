// `npm run ingest -- --explain FILE`: the blocks as read, with their places and merged cells, and how the layout
// was chosen or why none was; nothing written.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest-command.ts";
import { FIXTURES } from "./helpers.ts";

async function explain(file: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runIngest({ files: [file], json: false, check: false, explain: true, help: false, log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out, err };
}

describe("--explain", () => {
  it("shows a table's rows with its merged cells, the header, each column's role and the layout built", async () => {
    const r = await explain(join(import.meta.dirname, "../../seeds/luan-zjtx-2022.txt"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("[16] table at 30: 31 rows × 5 columns");
    expect(r.out).toContain("    row 2: 一、梯度化培育优质企业群体 | ← | ← | ← | ←");
    expect(r.out).toContain("header: block [16], row 1: 任务事项 | 省工作举措 | 市贯彻落实措施 | 牵头责任单位 | 配合责任单位");
    expect(r.out).toContain("columns: 任务事项 → task, 省工作举措 → superior, 市贯彻落实措施 → measure, 牵头责任单位 → lead, 配合责任单位 → support");
    expect(r.out.at(-1)).toMatch(/^outcome: built, layout A \(table with a superior column\): 7 chapters, 20 tasks, 23 measures/);
  });

  it("says why no layout was found, and the refusal, exiting 1", async () => {
    const file = join(FIXTURES, "malformed-undecided-layout", "input.txt");
    const r = await explain(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("[3] paragraph at 4: 1.推进项目建设。");
    expect(r.out).toContain("layout: none — no label lines (牵头单位：…) and no unit parentheses (（…牵头，…配合）) in the paragraphs");
    expect(r.out.at(-1)).toMatch(/^outcome: refused: .*input\.txt:1: cannot decide the layout/);
  });

  it("shows the roles the columns were taken for when the table is refused for them", async () => {
    const r = await explain(join(FIXTURES, "malformed-no-lead-column", "input.txt"));
    expect(r.out).toContain("columns: 序号 → number, 重点任务 → measure, 责任单位 → responsible, 完成时限 → deadline");
    expect(r.out.at(-1)).toMatch(/^outcome: refused: .*input\.txt:5: the table has no lead column, only “责任单位”/);
  });

  it("takes one file", async () => {
    const err: string[] = [];
    const two = await runIngest({ files: ["a.txt", "b.txt"], json: false, check: false, explain: true, help: false, log: () => {}, error: (l) => err.push(l) });
    expect(two).toBe(1);
    expect(err[0]).toMatch(/^--explain takes exactly one FILE/);
  });
});
