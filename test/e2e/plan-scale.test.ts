// A plan at a province's scale: 16 cities × 5 years = 80 lists of one superior document (the fixture's 白鹭 list with
// another city's name and year), built as one site. The plan's pages are paged by lists, so no page passes 1 MB.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlansContent } from "../../src/model/plans.ts";
import { LISTS_PER_PAGE } from "../../src/site/plans.ts";
import { PLAN_FIXTURES } from "../plans/lists.ts";
import { buildSite, ingestInto } from "./support/build.ts";
import { listFiles } from "./support/dist.ts";

const CITIES = ["青峰", "碧溪", "金台", "银湖", "松岭", "枫桥", "石门", "云台", "白沙", "清河", "桃源", "梅岭", "竹溪", "柳江", "杏林", "兰亭"];
const YEARS = [2022, 2023, 2024, 2025, 2026];
const MB = 1024 * 1024;

let work: string;
let out: string;
let plans: PlansContent;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "plan-scale-"));
  const seeds = join(work, "seeds");
  mkdirSync(seeds);
  const source = readFileSync(join(PLAN_FIXTURES, "bailu-zjtx-2022.txt"), "utf8");
  const files: string[] = [];
  CITIES.forEach((city, c) =>
    YEARS.forEach((year) => {
      const file = join(seeds, `city${c + 1}-zjtx-${year}.txt`);
      writeFileSync(file, source.replaceAll("白鹭", city).replace("2022年6月15日", `${year}年6月15日`));
      files.push(file);
    }),
  );
  ingestInto(files, join(work, "content"));
  plans = PlansContent.parse(JSON.parse(readFileSync(join(work, "content/_site/plans.json"), "utf8")));
  out = join(work, "dist");
  buildSite({ out, cache: join(work, "cache"), content: join(work, "content") });
}, 900_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("one plan of 16 cities × 5 years", () => {
  it("is one plan of 80 lists of 16 governments", () => {
    expect(plans.plans).toHaveLength(1);
    expect(plans.plans[0]!.lists).toHaveLength(80);
    expect(plans.plans[0]!.measures.every((m) => m.members.length === 80)).toBe(true);
  });

  it("its measure and matrix pages are paged by lists, and no page of the site is over 1 MB", () => {
    const html = listFiles(out).filter((f) => f.endsWith(".html"));
    const plan = plans.plans[0]!;
    const pages = Math.ceil(80 / LISTS_PER_PAGE);
    expect(html.filter((f) => f.startsWith(`plans/${plan.id}/measures/`))).toHaveLength(plan.measures.length * pages);
    expect(html.filter((f) => f.startsWith(`plans/${plan.id}/coverage/`))).toHaveLength(pages);
    const largest = html.map((f) => ({ f, bytes: statSync(join(out, f)).size })).sort((a, b) => b.bytes - a.bytes)[0]!;
    expect(largest.bytes, largest.f).toBeLessThan(MB);
    // The plan page lists all 80: one table row each.
    const planPage = readFileSync(join(out, `plans/${plan.id}/index.html`), "utf8");
    expect(planPage.match(/<tr>/g)?.length).toBe(81);
  });
});
