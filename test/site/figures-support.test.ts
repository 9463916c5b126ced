// View models of the figures page and the support finder, on the bundled document; the finder over every list on
// the bundled list and the two library lists (test/fixtures/library/).
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../ingest/helpers.ts";
import { Document } from "../../src/model/schema.ts";
import { chartTable, figuresView, quantityTable, sortKey } from "../../src/site/figures.ts";
import { documentNav, navSection } from "../../src/site/nav.ts";
import { supportView } from "../../src/site/support.ts";
import { buildLibrary, byNewest } from "../../src/site/library.ts";
import type { SupportView, UnitSlugs } from "../../src/site/support.ts";

const doc = Document.parse(JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")));
/** The bundled list's units by the slugs its own units list gives (the library gives the same for one list). */
const ownSlugs: UnitSlugs = { slugOf: (_, name) => doc.units.find((u) => u.name === name)!.slug, labelOf: (slug) => `六安市 · ${doc.units.find((u) => u.slug === slug)!.canonical}` };

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

describe("supportView of the bundled list", () => {
  const view = supportView([doc], [doc], ownSlugs, doc.id);
  const cards = view.groups.flatMap((g) => [...g.named, ...g.open]);

  it("lists every card once, grouped by kind in the rules' order, each group closed until chosen", () => {
    expect(cards).toHaveLength(view.total);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(view.groups[0]?.label).toBe("奖补");
    expect(view.groups.map((g) => g.count)).toEqual(view.groups.map((g) => g.named.length + g.open.length));
    expect(view.groups.every((g) => !g.expanded)).toBe(true);
    expect(view.countText).toBe(`符合条件的支持措施：${view.total} 项`);
  });

  it("within a kind, the cards that name a stage first, those open to every stage apart", () => {
    for (const group of view.groups) {
      expect(group.named.every((c) => c.stages !== "未限定企业阶段"), group.label).toBe(true);
      expect(group.open.every((c) => c.stages === "未限定企业阶段"), group.label).toBe(true);
    }
    expect(view.groups[0]!.named.length).toBeGreaterThan(0);
    expect(view.groups[0]!.open.length).toBeGreaterThan(0);
  });

  it("the 小巨人 award: 100万元, one-off, the province's, its recipient and sentence, 市经信局 to contact, its government, list and task", () => {
    const card = cards.find((c) => c.heading === "100万元" && c.data.stages === "little-giant" && c.recipient?.startsWith("获得"))!;
    expect(card.recipient).toBe("获得国家级专精特新“小巨人”称号的企业");
    expect(card.condition).toContain("对获得国家级专精特新“小巨人”、单项冠军称号的企业分别给予一次性奖补100万元、200万元");
    expect(card).toMatchObject({ oneOff: true, superior: true, kindLabel: "奖补", government: "六安市", listDate: "2022年5月  日", claimable: true });
    expect(card.contact).toEqual([{ name: "市经信局", slug: "lu-an-shi-shi-jing-xin-ju", label: "六安市 · 市经信局" }]);
    expect(card.taskPath).toBe("luan-zjtx-2022/tasks/2/");
    expect(card.list).toEqual({ id: "luan-zjtx-2022", title: doc.title.replace(/\s*\n\s*/g, ""), path: "luan-zjtx-2022/" });
    expect(card.id.startsWith("luan-zjtx-2022-card-")).toBe(true);
    expect(card.data).toMatchObject({ kinds: "reward", kind: "reward", government: "六安市", list: "luan-zjtx-2022", yuan: "1000000", oneOff: "true", upTo: "" });
    expect(card.data.units.split(" ")).toContain("lu-an-shi-shi-jing-xin-ju");
    expect(card.level).toBe("省级（省工作举措）");
  });

  it("a card naming no stage applies to every stage; a card naming one applies to it alone", () => {
    const open = cards.find((c) => c.stages === "未限定企业阶段")!;
    expect(open.data.stages.split(" ")).toHaveLength(7);
    const city = cards.find((c) => c.heading === "10万元" && c.stages === "市专精特新")!;
    expect(city.data.stages).toBe("city");
  });

  it("offers the seven stages, the kinds the cards have, their departments, and no government choice for one government", () => {
    expect(view.stages.map((s) => s.label)).toEqual(["培育库", "创新型中小企业", "市专精特新", "省专精特新", "冠军", "小巨人", "单项冠军"]);
    expect(view.kinds.map((k) => k.label)).toEqual(["奖补", "补助", "担保", "融资", "上市挂牌", "政府采购", "要素保障", "人才培训", "市场开拓", "数字化改造", "服务"]);
    expect(view.units.map((u) => u.value)).toContain("lu-an-shi-shi-jing-xin-ju");
    expect(new Set(view.units.map((u) => u.value)).size).toBe(view.units.length);
    expect(view.governments).toEqual([{ value: "六安市", label: "六安市" }]);
  });
});

describe("documentNav", () => {
  it("links 目标与指标 straight to the only document's page, else to the chooser of lists; 政策找寻 to the finder over every list", () => {
    expect(documentNav(["d"])).toEqual({ figures: "d/figures/", support: "support/" });
    expect(documentNav(["a", "b"])).toEqual({ figures: "figures/", support: "support/" });
  });
});

describe("navSection", () => {
  it("puts each page under its header section: a list's own pages under 清单, its figures and finder under theirs", () => {
    const cases: Array<[string, string | undefined]> = [
      ["/", "home"], ["/lists/", "lists"], ["/lists/3/", "lists"], ["/luan-zjtx-2022/", "lists"], ["/luan-zjtx-2022/tasks/4/", "lists"],
      ["/luan-zjtx-2022/comparison/", "lists"], ["/luan-zjtx-2022/figures/", "figures"], ["/figures/", "figures"], ["/figures/2/", "figures"], ["/luan-zjtx-2022/support/", "support"],
      ["/support/", "support"], ["/units/", "units"], ["/units/lu-an-shi-shi-jing-xin-ju/2/", "units"], ["/search/", "search"], ["/404.html", undefined],
    ];
    expect(cases.map(([path]) => [path, navSection(path)])).toEqual(cases);
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

describe("supportView over every list", () => {
  const SOURCES = [
    ["luan-zjtx-2022", "seeds/luan-zjtx-2022.txt"],
    ["luan-shuzi-2023", "test/fixtures/library/luan-shuzi-2023.txt"],
    ["luan-yingshang-2024", "test/fixtures/library/luan-yingshang-2024.html"],
  ] as const;
  const NEWEST_FIRST = ["luan-yingshang-2024", "luan-shuzi-2023", "luan-zjtx-2022"];
  let documents: Document[];
  let all: SupportView;
  const cardsOf = (view: SupportView) => view.groups.flatMap((g) => [...g.named, ...g.open]);

  beforeAll(async () => {
    documents = await ingestFiles(SOURCES.map(([, path]) => path));
    expect(documents.map((d) => d.id)).toEqual(SOURCES.map(([id]) => id));
    all = supportView(documents, documents, buildLibrary(documents));
  });

  it("holds the cards of all three lists, each once", () => {
    const cards = cardsOf(all);
    expect(all.scope).toBeNull();
    expect(cards).toHaveLength(all.total);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(new Set(cards.map((c) => c.data.list))).toEqual(new Set(NEWEST_FIRST));
    expect(all.total).toBe(documents.reduce((n, d) => n + supportView(documents, documents, buildLibrary(documents), d.id).total, 0));
    expect(all.figuresPath).toBeNull();
    expect(all.allPath).toBe("support/");
  });

  it("orders the cards of a kind's parts newest list first, each list's cards in its own order", () => {
    const rank = (id: string) => NEWEST_FIRST.indexOf(id);
    for (const group of all.groups) {
      for (const part of [group.named, group.open]) {
        const ranks = part.map((c) => rank(c.data.list));
        expect(ranks, group.label).toEqual([...ranks].sort((a, b) => a - b));
      }
    }
  });

  it("names each card's list and task, and links its units to the departments' pages", () => {
    for (const card of cardsOf(all)) {
      const doc = documents.find((d) => d.id === card.data.list)!;
      expect(card.list).toEqual({ id: doc.id, title: doc.title.replace(/\s*\n\s*/g, ""), path: `${doc.id}/` });
      expect(card.taskPath).toMatch(new RegExp(`^${doc.id}/tasks/\\d+/$`));
      expect(card.heading).not.toBe("");
      expect(card.taskLabel).toMatch(/^任务 \d+ \S/);
    }
    // 市经济和信息化局 in the 2023 list is 市经信局's department.
    const shuzi = cardsOf(all).filter((c) => c.data.list === "luan-shuzi-2023");
    expect(shuzi.flatMap((c) => [...c.contact, ...c.cooperating])).toContainEqual({ name: "市经济和信息化局", slug: "lu-an-shi-shi-jing-xin-ju", label: "六安市 · 市经信局" });
  });

  it("a list's page holds only its cards, with the list chosen", () => {
    for (const id of NEWEST_FIRST) {
      const view = supportView(documents, documents, buildLibrary(documents), id);
      expect(view.scope?.id).toBe(id);
      expect(new Set(cardsOf(view).map((c) => c.data.list))).toEqual(new Set([id]));
      // The same cards, in the same groups and order, as the finder over every list filtered to the list.
      const ids = (groups: SupportView["groups"]) => groups.map((g) => [g.id, [...g.named, ...g.open].filter((c) => c.data.list === id).map((c) => c.id)]).filter(([, cs]) => cs.length > 0);
      expect(ids(view.groups)).toEqual(ids(all.groups));
      expect(view.figuresPath).toBe(`${id}/figures/`);
    }
    expect(() => supportView(documents, documents, buildLibrary(documents), "no-such-list")).toThrow(/no-such-list/);
    // A list shard holds its own list whole and the others in brief: its page needs only its own.
    const [own, ...others] = documents;
    const briefs = others.map(({ id, title, date, source, datePrinted, government, units }) => ({ id, title, date, source, datePrinted, government, units }));
    const scoped = supportView([own!, ...briefs], [own!], buildLibrary([own!, ...briefs]), own!.id);
    expect(scoped).toEqual(supportView(documents, documents, buildLibrary(documents), own!.id));
    expect(() => supportView([own!, ...briefs], [own!], buildLibrary([own!, ...briefs]))).toThrow(/is not at hand whole/);
  });

  it("sorts lists by date, newest first, a day's date and a month's alike, undated last", () => {
    const lists = [{ id: "a", date: "" }, { id: "b", date: "2022-05" }, { id: "c", date: "2024-02-28" }, { id: "d", date: "2023-03" }];
    expect([...lists].sort(byNewest).map((l) => l.id)).toEqual(["c", "d", "b", "a"]);
  });
});
