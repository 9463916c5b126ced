// View models of the bundled document: the facts each page shows.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/model/schema.ts";
import { documentOverview, taskViews } from "../../src/site/view.ts";
import { buildLibrary, departmentPages } from "../../src/site/library.ts";
import { responsibilityCsv } from "../../src/site/downloads.ts";
import { searchFilterOptions } from "../../src/site/search.ts";

const doc = Document.parse(JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")));

describe("documentOverview", () => {
  it("counts tasks, local measures and units", () => {
    expect(documentOverview(doc).counts).toEqual({ tasks: 20, measures: 23, units: 21 });
  });
  it("keeps the chapters in order with their tasks", () => {
    const chapters = documentOverview(doc).chapters;
    expect(chapters.map((c) => c.label)[0]).toBe("一、梯度化培育优质企业群体");
    expect(chapters.map((c) => c.tasks.map((t) => t.number))).toEqual([
      [1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11], [12, 13, 14], [15, 16, 17], [18, 19, 20],
    ]);
  });
});

const library = buildLibrary([doc]);

describe("taskViews", () => {
  const views = taskViews(doc, library);
  it("links neighbours across chapters and stops at the ends", () => {
    expect(views[0]?.previous).toBeUndefined();
    expect(views[1]?.next?.number).toBe(3); // task 2 is the last of chapter 一
    expect(views[19]?.next).toBeUndefined();
  });
  it("resolves units to their slugs and collects the lead units of all measures", () => {
    const first = views[0]!;
    expect(first.measures.map((m) => m.lead.map((u) => u.name))).toEqual([["市经信局", "市科技局"], ["市科技局"], ["市“5+1”产业链推进组专班"]]);
    expect(first.leadUnits.map((u) => u.name)).toEqual(["市经信局", "市科技局", "市“5+1”产业链推进组专班"]);
    expect(first.measures[0]?.lead[1]).toEqual({ name: "市科技局", slug: "lu-an-shi-shi-ke-ji-ju", label: "六安市 · 市科技局" });
  });
  it("gives each measure the dates its own text sets", () => {
    expect(views.find((v) => v.number === 8)!.measures[0]!.datesInText).toEqual([{ printed: "到2025年", last: "2025-12-31" }]);
    expect(views[0]!.measures.every((m) => m.datesInText.length === 0)).toBe(true);
  });
  it("fails loudly when a measure names a unit the units list lacks", () => {
    const broken = { ...doc, units: doc.units.filter((u) => u.name !== "市科技局") };
    expect(() => taskViews(broken, buildLibrary([broken]))).toThrow(/市科技局/);
  });
});

describe("units", () => {
  it("summarises lead and support counts", () => {
    expect(library.departments.find((u) => u.canonical === "市人社局")).toMatchObject({ leadCount: 1, supportCount: 4 });
  });
  it("lists only the measures in which the unit has the role", () => {
    const [page] = departmentPages(library, library.department("lu-an-shi-shi-ke-ji-ju")!);
    const list = page!.lists[0]!;
    expect(list.led.map((e) => [e.number, e.measures.map((m) => m.n)])).toEqual([[1, [1, 2]], [3, [1]]]);
    expect(list.supported.map((e) => e.number)).toEqual([4, 19]);
  });
});

describe("downloads and search choices", () => {
  it("writes one CSV row per local measure", () => {
    expect(responsibilityCsv(doc).trimEnd().split("\r\n")).toHaveLength(24);
  });
  it("offers chapters in document order and only units that hold the role", () => {
    const options = searchFilterOptions([doc]);
    // One group, the list's, its values naming the government and the list before the chapter.
    expect(options.chapter.map((g) => g.label)).toEqual([`六安市 · ${doc.title}`]);
    const chapters = options.chapter[0]!.choices;
    expect(chapters).toHaveLength(7);
    expect(chapters[6]).toEqual({ label: "七、保障措施", value: `六安市 · ${doc.title} › 七、保障措施` });
    expect(options.lead).toContain("六安市 · 市人社局");
    expect(options.lead).not.toContain("六安市 · 市发改委"); // supports only
    expect(options.document).toEqual([`六安市 · ${doc.title}`]);
  });
});
