// The issuing government of a list, and its departments: read from the letter, the signature or the title; 六安's
// 市经信局 and 云岭's 市经信局 are two departments in a library, 云岭市经济和信息化局 and 市经信局 one.
import { describe, expect, it } from "vitest";
import { departmentLabel, readGovernment, relativeName } from "../../src/ingest/government.ts";
import { buildLibrary } from "../../src/site/library.ts";
import { ingestFiles } from "./helpers.ts";

const cover = (title: string, listTitle = "", paragraphs: string[] = []) => ({ title, listTitle, paragraphs });

describe("readGovernment", () => {
  it("reads the issuer of the letter's title, the signature, or a title that opens with the place", () => {
    expect(readGovernment(cover("云岭市人民政府办公室关于印发云岭市2025年专精特新企业培育任务清单的通知"), [])).toEqual({ name: "云岭市", from: "title" });
    expect(readGovernment(cover("青岚区人民政府关于…的通知"), [])).toEqual({ name: "青岚区", from: "title" });
    expect(readGovernment(cover("关于印发《北山市2025年数字经济发展工作要点》的通知", "", ["清河县人民政府办公室"]), [])).toEqual({ name: "清河县", from: "signature" });
    expect(readGovernment(cover("关于…的通知"), ["抄送：市委办公室", "霍山县人民政府"])).toEqual({ name: "霍山县", from: "signature" });
    expect(readGovernment(cover("六安市2023年制造业数字化转型重点任务分工方案"), [])).toEqual({ name: "六安市", from: "list-title" });
    expect(readGovernment(cover("关于…的通知", "黔东南苗族侗族自治州贯彻落实…清单"), [])).toEqual({ name: "黔东南苗族侗族自治州", from: "list-title" });
  });

  it("takes the settings file's word over the text", () => {
    expect(readGovernment(cover("云岭市人民政府办公室关于…"), [], "六安市")).toEqual({ name: "六安市", from: "settings" });
  });

  it("does not take the superior government a title cites, nor an opening that is not a place, for the issuer", () => {
    const bundled = cover("关于贯彻落实《安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知》的通知", "贯彻落实《安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知》任务和责任清单");
    expect(readGovernment(bundled, [])).toEqual({ name: "", from: "none" });
    expect(readGovernment(cover("贯彻落实省委全会精神重点任务清单"), [])).toEqual({ name: "", from: "none" });
    expect(readGovernment(cover("2025年重点工作任务清单"), ["市经信局"])).toEqual({ name: "", from: "none" });
  });
});

describe("a government's departments", () => {
  it("reduces the government's own place to its level, and only its own", () => {
    expect(relativeName("六安市经信局", "六安市")).toBe("市经信局");
    expect(relativeName("霍山县经信局", "六安市")).toBe("霍山县经信局");
    expect(relativeName("市经信局", "")).toBe("市经信局");
    expect(departmentLabel("六安市", "市经信局")).toBe("六安市 · 市经信局");
    expect(departmentLabel("", "市经信局")).toBe("市经信局");
  });

  it("keeps two cities' 市经信局 apart in a library, and folds a city's own spellings into one", async () => {
    const docs = await ingestFiles(["seeds/luan-zjtx-2022.txt", "test/fixtures/governments/yunling-zjtx-2025.txt", "test/fixtures/governments/qinglan-yingshang-2025.txt"]);
    expect(docs.map((d) => d.government)).toEqual([
      { name: "六安市", from: "settings" },
      { name: "云岭市", from: "title" },
      { name: "青岚区", from: "list-title" },
    ]);
    const library = buildLibrary(docs);
    const jingxin = library.departments.filter((d) => d.canonical.endsWith("经信局"));
    expect(jingxin.map((d) => [d.label, d.slug, d.lists.map((l) => l.doc.id)])).toEqual([
      ["六安市 · 市经信局", "lu-an-shi-shi-jing-xin-ju", ["luan-zjtx-2022"]],
      ["青岚区 · 区经信局", "qing-lan-qu-qu-jing-xin-ju", ["qinglan-yingshang-2025"]],
      ["云岭市 · 市经信局", "yun-ling-shi-shi-jing-xin-ju", ["yunling-zjtx-2025"]],
    ]);
    const yunling = library.department("yun-ling-shi-shi-jing-xin-ju")!;
    // Only what the lists print is a name of it; the alias table's names are for search, with the place in full.
    expect(yunling.names).toEqual(["市经信局", "云岭市经济和信息化局"]);
    expect(yunling.otherNames).toContain("云岭市经信局");
    expect(yunling.otherNames).toContain("市经信委");
    expect(yunling.otherNames).not.toContain("六安市经信局");
    expect(library.slugOf("yunling-zjtx-2025", "云岭市经济和信息化局")).toBe("yun-ling-shi-shi-jing-xin-ju");
    expect(library.slugOf("luan-zjtx-2022", "市经信局")).toBe("lu-an-shi-shi-jing-xin-ju");
    expect(library.namesOf("lu-an-shi-shi-jing-xin-ju")).toEqual(["市经信局"]);
    // Each department's tasks are its own government's: 云岭's page holds none of 六安's.
    expect(yunling.leadCount).toBe(2);
    expect(library.department("lu-an-shi-shi-jing-xin-ju")!.leadCount).toBe(docs[0]!.units.find((u) => u.name === "市经信局")!.lead.length);
  });
});
