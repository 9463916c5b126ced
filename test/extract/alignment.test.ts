// Superior ↔ local targets on the same subject, the local share, and the overrides file (FILE:LINE on bad ids).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { alignTargets, rulePairs } from "../../src/extract/alignment.ts";
import { parseDocument } from "../../src/ingest/parse.ts";
import { formatProblem } from "../../src/ingest/blocks.ts";
import { bundledWithFigures, quantity, SOURCE } from "./helpers.ts";

const doc = bundledWithFigures();
const pairText = (p: { superior: string; local: string }) => `${quantity(doc, p.superior).subject} ${quantity(doc, p.superior).value} ↔ ${quantity(doc, p.local).value}`;

describe("target alignment", () => {
  it("pairs the hand-checked subjects with their local share", () => {
    const pairs = doc.figures.targetPairs;
    const by = (subject: string, value: number) => pairs.find((p) => quantity(doc, p.superior).subject === subject && quantity(doc, p.superior).value === value)!;
    expect(by("省级新产品", 500)).toMatchObject({ task: 5, localShare: 0.02, source: "rule" });
    expect(quantity(doc, by("省级新产品", 500).local).value).toBe(10);
    expect(by("工业机器人", 8000)).toMatchObject({ localShare: 0.0625, source: "rule" });
    expect(by("省级绿色工厂", 300)).toMatchObject({ localShare: 0.1 });
    expect(quantity(doc, by("省级绿色工厂", 300).local).subject).toBe("省市级绿色工厂");
    expect(by("省专精特新企业", 500)).toMatchObject({ localShare: 0.024 });
  });

  it("leaves unlike subjects unpaired (国家绿色工厂, 创新型中小企业, 首台套装备)", () => {
    const paired = new Set(doc.figures.targetPairs.map((p) => quantity(doc, p.superior).subject));
    for (const subject of ["国家绿色工厂", "创新型中小企业", "首台套装备", "技术改造示范线"]) expect(paired.has(subject), subject).toBe(false);
  });

  it("counts 12 pairs from the rule and 1 from the overrides file", () => {
    const rule = doc.figures.targetPairs.filter((p) => p.source === "rule");
    const override = doc.figures.targetPairs.filter((p) => p.source === "override");
    expect(rule).toHaveLength(12);
    expect(override.map(pairText)).toEqual(["“皖企登云”企业 6000 ↔ 200"]);
    expect(override[0].note).toMatch(/皖企登云/);
  });

  it("applies unpair and pair overrides, and rejects unknown or misplaced ids", () => {
    const qs = doc.figures.quantities;
    const first = rulePairs(qs)[0];
    expect(alignTargets(qs, { pairs: [], unpair: [{ superior: first.superior, local: first.local }] }).pairs.some((p) => p.superior === first.superior)).toBe(false);
    const bad = alignTargets(qs, { pairs: [{ superior: "t99-s-1", local: first.superior }], unpair: [] });
    expect(bad.problems.map((p) => p.token)).toEqual(["t99-s-1", first.superior]);
  });

  it("reports a bad overrides file as FILE:LINE: and builds nothing", () => {
    const text = '{\n  "pairs": [\n    { "superior": "t6-s-2", "local": "t6-l0-9" }\n  ]\n}\n';
    const r = parseDocument(readFileSync(SOURCE), { id: "x", file: "x.txt", overrides: { file: "seeds/x.overrides.json", text } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => formatProblem("x.txt", p))).toEqual([
      'seeds/x.overrides.json:3: pair names quantity "t6-l0-9", which the document does not have; expected an id from the quantities (see the CSV download)',
    ]);
    const broken = parseDocument(readFileSync(SOURCE), { id: "x", file: "x.txt", overrides: { file: "o.json", text: '{ "pairs": [ { "superior": 1 } ] }' } });
    expect(!broken.ok && formatProblem("x.txt", broken.problems[0])).toMatch(/^o\.json:1: at pairs\.0\.superior: /);
    const notJson = parseDocument(readFileSync(SOURCE), { id: "x", file: "x.txt", overrides: { file: "o.json", text: "{\n  pairs: []\n}" } });
    expect(!notJson.ok && formatProblem("x.txt", notJson.problems[0])).toMatch(/^o\.json:2: not valid JSON/);
  });
});
