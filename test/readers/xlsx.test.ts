// The Excel reader: sheets as grids with merges resolved, Sheet1!D12 places, values as displayed, hostile workbooks refused.
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { formatLocation, type Block, type ReadResult, type Table } from "../../src/ingest/blocks.ts";
import { LIMITS } from "../../src/ingest/readers/limits.ts";
import { readXlsx } from "../../src/ingest/readers/xlsx.ts";
import { writeXlsx } from "../support/xlsx-writer.ts";

function ok(r: ReadResult) {
  if (!r.ok) throw new Error(`expected the workbook to be read: ${JSON.stringify(r.problems)}`);
  return r;
}

function refused(r: ReadResult) {
  if (r.ok) throw new Error("expected the workbook to be refused");
  return r.problems;
}


function tables(blocks: Block[]): Table[] {
  return blocks.map((b) => {
    if (b.kind !== "table") throw new Error(`expected only tables, got ${JSON.stringify(b)}`);
    return b;
  });
}

/** The grid as text: a cell's paragraphs joined by " / ", a covered place as (above) or (left). */
function grid(t: Table): string[][] {
  return t.rows.map((row) => row.map((c) => (c.covered ? `(${c.covered})` : c.paragraphs.join(" / "))));
}

const LIST = {
  name: "Sheet1",
  rows: [
    ["六安市专精特新中小企业倍增行动任务和责任清单", null, null, null, null],
    ["序号", "任务事项", "市贯彻落实措施", "牵头责任单位", "完成时限"],
    ["一、培育壮大专精特新企业", null, null, null, null],
    [1, "加快梯度培育", "实施梯度培育工程。\n建立专精特新企业库。", "  市经信局\n市科技局  ", new Date(Date.UTC(2022, 11, 31))],
    [2, null, "强化精准服务", "市经信局", "长期坚持"],
    [3, null, "优化发展环境", "市财政局", null],
  ],
  merges: ["A1:E1", "A3:E3", "B4:B6"],
};

describe("readXlsx on a task list sheet", () => {
  it("gives the used range as a grid with the merges resolved", async () => {
    const r = ok(await readXlsx(await writeXlsx({ sheets: [LIST] })));
    expect(r.encoding).toBe("xlsx");
    const [t] = tables(r.blocks);
    expect(r.blocks).toHaveLength(1);
    expect(t.sheet).toBe("Sheet1");
    expect(t.at).toEqual({ sheet: "Sheet1", cell: "A1" });
    expect(grid(t)).toEqual([
      ["六安市专精特新中小企业倍增行动任务和责任清单", "(left)", "(left)", "(left)", "(left)"],
      ["序号", "任务事项", "市贯彻落实措施", "牵头责任单位", "完成时限"],
      ["一、培育壮大专精特新企业", "(left)", "(left)", "(left)", "(left)"],
      ["1", "加快梯度培育", "实施梯度培育工程。 / 建立专精特新企业库。", "市经信局 / 市科技局", "2022-12-31"],
      ["2", "(above)", "强化精准服务", "市经信局", "长期坚持"],
      ["3", "(above)", "优化发展环境", "市财政局", ""],
    ]);
    expect(t.rows[3][3].paragraphs).toEqual(["市经信局", "市科技局"]);
    expect(t.rows[5][1]).toEqual({ paragraphs: [], at: { sheet: "Sheet1", cell: "B6" }, covered: "above" });
    expect(t.rows.map((row) => row.map((c) => formatLocation(c.at)))[4]).toEqual(["Sheet1!A5", "Sheet1!B5", "Sheet1!C5", "Sheet1!D5", "Sheet1!E5"]);
  });

  it("places cells by their Excel reference when the list starts further in, and drops empty rows and columns after it", async () => {
    const rows: Array<Array<string | null>> = Array.from({ length: 14 }, () => Array(8).fill(null));
    rows[10][2] = "序号";
    rows[10][3] = "牵头单位";
    rows[11][2] = "1";
    rows[11][3] = "市发改委";
    rows[13][7] = "   "; // whitespace only: not content
    const r = ok(await readXlsx(await writeXlsx({ sheets: [{ name: "任务清单", rows, merges: ["D12:F12"] }] })));
    const [t] = tables(r.blocks);
    expect(t.at).toEqual({ sheet: "任务清单", cell: "C11" });
    expect(grid(t)).toEqual([
      ["序号", "牵头单位"],
      ["1", "市发改委"],
    ]);
    expect(formatLocation(t.rows[1][1].at)).toBe("任务清单!D12");
  });

  it("shows numbers and dates as Excel displays them", async () => {
    const bytes = await writeXlsx({
      sheets: [
        {
          name: "Sheet1",
          rows: [[12, 3.5, 1234.5, 0.256, 45000, new Date(Date.UTC(2022, 4, 9)), 1 / 3, -1234.5, 20]],
          formats: { C1: "#,##0.00", D1: "0.0%", E1: "yyyy-mm-dd", G1: "0.00", H1: "#,##0.00;(#,##0.00)", I1: '0"万元"' },
        },
      ],
    });
    const [t] = tables(ok(await readXlsx(bytes)).blocks);
    expect(grid(t)[0]).toEqual(["12", "3.5", "1,234.50", "25.6%", "2023-03-15", "2022-05-09", "0.33", "(1,234.50)", "20万元"]);
  });

  it("shows formulas as their cached result, rich text joined and hyperlinks as their text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.getCell("A1").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell("B1").value = { richText: [{ text: "市经信局", font: { bold: true } }, { text: "（牵头）" }] };
    ws.getCell("C1").value = { text: "政策原文", hyperlink: "https://www.luan.gov.cn/" };
    ws.getCell("D1").value = true;
    const [t] = tables(ok(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()))).blocks);
    expect(grid(t)).toEqual([["2", "市经信局（牵头）", "政策原文", "TRUE"]]);
  });

  it("emits one table for every sheet with content, none for an empty sheet", async () => {
    const r = ok(
      await readXlsx(
        await writeXlsx({
          sheets: [LIST, { name: "空白", rows: [] }, { name: "配合单位", rows: [["单位", "联系人"], ["市科技局", "张三"]] }],
        }),
      ),
    );
    const ts = tables(r.blocks);
    expect(ts.map((t) => t.sheet)).toEqual(["Sheet1", "配合单位"]);
    expect(grid(ts[1])).toEqual([["单位", "联系人"], ["市科技局", "张三"]]);
    expect(ts[1].rows[1][1].at).toEqual({ sheet: "配合单位", cell: "B2" });
  });

  // Its speed is a figure of bench:ingest, not a test: tests check facts.
  it("reads a ~200-cell sheet into a 41 × 5 grid", async () => {
    const rows = Array.from({ length: 40 }, (_, k) => [k + 1, `任务${k + 1}`, `措施${k + 1}。\n措施${k + 1}之二。`, "市经信局", new Date(Date.UTC(2022, 5, 30))]);
    const bytes = await writeXlsx({ sheets: [{ name: "Sheet1", rows: [["序号", "任务", "措施", "牵头单位", "时限"], ...rows] }] });
    const table = ok(await readXlsx(bytes)).blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && [table.rows.length, table.rows[0].length]).toEqual([41, 5]);
  });
});

