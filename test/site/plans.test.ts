// The plan pages' view models (src/site/plans.ts) on the fixture's four lists: each city's measures for a superior
// measure, the lists that leave it out, the coverage matrix's states, and the superior targets with the cities' summed.
import { describe, expect, it } from "vitest";
import { plansOf } from "../../src/plans/plans.ts";
import { buildLibrary } from "../../src/site/library.ts";
import { coverageState, coverageView, measurePage, planView, ratioPercent } from "../../src/site/plans.ts";
import { coverageChart } from "../../src/site/plans.ts";
import { planLists } from "../plans/lists.ts";

async function setup() {
  const docs = await planLists();
  const plan = plansOf(docs).plans[0]!;
  const library = buildLibrary(docs);
  const lookup = (id: string) => library.document(id);
  return { docs, plan, library, lookup };
}

describe("a plan's pages", () => {
  it("the plan page lists its four lists of four governments, with how many of the 20 measures each carries", async () => {
    const { plan, lookup } = await setup();
    const view = planView(plan, lookup);
    expect(view.governments).toBe(4);
    expect(view.lists.map((l) => [l.government, l.carried])).toEqual([["白鹭市", 6], ["六安市", 20], ["松溪市", 6], ["云溪市", 4]]);
    expect(view.withoutSuperior).toEqual([]);
  });

  it("measure 3 shows three cities' measures with their lead units, and 云溪 as 未列入", async () => {
    const { plan, lookup, library } = await setup();
    const view = measurePage(plan, 3, 1, lookup, library);
    expect(view.cities.map((c) => c.list.government)).toEqual(["白鹭市", "六安市", "松溪市"]);
    expect(view.absent.map((l) => l.government)).toEqual(["云溪市"]);
    for (const city of view.cities) {
      expect(city.tasks).toHaveLength(1);
      expect(city.tasks[0]!.measures.length).toBeGreaterThan(0);
      expect(city.tasks[0]!.measures.every((m) => m.lead.length + m.responsible.length > 0)).toBe(true);
      // A department link is its government's: 白鹭's 市经信局 is not 六安's.
      expect(city.tasks[0]!.measures.flatMap((m) => m.lead).every((u) => u.label.startsWith(city.list.government))).toBe(true);
    }
    expect(view.previous?.n).toBe(2);
    expect(view.next?.n).toBe(4);
  });

  it("the province's 500家 against 12 + 12 + 36 + 24家: summed once per government, with the share", async () => {
    const { plan, lookup, library } = await setup();
    const view = measurePage(plan, 2, 1, lookup, library);
    const target = view.targets.find((t) => t.value === 500 && t.unit === "家")!;
    expect(target.subject).toContain("省专精特新企业");
    expect(Object.fromEntries(target.rows.map((r) => [r.list.government, r.value]))).toEqual({ 白鹭市: 12, 六安市: 12, 松溪市: 36, 云溪市: 24 });
    expect(target.sum).toEqual({ value: 84, lists: 4, ratio: 84 / 500 });
    expect(ratioPercent(target.sum!.ratio)).toBe("16.8%");
  });

  it("a city whose target is in another unit or that states none is shown so and left out of the sum", async () => {
    const { docs, plan, library } = await setup();
    const songxi = docs.find((d) => d.government.name === "松溪市")!;
    const pair = songxi.figures.targetPairs.find((p) => p.task === 2 && songxi.figures.quantities.find((q) => q.id === p.superior)?.value === 500)!;
    const changed = {
      ...songxi,
      figures: { ...songxi.figures, quantities: songxi.figures.quantities.map((q) => (q.id === pair.local ? { ...q, unit: "个" } : q)) },
    };
    const lookup = (id: string) => (id === songxi.id ? changed : library.document(id));
    const target = measurePage(plan, 2, 1, lookup, library).targets.find((t) => t.value === 500)!;
    expect(target.rows.find((r) => r.list.government === "松溪市")).toMatchObject({ why: "unit", printed: ["36家"] });
    expect(target.sum).toEqual({ value: 48, lists: 3, ratio: 48 / 500 });
    // 松溪 cut task 4's text before the province's 100个 target: no row of its own for that target.
    const four = measurePage(plan, 4, 1, lookup, library).targets.find((t) => t.unit === "个");
    expect(four?.rows.map((r) => r.list.government)).not.toContain("松溪市");
  });

  it("the coverage matrix has a cell per measure and list: 未列入 where a list leaves the measure out, a share elsewhere", async () => {
    const { plan, lookup } = await setup();
    const view = coverageView(plan, 1, lookup);
    expect(view.rows).toHaveLength(20);
    const yunxi = view.lists.findIndex((l) => l.government === "云溪市");
    expect(view.rows.map((r) => r.cells[yunxi]!.state === "absent")).toEqual(Array.from({ length: 20 }, (_, i) => ![0, 1, 3, 5].includes(i)));
    expect(view.rows.every((r) => r.cells.every((c) => (c.state === "absent") === (c.share === undefined)))).toBe(true);
    const chart = coverageChart(view);
    expect((chart.svg.match(/>未列入</g) ?? []).length).toBe(view.rows.reduce((n, r) => n + r.cells.filter((c) => c.state === "absent").length, 0));
    expect(chart.table.rows).toHaveLength(20);
    expect(chart.table.rows[2]!.cells[yunxi + 1]!.text).toBe("未列入");
  });

  it("the share decides the word: 照搬 from 80%, 自拟 under 30%", () => {
    const share = (s: number) => ({ localCharacters: 100, copiedCharacters: s * 100, share: s });
    expect([coverageState(undefined), coverageState(share(0.8)), coverageState(share(0.79)), coverageState(share(0.3)), coverageState(share(0.29))]).toEqual([
      "absent",
      "copied",
      "partly",
      "partly",
      "own",
    ]);
  });
});
