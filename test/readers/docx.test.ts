// The Word reader: grids with merges, Word's automatic numbering as text, the text Word shows despite its markup quirks, and hostile files refused with a problem.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Block, ReadResult, Table, TableCell } from "../../src/ingest/blocks.ts";
import { formatNumber } from "../../src/ingest/readers/docx/numbering.ts";
import { readDocx } from "../../src/ingest/readers/docx/read.ts";
import { LIMITS } from "../../src/ingest/readers/limits.ts";
import { documentXml, writeDocx, type DocxCell, type DocxSpec } from "../support/docx-writer.ts";

function ok(result: ReadResult): Block[] {
  if (!result.ok) throw new Error(result.problems.map((p) => `${JSON.stringify(p.at)}: ${p.message}`).join("\n"));
  expect(result.encoding).toBe("docx");
  return result.blocks;
}

function read(spec: DocxSpec): Block[] {
  return ok(readDocx(writeDocx(spec)));
}

/** A document whose body is raw WordprocessingML, for markup the description cannot say. */
function readBody(body: string, spec: Partial<DocxSpec> = {}): Block[] {
  return read({ blocks: [], ...spec, extraParts: { "word/document.xml": documentXml(body), ...spec.extraParts } });
}

const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.kind === "table");
/** A grid as text: covered places as ^ (above) and < (left), paragraphs joined with |. */
const grid = (table: Table) => table.rows.map((row) => row.map((c) => (c.covered === "above" ? "^" : c.covered === "left" ? "<" : c.paragraphs.join("|"))));