/** A minimal workbook written part by part, so that a test can make any part as large or as odd as it needs. */
function handMadeXlsx(sheetXml: string | Uint8Array, extra: Record<string, Uint8Array> = {}, workbookRels = ""): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      "xl/workbook.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets><sheet name="大表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>${workbookRels}</Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": typeof sheetXml === "string" ? strToU8(sheetXml) : sheetXml,
      ...extra,
    },
    { level: 1 },
  );
}

const sheet = (body: string, dimension = "") =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>${body}</sheetData></worksheet>`;

describe("readXlsx on hostile workbooks", () => {
  it("reads the hand-made workbook these tests start from", async () => {
    const [t] = tables(ok(await readXlsx(handMadeXlsx(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c></row>')))).blocks);
    expect(t.at).toEqual({ sheet: "大表", cell: "A1" });
    expect(grid(t)).toEqual([["任务"]]);
  });

  it("refuses a sheet of a million rows, naming the sheet", async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, k) => `<row r="${k + 1}"/>`).join("");
    const bytes = handMadeXlsx(sheet(rows));
    const problems = refused(await readXlsx(bytes));
    expect(problems[0].at).toEqual({ entry: "xl/worksheets/sheet1.xml" });
    expect(problems[0].message).toContain(`the sheet "大表" has more than ${LIMITS.rows} rows`);
  });

  it("refuses a sheet whose dimension promises more rows than the limit", async () => {
    const problems = refused(await readXlsx(handMadeXlsx(sheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<dimension ref="A1:E1048576"/>'))));
    expect(problems[0].message).toContain(`the sheet "大表" has more than ${LIMITS.rows} rows`);
  });

  it("refuses a zip bomb", async () => {
    const problems = refused(await readXlsx(handMadeXlsx(sheet(""), { "xl/media/image1.png": new Uint8Array(8 * 1024 * 1024) })));
    expect(problems[0].at).toEqual({ entry: "xl/media/image1.png" });
    expect(problems[0].message).toMatch(/zip bomb/);
  });

  it("refuses a part that declares a DOCTYPE", async () => {
    const parts = unzipSync(await writeXlsx({ sheets: [LIST] }));
    const workbook = new TextDecoder().decode(parts["xl/workbook.xml"]);
    parts["xl/workbook.xml"] = strToU8(workbook.replace("?>", '?><!DOCTYPE workbook [<!ENTITY lol "lol">]>'));
    const problems = refused(await readXlsx(zipSync(parts)));
    expect(problems[0]).toMatchObject({ at: { entry: "xl/workbook.xml" }, message: expect.stringContaining("DOCTYPE") });
  });

  it("refuses an external relationship other than a hyperlink, and accepts a hyperlink", async () => {
    const external = '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/secret.xlsx" TargetMode="External"/>';
    const problems = refused(await readXlsx(handMadeXlsx(sheet(""), {}, external)));
    expect(problems[0]).toMatchObject({ at: { entry: "xl/_rels/workbook.xml.rels" }, message: expect.stringContaining("externalLinkPath") });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = { text: "原文链接", hyperlink: "https://www.gov.cn/" };
    const [t] = tables(ok(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()))).blocks);
    expect(grid(t)).toEqual([["原文链接"]]);
  });

  it("refuses an old-format or encrypted (OLE) file", async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refused(await readXlsx(ole))[0].message).toMatch(/old-format \(\.doc\/\.xls\) or password-protected/);
  });

  it("refuses what is not a zip, a zip that is not a workbook, and a damaged workbook, without throwing", async () => {
    expect(refused(await readXlsx(new TextEncoder().encode("序号,任务\n1,加快培育\n")))[0].message).toMatch(/not a zip container/);
    expect(refused(await readXlsx(zipSync({ "readme.txt": strToU8("hello") })))[0].message).toMatch(/no workbook part/);
    const dangling = refused(await readXlsx(handMadeXlsx(sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'))));
    expect(dangling[0]).toMatchObject({ at: { entry: "xl/worksheets/sheet1.xml" }, message: expect.stringContaining("no shared strings part") });
    const bytes = await writeXlsx({ sheets: [LIST] });
    expect(refused(await readXlsx(bytes.subarray(0, bytes.length >> 1)))[0].message).toMatch(/damaged/);
  });
});
