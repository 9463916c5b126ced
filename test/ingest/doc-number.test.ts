// Document numbers (文号): the list's own, from a line of its cover or its settings file, and the superior document
// the cover letter says the list implements. Both are absent, not empty, when nothing says them; the number's line
// never runs into the title, and the list's coverage is untouched.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCompanion } from "../../src/model/companion.ts";
import { parseCover } from "../../src/ingest/cover.ts";
import { foldNumber, implementedDocument, numberOfLine } from "../../src/ingest/doc-number.ts";
import { parseDocument } from "../../src/ingest/parse.ts";
import { SeedSettings, SETTINGS_SHAPE } from "../../src/ingest/settings.ts";
import { bundled, FIXTURES } from "./helpers.ts";

const YUNLING = readFileSync(join(FIXTURES, "governments", "yunling-zjtx-2025.txt"), "utf8");
const parse = (text: string, number?: string) => {
  const r = parseDocument(Buffer.from(text), { id: "made-up", file: "made-up.txt", ...(number ? { number } : {}) });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.document;
};

describe("the superior document a list implements", () => {
  it("the bundled list: the plan its title names, with the number its letter prints beside it", () => {
    const doc = bundled();
    expect(doc.implements).toEqual({ title: "安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知", number: "皖政办〔2022〕2号" });
    expect("number" in doc).toBe(false);
  });

  it("without a title that names it, the first document the letter cites after a verb of carrying out", () => {
    const paragraphs = ["根据《中华人民共和国中小企业促进法》（主席令〔2017〕74号），为深入贯彻落实《国务院办公厅关于进一步优化营商环境的意见》（国办发[2024]5号）精神，制定本清单。"];
    expect(implementedDocument("关于印发北山市2025年营商环境任务清单的通知", paragraphs)).toEqual({ title: "国务院办公厅关于进一步优化营商环境的意见", number: "国办发〔2024〕5号" });
    // A title that prints the list itself (印发《…》) names no superior document; a basis cited alone is not one.
    expect(implementedDocument("关于印发《北山市2025年数字经济发展工作要点》的通知", ["根据《中小企业促进法》（主席令〔2017〕74号）制定。"])).toBeUndefined();
    // A title's document without a number beside it anywhere: its title alone.
    expect(implementedDocument("关于贯彻落实《某省促进民营经济发展若干措施》的通知", ["现将任务清单印发给你们。"])).toEqual({ title: "某省促进民营经济发展若干措施" });
  });
});

describe("the list's own number", () => {
  it("a made-up cover with its number under the title: stored, kept out of the title, the rest as before", () => {
    const cover = parseCover(["云岭市人民政府办公室关于印发云岭市2025年专精特新企业培育任务清单的通知", "云政办〔2025〕3号", "各县区人民政府，市直各有关单位：", "现将清单印发给你们。", "云岭市人民政府办公室", "2025年3月10日"]);
    expect(cover.number).toBe("云政办〔2025〕3号");
    expect(cover.title).toBe("云岭市人民政府办公室关于印发云岭市2025年专精特新企业培育任务清单的通知");
    expect(cover.paragraphs).toEqual(["现将清单印发给你们。", "云岭市人民政府办公室"]);
    expect(cover.date).toBe("2025-03-10");
  });

  it("before the title or after the date, in a whole list: the title, government and coverage unchanged", () => {
    const plain = parse(YUNLING);
    for (const text of [`云政办〔2025〕3号\n\n${YUNLING}`, YUNLING.replace("2025年3月10日\n", "2025年3月10日\n\n云政办〔2025〕3号\n")]) {
      const doc = parse(text);
      expect(doc.number).toBe("云政办〔2025〕3号");
      expect([doc.title, doc.listTitle, doc.government, doc.preamble]).toEqual([plain.title, plain.listTitle, plain.government, plain.preamble]);
      expect(doc.coverage).toEqual(plain.coverage);
    }
  });

  it("folds the year's brackets to 〔〕 and keeps the rest as printed", () => {
    expect(["六政办[2022]12号", "六政办(2022)12号", "六政办［2022］12号", "六政办（2022）12号", "六政办 〔2022〕 12 号"].map(numberOfLine)).toEqual(Array(5).fill("六政办〔2022〕12号"));
    expect(numberOfLine("发文字号：皖政办函[2023]第3号")).toBe("皖政办函〔2023〕第3号");
    expect(foldNumber("国办发〔2024〕5号")).toBe("国办发〔2024〕5号");
    // A sentence that mentions a number is not the number's line.
    expect(numberOfLine("按照六政办〔2022〕12号文件要求")).toBeUndefined();
    expect(numberOfLine("2022年5月9日")).toBeUndefined();
  });

  it("a cover with neither: both absent, not empty", () => {
    const doc = parse(readFileSync(join(FIXTURES, "governments", "qinglan-yingshang-2025.txt"), "utf8"));
    expect("number" in doc).toBe(false);
    expect("implements" in doc).toBe(false);
  });

  it("the settings file states it for a source that does not print it, folded; an unknown key is still refused", () => {
    const read = parseCompanion("x.settings.json", '{ "government": "云岭市", "number": "云政办[2025]3号" }', SeedSettings, SETTINGS_SHAPE);
    expect(read).toEqual({ ok: true, value: { government: "云岭市", number: "云政办〔2025〕3号" } });
    expect(parse(YUNLING, "云政办〔2025〕4号").number).toBe("云政办〔2025〕4号");
    const bad = parseCompanion("x.settings.json", '{\n  "number": "第3号"\n}', SeedSettings, SETTINGS_SHAPE);
    expect(bad.ok ? [] : bad.problems).toEqual([{ file: "x.settings.json", line: 2, message: expect.stringMatching(/^at number: expected a document number \(文号\) such as 六政办〔2022〕12号; expected \{ "government": "六安市", "number": "六政办〔2022〕12号", "columns": \{ "责任处室": "lead" \} \}$/) }]);
    const unknown = parseCompanion("x.settings.json", '{ "numbr": "云政办〔2025〕3号" }', SeedSettings, SETTINGS_SHAPE);
    expect(unknown.ok ? [] : unknown.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^at top level: Unrecognized key: "numbr"/)]);
  });
});