const p = (text: string, props = "") => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${inner}</w:tc>`;

/** The shape of a 任务和责任清单: a header, a chapter row across the table, a task spanning three measure rows. */
const LIST: DocxCell[][] = [
  [{ text: "序号" }, { text: "重点任务" }, { text: "具体措施" }, { text: "牵头单位" }],
  [{ text: "一、梯度化培育优质企业群体", gridSpan: 4 }],
  [{ text: "1", vMerge: "restart" }, { text: "催生更多市场主体。", vMerge: "restart" }, { text: "健全完善孵化器。" }, { text: "市科技局" }],
  [{ text: "", vMerge: "continue" }, { text: "", vMerge: "continue" }, { text: ["参与“创业安徽”行动。", "培育创新型企业。"] }, { text: "市人社局" }],
  [{ text: "", vMerge: "continue" }, { text: "", vMerge: "continue" }, { text: "加快成果转化。" }, { text: "市市场监管局" }],
];

describe("readDocx: paragraphs and tables", () => {
  it("reads a list table with a chapter row across it and a task cell spanning three measure rows", () => {
    const blocks = read({ blocks: [{ paragraph: "附件" }, { paragraph: "任务和责任清单" }, { table: LIST }] });
    expect(texts(blocks)).toEqual(["附件", "任务和责任清单"]);
    const [table] = tables(blocks);
    expect(grid(table)).toEqual([
      ["序号", "重点任务", "具体措施", "牵头单位"],
      ["一、梯度化培育优质企业群体", "<", "<", "<"],
      ["1", "催生更多市场主体。", "健全完善孵化器。", "市科技局"],
      ["^", "^", "参与“创业安徽”行动。|培育创新型企业。", "市人社局"],
      ["^", "^", "加快成果转化。", "市市场监管局"],
    ]);
    // Covered places carry no text, so nothing is read twice.
    for (const row of table.rows) for (const cell of row) if (cell.covered) expect(cell.paragraphs).toEqual([]);
  });

  it("places every block and cell: body paragraphs counted with the empty ones, cells by grid column", () => {
    const blocks = read({
      blocks: [
        { paragraph: "标题" },
        { paragraph: "" },
        { paragraph: "   " },
        { paragraph: "正文" },
        { table: [[{ text: "甲", gridSpan: 2 }, { text: "乙" }], [{ text: "丙" }, { text: "丁" }, { text: "戊" }]] },
        { paragraph: "表后" },
        { table: [[{ text: "己" }]] },
      ],
    });
    expect(blocks.map((b) => [b.kind, b.at])).toEqual([
      ["paragraph", { paragraph: 1 }],
      ["paragraph", { paragraph: 4 }],
      ["table", { table: 1, row: 1, column: 1 }],
      ["paragraph", { paragraph: 5 }],
      ["table", { table: 2, row: 1, column: 1 }],
    ]);
    const [first] = tables(blocks);
    expect(first.rows.map((row) => row.map((c) => c.at))).toEqual([
      [{ table: 1, row: 1, column: 1 }, { table: 1, row: 1, column: 2 }, { table: 1, row: 1, column: 3 }],
      [{ table: 1, row: 2, column: 1 }, { table: 1, row: 2, column: 2 }, { table: 1, row: 2, column: 3 }],
    ]);
    expect(grid(first)).toEqual([["甲", "<", "乙"], ["丙", "丁", "戊"]]);
  });

  it("gives rows with gridBefore/gridAfter, and short rows, empty cells up to the table's grid width", () => {
    const blocks = readBody(
      `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
        `<w:tr>${tc(p("a"))}${tc(p("b"))}${tc(p("c"))}${tc(p("d"))}</w:tr>` +
        `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc(p("e"))}${tc(p("f"))}</w:tr>` +
        `<w:tr>${tc(p("g"))}</w:tr>` +
        `<w:tr><w:trPr><w:hidden/></w:trPr>${tc(p("hidden row"), '<w:gridSpan w:val="4"/>')}</w:tr>` +
        `<w:tr><w:trPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:trPr>${tc(p("deleted row"), '<w:gridSpan w:val="4"/>')}</w:tr>` +
        `</w:tbl>`,
    );
    const [table] = tables(blocks);
    expect(grid(table)).toEqual([
      ["a", "b", "c", "d"],
      ["", "e", "f", ""],
      ["g", "", "", ""],
      ["hidden row", "<", "<", "<"],
    ]);
    expect(table.rows[1].map((c) => c.covered)).toEqual([undefined, undefined, undefined, undefined]);
    expect(table.rows[1][1].at).toEqual({ table: 1, row: 2, column: 2 });
  });

  it("keeps a nested table's text as further paragraphs of its cell, drops empty paragraphs, trims layout blanks", () => {
    const nested = `<w:tbl><w:tr>${tc(p("内表一"))}${tc(p("内表二"))}</w:tr><w:tr>${tc(p("内表三"))}</w:tr></w:tbl>`;
    const blocks = readBody(
      `${p("\u3000\u3000正文首行缩进\u00a0 ")}<w:tbl><w:tr>${tc(`${p("外层")}<w:p/>${p("  ")}${nested}<w:p/>`)}${tc("<w:p/>")}</w:tr></w:tbl>`,
    );
    expect(texts(blocks)).toEqual(["正文首行缩进"]);
    expect(grid(tables(blocks)[0])).toEqual([["外层|内表一|内表二|内表三", ""]]);
    expect(tables(blocks)[0].at).toEqual({ table: 1, row: 1, column: 1 });
  });

  it("reads paragraphs and tables inside block-level content controls and custom XML", () => {
    const blocks = readBody(
      `<w:sdt><w:sdtPr><w:alias w:val="封面"/></w:sdtPr><w:sdtContent>${p("控件里的段落")}</w:sdtContent></w:sdt>` +
        `<w:customXml w:element="x">${p("自定义XML")}</w:customXml>` +
        `<w:tbl><w:sdt><w:sdtContent><w:tr><w:sdt><w:sdtContent>${tc(p("行和格在控件里"))}</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>` +
        p("其后"),
    );
    expect(blocks.map((b) => (b.kind === "paragraph" ? [b.text, b.at] : [grid(b), b.at]))).toEqual([
      ["控件里的段落", { paragraph: 1 }],
      ["自定义XML", { paragraph: 2 }],
      [[["行和格在控件里"]], { table: 1, row: 1, column: 1 }],
      ["其后", { paragraph: 3 }],
    ]);
  });
});

describe("readDocx: the container", () => {
  it("finds the main part through _rels/.rels, under any name", () => {
    const blocks = read({
      blocks: [],
      extraParts: {
        "_rels/.rels":
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>',
        "word/main.xml": documentXml(p("主文档")),
        "word/document.xml": documentXml(p("不是主文档")),
      },
    });
    expect(texts(blocks)).toEqual(["主文档"]);
  });

  it("reads Strict OOXML and a document whose WordprocessingML prefix is not w:", () => {
    const strict = readBody("", {
      extraParts: {
        "word/document.xml": '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>',
      },
    });
    expect(texts(strict)).toEqual(["严格格式"]);
    const numbering = '<x:numbering xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:abstractNum x:abstractNumId="1"><x:lvl x:ilvl="0"><x:start x:val="1"/><x:numFmt x:val="chineseCounting"/><x:lvlText x:val="%1、"/></x:lvl></x:abstractNum><x:num x:numId="1"><x:abstractNumId x:val="1"/></x:num></x:numbering>';
    const other = readBody("", {
      numbering: [],
      extraParts: {
        "word/numbering.xml": numbering,
        "word/document.xml":
          '<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:pPr><x:numPr><x:ilvl x:val="0"/><x:numId x:val="1"/></x:numPr></x:pPr><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">别的</x:t></x:r><x:r><x:t>前缀</x:t></x:r></x:p>' +
          '<x:tbl><x:tr><x:tc><x:tcPr><x:gridSpan x:val="2"/></x:tcPr><x:p><x:r><x:t>跨两列</x:t></x:r></x:p></x:tc></x:tr></x:tbl></x:body></x:document>',
      },
    });
    expect(texts(other)).toEqual(["一、别的前缀"]);
    expect(grid(tables(other)[0])).toEqual([["跨两列", "<"]]);
  });
});

