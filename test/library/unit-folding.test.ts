// One name per department: the alias table folds short and full names, keeps the level and place apart, leaves
// collective names alone, and a city's own file adds or splits aliases.
import { describe, expect, it } from "vitest";
import { otherNames, unitFolding } from "../../src/ingest/unit-folding.ts";
import { UNIT_ALIASES } from "../../src/ingest/unit-aliases.ts";

describe("unit names across lists", () => {
  const fold = unitFolding();
  it.each([
    ["市经济和信息化局", "市经信局"],
    ["市经信局", "市经信局"],
    ["市发展和改革委员会", "市发改委"],
    ["市发展改革委", "市发改委"],
    ["市人力资源和社会保障局", "市人社局"],
    ["市市场监督管理局", "市市场监管局"],
    ["区住房和城乡建设局", "区住建局"],
    ["市科学技术局", "市科技局"],
    ["六安市经济和信息化局", "六安市经信局"],
    ["市地方金融监督管理局", "市金融监管局"],
  ])("%s is filed as %s", (printed, canonical) => {
    expect(fold.canonical(printed)).toBe(canonical);
  });

  it("keeps the level apart: 市经信局 is not 县经信局", () => {
    expect(fold.canonical("县经济和信息化局")).toBe("县经信局");
    expect(fold.canonical("县经济和信息化局")).not.toBe(fold.canonical("市经济和信息化局"));
  });

  it.each(["各县区政府", "各县区政府（管委）", "市直各部门", "各乡镇", "有关单位", "市“5+1”产业链推进组专班", "国网六安供电公司", "市财政局"])("leaves %s as printed", (name) => {
    expect(fold.canonical(name)).toBe(name);
  });

  it("a city's file joins names the table does not know and keeps others apart", () => {
    const local = unitFolding({ same: [["市数据资源局", "市大数据中心"]], separate: ["市地方金融监督管理局"] });
    expect(local.canonical("市大数据中心")).toBe("市数据资源局");
    expect(local.canonical("市地方金融监督管理局")).toBe("市地方金融监督管理局");
    expect(local.canonical("市金融监督管理局")).toBe("市金融监管局");
  });

  it("knows every other name of a department, with its level", () => {
    expect(otherNames("市经信局")).toContain("市经济和信息化局");
    expect(otherNames("县发改委")).toEqual(expect.arrayContaining(["县发展和改革委员会", "县发展改革委"]));
    expect(otherNames("市“5+1”产业链推进组专班")).toEqual([]);
  });

  it("the shipped table names no stem twice", () => {
    const stems = UNIT_ALIASES.flat();
    expect(new Set(stems).size).toBe(stems.length);
  });
});
