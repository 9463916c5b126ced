// Facts of the bundled Lu'an list that must hold, checked against the source by hand.
import { describe, expect, it } from "vitest";
import { allItems, bundled } from "./helpers.ts";

describe("the bundled document", () => {
  const doc = bundled();
  const items = allItems(doc);

  it("has 7 chapters, 20 items and 23 local measures", () => {
    expect(doc.chapters).toHaveLength(7);
    expect(items.map((i) => i.number)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    expect(items.reduce((n, i) => n + i.local.length, 0)).toBe(23);
  });

  it("takes the column labels from the header row", () => {
    expect(doc.columns).toEqual([
      { role: "task", label: "任务事项" },
      { role: "superior", label: "省工作举措" },
      { role: "measure", label: "市贯彻落实措施" },
      { role: "lead", label: "牵头责任单位" },
      { role: "support", label: "配合责任单位" },
    ]);
    expect(doc.layout).toBe("superior-table");
  });

  it("gives item 1 three measures with their own lead units", () => {
    expect(items[0].local.map((m) => m.lead)).toEqual([["市经信局", "市科技局"], ["市科技局"], ["市“5+1”产业链推进组专班"]]);
    expect(items[0].local[2].support).toEqual(["各县区政府（管委）"]);
    expect(items[0].at).toEqual([{ line: 38 }, { line: 56 }]);
  });

  it("joins a unit split over paragraphs back together", () => {
    expect(items[18].local[0].support.at(-1)).toBe("各县区政府（管委）");
    expect(doc.units.map((u) => u.name)).not.toContain("（管委）");
  });

  it("keeps the text as printed: typos, NBSP, stray spaces, half-width commas", () => {
    expect(items[1].upper).toContain("企业一省专精特新");
    expect(items.some((i) => i.local.some((m) => m.text.includes("积极参与积极参与")) || i.upper!.includes("积极参与积极参与"))).toBe(true);
    expect(items[15].upper).toContain("1000 场");
    expect(items[0].local[1].text).toContain("运用,支持");
    expect(items.some((i) => i.local.some((m) => m.text.includes("\u00A0")))).toBe(true);
  });

  it("reads the cover letter", () => {
    expect(doc.title).toBe("关于贯彻落实《安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知》的通知");
    expect(doc.preamble.addressees).toBe("各县区人民政府，市开发区管委，市直相关单位：");
    expect(doc.preamble.paragraphs).toHaveLength(4);
    expect(doc.preamble.paragraphs[1]).toMatch(/^一、提高工作站位/);
    expect(doc.date).toBe("2022-05");
    expect(doc.datePrinted).toBe("2022年5月  日");
    expect(doc.listTitle).toMatch(/任务和责任清单$/);
  });

  it("indexes units with the tasks they lead and support", () => {
    const hr = doc.units.find((u) => u.name === "市人社局")!;
    expect(hr.lead).toEqual([14]);
    expect(hr.support).toEqual([1, 12, 17, 19]);
    expect(new Set(doc.units.map((u) => u.slug)).size).toBe(doc.units.length);
    for (const u of doc.units) expect(u.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("covers every non-blank character of the table", () => {
    expect(doc.coverage.covered).toBe(doc.coverage.characters);
    expect(doc.coverage.characters).toBeGreaterThan(8000);
  });
});
