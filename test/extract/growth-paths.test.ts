// Growth paths as lists of stages: the source typo 企业一省 is kept in the text but read as an arrow.
import { describe, expect, it } from "vitest";
import { findGrowthPaths } from "../../src/extract/growth-paths.ts";
import { bundledWithFigures, measureText } from "./helpers.ts";

const doc = bundledWithFigures();

describe("growth paths", () => {
  it("reads the superior and the local ladder of task 2", () => {
    const [superior, local] = doc.figures.growthPaths;
    expect(superior.stages.map((s) => s.text)).toEqual(["创新型中小企业", "省专精特新企业", "省专精特新冠军企业", "国家级小巨人企业", "国家级单项冠军企业"]);
    expect(local.stages.map((s) => s.text)).toEqual(["培育库", "市专精特新企业", "省专精特新企业", "省专精特新冠军企业", "国家级小巨人企业", "国家级重点小巨人企业", "国家制造业单项冠军"]);
    expect(superior.printed).toContain("省专精特新企业一省专精特新冠军企业"); // as printed
    for (const path of [superior, local]) for (const s of path.stages) expect(measureText(doc, path).slice(s.start, s.end)).toBe(s.text);
  });

  it("does not split on 一 inside names", () => {
    const [path] = findGrowthPaths({ task: 1, side: "local", measure: 0, text: "按照“一室一中心→统一平台企业”成长路径" });
    expect(path.stages.map((s) => s.text)).toEqual(["一室一中心", "统一平台企业"]);
  });
});