const CHAPTERS = {
  numId: 1,
  levels: [
    { level: 0, format: "chineseCounting", text: "%1、" },
    { level: 1, format: "decimal", text: "%2." },
    { level: 2, format: "decimal", text: "（%3）" },
  ],
};

describe("readDocx: Word's automatic numbering", () => {
  it("prefixes body paragraphs with 一、 1. （1） by level, restarting deeper levels", () => {
    const n = (level: number) => ({ numId: 1, level });
    const blocks = read({
      numbering: [CHAPTERS],
      blocks: [
        { paragraph: "总体要求", numbering: n(0) },
        { paragraph: "指导思想", numbering: n(1) },
        { paragraph: "坚持创新", numbering: n(2) },
        { paragraph: "坚持协调", numbering: n(2) },
        { paragraph: "主要目标", numbering: n(1) },
        { paragraph: "到2025年", numbering: n(2) },
        { paragraph: "重点任务", numbering: n(0) },
        { paragraph: "培育企业", numbering: n(1) },
        { paragraph: "未编号的说明" },
        { paragraph: "强化服务", numbering: n(1) },
      ],
    });
    expect(texts(blocks)).toEqual([
      "一、总体要求",
      "1.指导思想",
      "（1）坚持创新",
      "（2）坚持协调",
      "2.主要目标",
      "（1）到2025年",
      "二、重点任务",
      "1.培育企业",
      "未编号的说明",
      "2.强化服务",
    ]);
  });

  it("counts past 十 in Chinese: 十、 十一、", () => {
    const blocks = read({ numbering: [CHAPTERS], blocks: Array.from({ length: 12 }, (_, i) => ({ paragraph: `第${i + 1}项`, numbering: { numId: 1, level: 0 } })) });
    expect(texts(blocks).slice(8)).toEqual(["九、第9项", "十、第10项", "十一、第11项", "十二、第12项"]);
  });

  it("continues a list shared by two w:num, and restarts one that has a startOverride", () => {
    const levels = [{ level: 0, format: "decimal", text: "%1." }];
    const blocks = read({
      numbering: [
        { numId: 1, abstract: 10, levels },
        { numId: 2, abstract: 10, levels },
        { numId: 3, abstract: 10, startOverride: 1, levels },
        { numId: 4, abstract: 10, startOverride: 5, levels },
      ],
      blocks: [
        { paragraph: "甲", numbering: { numId: 1, level: 0 } },
        { paragraph: "乙", numbering: { numId: 1, level: 0 } },
        { paragraph: "丙", numbering: { numId: 2, level: 0 } },
        { paragraph: "丁", numbering: { numId: 3, level: 0 } },
        { paragraph: "戊", numbering: { numId: 3, level: 0 } },
        { paragraph: "己", numbering: { numId: 1, level: 0 } },
        { paragraph: "庚", numbering: { numId: 4, level: 0 } },
      ],
    });
    expect(texts(blocks)).toEqual(["1.甲", "2.乙", "3.丙", "1.丁", "2.戊", "3.己", "5.庚"]);
  });

  it("writes a 序号 column drawn only by numbering as 1, 2, 3, not counting merged-away places", () => {
    const seq = { numId: 7, level: 0 };
    const blocks = read({
      numbering: [{ numId: 7, levels: [{ level: 0, format: "decimal", text: "%1" }] }],
      blocks: [
        {
          table: [
            [{ text: "序号" }, { text: "任务" }],
            [{ text: "", numbering: seq }, { text: "甲" }],
            [{ text: "", numbering: seq, vMerge: "restart" }, { text: "乙" }],
            [{ text: "", numbering: seq, vMerge: "continue" }, { text: "乙续" }],
            [{ text: "", numbering: seq }, { text: "丙" }],
          ],
        },
      ],
    });
    expect(grid(tables(blocks)[0]).map((r) => r[0])).toEqual(["序号", "1", "2", "^", "3"]);
  });

  it("numbers body paragraphs and table cells of one list in document order", () => {
    const n = { numId: 1, level: 1 };
    const blocks = read({
      numbering: [CHAPTERS],
      blocks: [{ paragraph: "正文中的一项", numbering: n }, { table: [[{ text: "表中的一项", numbering: n }], [{ text: ["表中的又一项", "续行"], numbering: n }]] }, { paragraph: "表后一项", numbering: n }],
    });
    expect(texts(blocks)).toEqual(["1.正文中的一项", "4.表后一项"]);
    expect(grid(tables(blocks)[0])).toEqual([["2.表中的一项"], ["3.表中的又一项|续行"]]);
  });

  it("takes numbering from the paragraph style and its bases; a direct numId 0 removes it", () => {
    const blocks = read({
      numbering: [CHAPTERS],
      styles: [
        { id: "Heading1", numbering: { numId: 1, level: 0 } },
        { id: "Heading2", basedOn: "Heading1", numbering: { numId: 1, level: 1 } },
        { id: "MyHeading2", basedOn: "Heading2" },
      ],
      blocks: [
        { paragraph: "总体要求", style: "Heading1" },
        { paragraph: "目标", style: "MyHeading2" },
        { paragraph: "任务", style: "Heading2" },
      ],
    });
    expect(texts(blocks)).toEqual(["一、总体要求", "1.目标", "2.任务"]);
    const removed = readBody(`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>`, {
      numbering: [CHAPTERS],
      styles: [{ id: "Heading1", numbering: { numId: 1, level: 0 } }],
    });
    expect(texts(removed)).toEqual(["不编号"]);
  });

  it("reads multi-level labels, isLgl, lvlRestart, style-linked levels, numStyleLink, bullets and none", () => {
    const lvl = (ilvl: number, fmt: string, text: string, extra = "") =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering =
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "chineseCounting", "第%1章", '<w:pStyle w:val="Chapter"/>')}${lvl(1, "decimal", "%1.%2", "<w:isLgl/>")}${lvl(2, "decimal", "%1.%2.%3", '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2">${lvl(0, "bullet", "\uF0B7")}${lvl(1, "none", "")}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="3"><w:styleLink w:val="ListStyle"/>${lvl(0, "upperLetter", "%1)")}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="4"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="4"/></w:num>` +
      `</w:numbering>`;
    const np = (text: string, numId: number, ilvl?: number, style = "") =>
      `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ""}<w:numPr>${ilvl === undefined ? "" : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const blocks = readBody(
      [
        `<w:p><w:pPr><w:pStyle w:val="Chapter"/></w:pPr><w:r><w:t>总则</w:t></w:r></w:p>`,
        np("一节", 1, 1),
        np("一款", 1, 2),
        np("二款", 1, 2),
        np("分则", 1, 0),
        np("又一款", 1, 2),
        np("要点", 2, 0),
        np("无号", 2, 1),
        np("甲项", 3, 0),
        np("乙项", 4, 0),
      ].join(""),
      { numbering: [], styles: [{ id: "Chapter", numbering: { numId: 1 } }], extraParts: { "word/numbering.xml": numbering } },
    );
    expect(texts(blocks)).toEqual([
      "第一章总则",
      "1.1一节",
      "一.1.1一款",
      "一.1.2二款",
      "第二章分则",
      // Level 3 never restarts (lvlRestart 0); level 2, not used since 第二章, shows its start.
      "二.1.3又一款",
      "要点",
      "无号",
      "A)甲项",
      "B)乙项",
    ]);
  });

  it("formats every number format a Chinese list uses", () => {
    const cases: Array<[string, number[], string[]]> = [
      ["decimal", [1, 10, 123], ["1", "10", "123"]],
      ["decimalZero", [1, 9, 10, 100], ["01", "09", "10", "100"]],
      ["chineseCounting", [1, 10, 11, 19, 20, 21, 99, 100, 101], ["一", "十", "十一", "十九", "二十", "二十一", "九十九", "一〇〇", "一〇一"]],
      ["chineseCountingThousand", [10, 11, 100, 101, 110, 1000, 1001, 10000], ["十", "十一", "一百", "一百〇一", "一百一十", "一千", "一千〇一", "一万"]],
      ["chineseLegalSimplified", [1, 2, 3, 10, 11, 20, 101], ["壹", "贰", "叁", "壹拾", "壹拾壹", "贰拾", "壹佰零壹"]],
      ["ideographTraditional", [1, 2, 3, 10, 11], ["甲", "乙", "丙", "癸", "11"]],
      ["ideographDigital", [1, 10, 2024], ["一", "一〇", "二〇二四"]],
      ["decimalEnclosedCircle", [1, 2, 20, 21], ["①", "②", "⑳", "21"]],
      ["decimalEnclosedCircleChinese", [1, 10], ["①", "⑩"]],
      ["decimalEnclosedParen", [1, 2, 20], ["⑴", "⑵", "⒇"]],
      ["decimalEnclosedFullstop", [1], ["⒈"]],
      ["decimalFullWidth", [1, 12], ["１", "１２"]],
      ["upperLetter", [1, 26, 27, 28], ["A", "Z", "AA", "BB"]],
      ["lowerLetter", [1, 3], ["a", "c"]],
      ["upperRoman", [1, 4, 9, 14, 40, 1994], ["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]],
      ["lowerRoman", [3, 12], ["iii", "xii"]],
      ["none", [1], [""]],
      ["bullet", [1], [""]],
      ["someFutureFormat", [7], ["7"]],
    ];
    for (const [format, values, expected] of cases) expect(values.map((v) => formatNumber(v, format)), format).toEqual(expected);
    expect(formatNumber(2_000_000_000, "upperLetter").length).toBeLessThanOrEqual(64);
  });
});

const QUIRKY: DocxSpec = {
  numbering: [CHAPTERS, { numId: 2, levels: [{ level: 0, format: "decimal", text: "%1" }] }],
  blocks: [
    { paragraph: "关于印发《专精特新中小企业倍增行动方案》任务和责任清单的通知" },
    { paragraph: "" },
    { paragraph: "总体要求", numbering: { numId: 1, level: 0 } },
    { paragraph: "加快培育一批专精特新“小巨人”企业", numbering: { numId: 1, level: 1 } },
    { paragraph: "到2025年，省级专精特新企业达到100户\n国家级专精特新“小巨人”企业达到10户" },
    {
      table: [
        [{ text: "序号" }, { text: "任务事项" }, { text: "市贯彻落实措施" }, { text: "牵头责任单位" }],
        [{ text: "一、梯度化培育优质企业群体", gridSpan: 4 }],
        [{ text: "", numbering: { numId: 2, level: 0 }, vMerge: "restart" }, { text: "1.催生更多市场主体。", vMerge: "restart" }, { text: ["健全完善孵化器。", "加快建设众创空间。"] }, { text: "市科技局" }],
        [{ text: "", vMerge: "continue" }, { text: "", vMerge: "continue" }, { text: "积极参与“创业安徽”行动。" }, { text: ["市人社局", "市科技局"] }],
        [{ text: "", numbering: { numId: 2, level: 0 } }, { text: "2.推动企业上规。" }, { text: "实施小升规培育工程。" }, { text: "市经信局" }],
      ],
    },
  ],
};

describe("readDocx: Word's markup quirks give the text Word shows", () => {
  it("reads the same Blocks whether the text is one run or split the way Word leaves it", () => {
    const plain = read(QUIRKY);
    const quirky = read({ ...QUIRKY, wordQuirks: true });
    expect(quirky).toEqual(plain);
  });

  it("reads a quirky .docx to exactly these Blocks", () => {
    const bytes = writeDocx({ ...QUIRKY, wordQuirks: true });
    // The writer really did write the quirks this test is about.
    const xml = new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]);
    for (const mark of ["<w:proofErr", "<w:bookmarkStart", "w:rsidR=", "<w:sectPr/>", "<w:del ", "<w:ins ", "<w:moveFrom", "<w:instrText", "<w:hyperlink", "<w:fldSimple", "<w:sdt>", "<w:smartTag", "<w:br/>", "<w:txbxContent>"]) {
      expect(xml, mark).toContain(mark);
    }
    const cell = (r: number, c: number, paragraphs: string[], covered?: TableCell["covered"]): TableCell =>
      covered ? { paragraphs, at: { table: 1, row: r, column: c }, covered } : { paragraphs, at: { table: 1, row: r, column: c } };
    const expected: Block[] = [
      { kind: "paragraph", text: "关于印发《专精特新中小企业倍增行动方案》任务和责任清单的通知", at: { paragraph: 1 } },
      { kind: "paragraph", text: "一、总体要求", at: { paragraph: 3 } },
      { kind: "paragraph", text: "1.加快培育一批专精特新“小巨人”企业", at: { paragraph: 4 } },
      { kind: "paragraph", text: "到2025年，省级专精特新企业达到100户", at: { paragraph: 5 } },
      { kind: "paragraph", text: "国家级专精特新“小巨人”企业达到10户", at: { paragraph: 5 } },
      {
        kind: "table",
        at: { table: 1, row: 1, column: 1 },
        rows: [
          [cell(1, 1, ["序号"]), cell(1, 2, ["任务事项"]), cell(1, 3, ["市贯彻落实措施"]), cell(1, 4, ["牵头责任单位"])],
          [cell(2, 1, ["一、梯度化培育优质企业群体"]), cell(2, 2, [], "left"), cell(2, 3, [], "left"), cell(2, 4, [], "left")],
          [cell(3, 1, ["1"]), cell(3, 2, ["1.催生更多市场主体。"]), cell(3, 3, ["健全完善孵化器。", "加快建设众创空间。"]), cell(3, 4, ["市科技局"])],
          [cell(4, 1, [], "above"), cell(4, 2, [], "above"), cell(4, 3, ["积极参与“创业安徽”行动。"]), cell(4, 4, ["市人社局", "市科技局"])],
          [cell(5, 1, ["2"]), cell(5, 2, ["2.推动企业上规。"]), cell(5, 3, ["实施小升规培育工程。"]), cell(5, 4, ["市经信局"])],
        ],
      },
    ];
    expect(ok(readDocx(bytes))).toEqual(expected);
  });

  it("reads inserted text and field results, not deleted or moved-away text, field codes or text boxes", () => {
    const r = (inner: string) => `<w:r>${inner}</w:r>`;
    const field = (code: string, result: string) =>
      `${r('<w:fldChar w:fldCharType="begin"/>')}${r(`<w:instrText> ${code} </w:instrText>`)}${r('<w:fldChar w:fldCharType="separate"/>')}${result}${r('<w:fldChar w:fldCharType="end"/>')}`;
    const body = [
      // w:del holding w:t (as some converters write it) is still deleted.
      `<w:p>${r("<w:t>完成</w:t>")}<w:del w:id="1" w:author="a"><w:r><w:t>不</w:t></w:r><w:r><w:delText>删</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">${r("<w:t>时限</w:t>")}</w:ins></w:p>`,
      `<w:p>${r("<w:t>见</w:t>")}${field('HYPERLINK "http://x"', r("<w:t>网站</w:t>"))}${r("<w:t>；页</w:t>")}${field("PAGE", r("<w:t>3</w:t>"))}</w:p>`,
      // A field inside a field's code, and a field with no result: neither shows.
      `<w:p>${r("<w:t>甲</w:t>")}${r('<w:fldChar w:fldCharType="begin"/>')}${r("<w:instrText>IF </w:instrText>")}${field("DATE", r("<w:t>2024</w:t>"))}${r('<w:fldChar w:fldCharType="separate"/>')}${r("<w:t>乙</w:t>")}${r('<w:fldChar w:fldCharType="end"/>')}${r('<w:fldChar w:fldCharType="begin"/>')}${r("<w:instrText>TC x</w:instrText>")}${r('<w:fldChar w:fldCharType="end"/>')}${r("<w:t>丙</w:t>")}</w:p>`,
      `<w:p><w:moveFrom w:id="3" w:author="a">${r("<w:t>旧位置</w:t>")}</w:moveFrom><w:moveTo w:id="4" w:author="a">${r("<w:t>新位置</w:t>")}</w:moveTo></w:p>`,
      `<w:p>${r("<w:t>正文</w:t>")}${r('<w:footnoteReference w:id="1"/>')}${r("<w:drawing><w:t>图</w:t></w:drawing>")}${r("<w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict>")}</w:p>`,
      // mc:AlternateContent: the fallback only, never both branches.
      `<w:p><mc:AlternateContent><mc:Choice Requires="w14">${r("<w:t>新式</w:t>")}</mc:Choice><mc:Fallback>${r("<w:t>兼容</w:t>")}</mc:Fallback></mc:AlternateContent></w:p>`,
      `<w:p>${r('<w:t>A</w:t><w:tab/><w:t>B</w:t><w:noBreakHyphen/><w:t>C</w:t><w:softHyphen/><w:t>D</w:t><w:sym w:font="Symbol" w:char="2265"/><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>E</w:t>')}</w:p>`,
      `<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:smartTag w:element="date"><w:smartTagPr/><w:r><w:t>五月</w:t></w:r></w:smartTag><w:customXml w:element="x"><w:r><w:t>自定义</w:t></w:r></w:customXml><w:sdt><w:sdtPr><w:alias w:val="控件"/></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>`,
      `<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>liù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>六</w:t></w:r></w:rubyBase></w:ruby><w:t>安</w:t></w:r></w:p>`,
      `<w:p><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r></w:p>`,
    ].join("");
    const blocks = readBody(body, {
      extraDocumentRels: '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.gov.cn/" TargetMode="External"/>',
    });
    expect(texts(blocks)).toEqual(["完成时限", "见网站；页3", "甲乙丙", "新位置", "正文", "兼容", "A B-CD≥E", "链接五月自定义控件", "六安", "12页"]);
  });

  it("breaks paragraphs at w:br and w:cr, in the body and in cells, with the number on the first line", () => {
    const blocks = readBody(
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:br/><w:t>一行</w:t><w:br w:type="page"/><w:t>二行</w:t><w:cr/><w:t>三行</w:t></w:r></w:p>` +
        `<w:tbl><w:tr>${tc(`<w:p><w:r><w:t>格一</w:t><w:br/></w:r><w:r><w:t>格二</w:t></w:r></w:p>`)}</w:tr></w:tbl>`,
      { numbering: [CHAPTERS] },
    );
    expect(blocks.filter((b) => b.kind === "paragraph")).toEqual([
      { kind: "paragraph", text: "1.一行", at: { paragraph: 1 } },
      { kind: "paragraph", text: "二行", at: { paragraph: 1 } },
      { kind: "paragraph", text: "三行", at: { paragraph: 1 } },
    ]);
    expect(grid(tables(blocks)[0])).toEqual([["格一|格二"]]);
  });
});

/** A zip written by hand with zlib: fast for 200 MB of zeros, and free to state any sizes. */
function zipOf(files: Record<string, Uint8Array | string>): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === "string" ? Buffer.from(content) : content;
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/** Reads a file that must be refused: never throws, one clear problem. (How fast is bench:ingest's business.) */
function refused(bytes: Uint8Array) {
  const result = readDocx(bytes);
  if (result.ok) throw new Error("expected the file to be refused");
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) expect(problem.message).toMatch(/expected/);
  return result.problems;
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

describe("readDocx: hostile and broken files", () => {
  it("refuses a zip bomb (200 MB of zeros as document.xml) while inflating it", () => {
    const bomb = zipOf({ "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": new Uint8Array(200 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const [problem] = refused(bomb);
    expect(problem.at).toEqual({ entry: "word/document.xml" });
    expect(problem.message).toMatch(/zip bomb/);
  });

  it("refuses a DOCTYPE with entities (billion laughs) before parsing it", () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
    const [problem] = refused(writeDocx({ blocks: [], extraParts: { "word/document.xml": laughs } }));
    expect(problem.at).toEqual({ entry: "word/document.xml" });
    expect(problem.message).toMatch(/DOCTYPE/);
  });

  it("refuses an external relationship other than a hyperlink (an attached template), naming the part and the type", () => {
    const bytes = writeDocx({
      blocks: [{ paragraph: "正文" }],
      extraDocumentRels: '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>',
      extraParts: {
        "word/settings.xml": '<?xml version="1.0"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:attachedTemplate r:id="rId1"/></w:settings>',
        "word/_rels/settings.xml.rels":
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:/Users/x/Templates/Normal.dotm" TargetMode="External"/></Relationships>',
      },
    });
    const [problem] = refused(bytes);
    expect(problem.at).toEqual({ entry: "word/_rels/settings.xml.rels" });
    expect(problem.message).toContain("word/_rels/settings.xml.rels");
    expect(problem.message).toContain("attachedTemplate");
    // A hyperlink's external target is no reason to refuse.
    expect(readDocx(writeDocx({ blocks: [{ paragraph: "正文" }], wordQuirks: true })).ok).toBe(true);
  });

  it("refuses a file that is not a zip", () => {
    const [problem] = refused(strToU8("一、梯度化培育优质企业群体\t1.催生更多市场主体。\n"));
    expect(problem.at).toEqual({ entry: "(file)" });
    expect(problem.message).toMatch(/not a zip/);
  });

  it("refuses an OLE compound file (a .doc renamed, or a password-protected .docx)", () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const [problem] = refused(ole);
    expect(problem.at).toEqual({ entry: "(file)" });
    expect(problem.message).toMatch(/\.doc/);
  });

  it("refuses a zip without word/document.xml, and one without [Content_Types].xml", () => {
    const noDocument = zipSync({
      "[Content_Types].xml": strToU8(CONTENT_TYPES),
      "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    });
    const [problem] = refused(noDocument);
    expect(problem.at).toEqual({ entry: "word/document.xml" });
    expect(problem.message).toMatch(/no word\/document\.xml/);
    const noTypes = zipSync({ "word/document.xml": strToU8(documentXml(p("x"))) });
    expect(refused(noTypes)[0].at).toEqual({ entry: "[Content_Types].xml" });
    const workbook = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
    expect(refused(workbook)[0].message).toMatch(/Excel/);
  });

  it(`refuses a table of more than ${LIMITS.rows} rows at the first row past the limit`, () => {
    // Different text in every row: rows all alike compress so well that the zip is refused as a bomb first.
    const rows: DocxCell[][] = Array.from({ length: LIMITS.rows + 1 }, (_, i) => [{ text: `第${i + 1}项` }]);
    const [problem] = refused(writeDocx({ blocks: [{ paragraph: "前言" }, { table: rows }] }));
    expect(problem.at).toEqual({ table: 1, row: LIMITS.rows + 1, column: 1 });
    expect(problem.message).toContain(String(LIMITS.rows));
  });

  it("refuses a table whose spans name more cells than the limit, before building it", () => {
    const [problem] = refused(writeDocx({ blocks: [], extraParts: { "word/document.xml": documentXml(`<w:tbl><w:tr>${tc(p("x"), '<w:gridSpan w:val="2000000000"/>')}</w:tr><w:tr><w:trPr><w:gridBefore w:val="999999999"/></w:trPr>${tc(p("y"))}</w:tr></w:tbl>`) } }));
    expect(problem.at).toEqual({ table: 1, row: 1, column: 1 });
    expect(problem.message).toContain(String(LIMITS.cells));
  });

  it("refuses malformed XML, a wrong root and nesting deep enough to exhaust the stack, with the entry", () => {
    const broken = refused(writeDocx({ blocks: [], extraParts: { "word/document.xml": '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body>' } }));
    expect(broken[0].at).toEqual({ entry: "word/document.xml" });
    expect(broken[0].message).toMatch(/not well-formed/);
    const wrongRoot = refused(writeDocx({ blocks: [], extraParts: { "word/document.xml": "<html><body/></html>" } }));
    expect(wrongRoot[0].message).toMatch(/<w:document>/);
    const deep = 5_000;
    const nested = `${"<w:tbl><w:tr><w:tc>".repeat(deep)}<w:p/>${"</w:tc></w:tr></w:tbl>".repeat(deep)}`;
    const tooDeep = refused(writeDocx({ blocks: [], extraParts: { "word/document.xml": documentXml(nested) } }));
    expect(tooDeep[0].at).toEqual({ entry: "word/document.xml" });
    expect(tooDeep[0].message).toMatch(/nest/);
    const brokenNumbering = refused(writeDocx({ blocks: [{ paragraph: "x" }], numbering: [], extraParts: { "word/numbering.xml": "<w:numbering" } }));
    expect(brokenNumbering[0].at).toEqual({ entry: "word/numbering.xml" });
  });

  it("never throws on damaged bytes: any mutation of a real .docx is read or refused", () => {
    const original = writeDocx({ ...QUIRKY, wordQuirks: true });
    // Stored (not deflated), so mutations reach the XML parser and the reader rather than only the inflater.
    const stored = zipSync(unzipSync(original), { level: 0 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }), fc.boolean(), fc.nat(), (edits, cut, cutAt) => {
        const bytes = stored.slice(0, cut ? Math.max(4, cutAt % stored.length) : stored.length);
        for (const [at, value] of edits) bytes[at % bytes.length] = value;
        const result = readDocx(bytes);
        if (!result.ok) for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("readDocx: the bundled list with Word's markup", () => {
  it("reads every non-empty cell of the bundled list written with Word's run quirks", () => {
    // The bundled list's own text: paragraphs before the table, then TAB-led cells, five to a row.
    const source = readFileSync(join(import.meta.dirname, "..", "fixtures", "luan-bundled", "input.txt"), "utf8").replace(/\r/g, "");
    const lines = source.split("\n");
    const first = lines.findIndex((l) => l.startsWith("\t"));
    const prelude = lines.slice(0, first).map((l) => l.trim()).filter((l) => l !== "");
    const cells = lines.slice(first).join("\n").split("\t").slice(1).map((c) => c.split("\n").map((l) => l.trim()).filter((l) => l !== ""));
    const rows: DocxCell[][] = [];
    for (let i = 0; i < cells.length; i += 5) rows.push(cells.slice(i, i + 5).map((c) => ({ text: c })));
    const bytes = writeDocx({ wordQuirks: true, blocks: [...prelude.map((t) => ({ paragraph: t })), { table: rows }] });
    const table = tables(ok(readDocx(bytes)))[0];
    expect(table.rows.flat().filter((c) => c.paragraphs.length > 0).length).toBe(cells.filter((c) => c.length > 0).length);
  });
});
