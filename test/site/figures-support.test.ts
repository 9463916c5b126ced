// View models of the figures page and the support finder, on the bundled document.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/model/schema.ts";
import { chartTable, figuresView, quantityTable, sortKey } from "../../src/site/figures.ts";
import { documentNav } from "../../src/site/nav.ts";
import { supportView } from "../../src/site/support.ts";

const doc = Document.parse(JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")));

describe("figuresView", () => {
  const view = figuresView(doc);

  it("has the five charts, each with a data table of the chart's rows", () => {
    expect(view.charts.map((c) => c.id)).toEqual(["chart-targets", "chart-subsidies", "chart-growth", "chart-deadlines", "chart-responsibilities"]);
    for (const chart of view.charts) {
      expect(chart.svg).toMatch(/^<svg [^>]*role="img"/);
      expect(chart.svg).not.toMatch(/\sstyle=/);
      expect(chart.table.rows.length).toBeGreaterThan(0);
    }
  });

  it("lists every quantity with an anchor, a task link, the value as printed and a numeric sort key", () => {
    const rows = view.quantities.rows;
    expect(rows).toHaveLength(doc.figures.quantities.length);
    const row = rows.find((r) => r.id === "q-t2-s-4")!;
    expect(row.cells.map((c) => c.text)).toEqual(["任务 2", "省工作举措", expect.stringContaining("小巨人"), "100万元", "奖补", "—", "—"]);
    expect(row.cells[0]).toMatchObject({ sort: 2, path: "luan-zjtx-2022/tasks/2/" });
    expect(row.cells[3]?.sort).toBe(100);
    expect(view.quantities.columns.map((c) => c.type)).toEqual(["number", "text", "text", "number", "text", "text", "text"]);
  });

  it("numbers local measures only where a task has several", () => {
    const sides = new Set(view.quantities.rows.map((r) => r.cells[1]!.text));
    expect([...sides].sort()).toEqual(["市贯彻落实措施", "省工作举措"]); // no bundled task with several local measures has a quantity
    const local = doc.figures.quantities.find((q) => q.side === "local")!;
    const inTask1 = { ...local, id: "t1-l1-1", task: 1, measure: 1 }; // task 1 has three local measures
    const table = quantityTable({ ...doc, figures: { ...doc.figures, quantities: [inTask1] } });
    expect(table.rows[0]?.cells[1]?.text).toBe("市贯彻落实措施（2）");
  });
});

describe("sortKey and chartTable", () => {
  it("reads the first number of a cell", () => {
    expect([sortKey("1,000家"), sortKey("10%"), sortKey("0.5"), sortKey("—")]).toEqual([1000, 10, 0.5, undefined]);
  });
  it("gives sort keys to number columns only", () => {
    const table = chartTable({ caption: "c", head: ["a", "b"], rows: [["x1", "2万元"]], types: ["text", "number"] });
    expect(table.rows[0]?.cells).toEqual([{ text: "x1" }, { text: "2万元", sort: 2 }]);
  });
});

describe("supportView", () => {
  const view = supportView(doc);
  const cards = view.groups.flatMap((g) => g.cards);

  it("lists every card once, grouped by topic in the rules' order", () => {
    expect(cards).toHaveLength(view.total);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(view.groups[0]?.label).toBe("资金奖补");
    expect(view.countText).toBe(`符合条件的支持措施：${view.total} 项`);
  });

  it("the 小巨人 award: 100万元, one-off, the condition as printed, 市经信局 to contact, task 2", () => {
    const card = cards.find((c) => c.heading === "100万元" && c.data.stages === "little-giant")!;
    expect(card.condition).toBe("获得国家级专精特新“小巨人”、单项冠军称号的企业");
    expect(card.oneOff).toBe(true);
    expect(card.contact).toEqual([{ name: "市经信局", slug: "shi-jing-xin-ju" }]);
    expect(card.taskPath).toBe("luan-zjtx-2022/tasks/2/");
    expect(card.data).toMatchObject({ topics: "funding", level: "provincial" });
    expect(card.level).toBe("省级（省工作举措）");
  });

  it("a card naming no stage applies to every stage; a card naming one applies to it alone", () => {
    const open = cards.find((c) => c.stages === "未限定企业阶段")!;
    expect(open.data.stages.split(" ")).toHaveLength(7);
    const city = cards.find((c) => c.heading === "10万元" && c.stages === "市专精特新")!;
    expect(city.data.stages).toBe("city");
  });

  it("offers the seven stages, the seven topics and the levels the cards have", () => {
    expect(view.stages.map((s) => s.label)).toEqual(["培育库", "创新型中小企业", "市专精特新", "省专精特新", "冠军", "小巨人", "单项冠军"]);
    expect(view.topics.map((t) => t.label)).toEqual(["资金奖补", "融资", "上市", "数字化", "人才", "要素保障", "市场开拓"]);
    expect(view.levels.map((l) => l.value)).toEqual(["provincial", "municipal"]);
  });
});

describe("documentNav", () => {
  it("links straight to the pages of the only document, else to the home page", () => {
    expect(documentNav(["d"])).toEqual({ figures: "d/figures/", support: "d/support/" });
    expect(documentNav(["a", "b"])).toEqual({ figures: "", support: "" });
  });
});

describe("figuresView of a document with no date and no quantities", () => {
  it("has no deadline or growth chart, and no NaN coordinate in the others", () => {
    const bare = { ...doc, date: "", figures: { quantities: [], subsidies: [], targetPairs: [], growthPaths: [] } };
    const view = figuresView(bare);
    expect(view.charts.map((c) => c.id)).toEqual(["chart-targets", "chart-subsidies", "chart-responsibilities"]);
    for (const chart of view.charts) expect(chart.svg).not.toContain("NaN");
    expect(view.quantities.rows).toEqual([]);
  });
});
