// The PDF reader on PDFs as LibreOffice exports them from Word files: paragraph lists of each layout give the same
// model as the Word file they were made from (locations aside), wrapped lines and page breaks joined; the bundled
// list's ruled table over nine pages gives the .txt's model; a problem is located by page and line; a scan, a
// password and a file that is no PDF are refused, each saying what to send instead. And the line, paragraph, grid
// and page-join rules on input of their own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatProblem, type Block } from "../../src/ingest/blocks.ts";
import { readPdf } from "../../src/ingest/readers/pdf.ts";
import { parseDocument, parseSource, type ParseResult } from "../../src/ingest/parse.ts";
import { isPageNumber, toLines, toParagraphs, type TextItem } from "../../src/ingest/readers/positioned/lines.ts";
import type { Document } from "../../src/model/schema.ts";
import { FIXTURES } from "../ingest/helpers.ts";
import { LIMITS, PAGES_SETTING } from "../../src/ingest/readers/limits.ts";
import { bundledText, docxOf } from "../support/bundled-formats.ts";
import { joinTables } from "../../src/ingest/readers/positioned/pages.ts";
import { findTables } from "../../src/ingest/readers/positioned/tables.ts";
import { impliedRules } from "../../src/ingest/readers/positioned/unruled.ts";
import type { Table, TableCell } from "../../src/ingest/blocks.ts";
import { writeDocx, type DocxSpec } from "../support/docx-writer.ts";
import { paragraphsDocx, pdfOf, rawPdf, textlessPdf } from "../support/pdf-writer.ts";
import { deflateSync } from "fflate";

const LAYOUTS = ["layout-c-label-lines", "layout-d-parenthesis", "layout-e-first-listed", "layout-three-levels", "layout-c-shared-units"];

/** A paragraph list long enough to wrap every measure and run over pages. */
function longList(): string {
  const lines = ["关于印发《青岚区2025年营商环境优化工作要点》的通知", "各街道办事处，区直各部门：", "现将《青岚区2025年营商环境优化工作要点》印发给你们，请认真贯彻落实。", "青岚区人民政府办公室", "2025年4月2日", "青岚区2025年营商环境优化工作要点"];
  let n = 0;
  for (const [c, chapter] of ["一", "二", "三", "四", "五", "六"].entries()) {
    lines.push(`${chapter}、第${c + 1}方面重点工作`);
    for (const mark of ["一", "二", "三", "四", "五", "六", "七"]) {
      n++;
      lines.push(`（${mark}）推进第${n}项改革事项，完善企业开办、工程建设项目审批、不动产登记和纳税服务等环节的办理流程，压减办理时限${n}个工作日，推动${n * 3}项高频事项实现“一网通办”，年内惠及市场主体${n * 100}户以上。（区数据资源局牵头，区市场监管局、区住建局按职责分工负责，2025年${(n % 12) + 1}月底前完成）`);
    }
  }
  return lines.join("\n");
}

const sources: Record<string, string> = Object.fromEntries([...LAYOUTS.map((n) => [n, readFileSync(join(FIXTURES, n, "input.txt"), "utf8")]), ["long", longList()]]);
const made: Record<string, { docx: Uint8Array; pdf: Uint8Array }> = {};

beforeAll(() => {
  for (const [name, text] of Object.entries(sources)) {
    const docx = paragraphsDocx(text, writeDocx);
    made[name] = { docx, pdf: pdfOf(docx) };
  }
}, 180_000);

const parse = (bytes: Uint8Array, ext: string) => parseSource(bytes, ext, { id: "x", file: `x${ext}` });
function model(r: ParseResult): Document {
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem("x", p)).join("\n"));
  return r.document;
}
/** The model without what only says where and in what: the locations, the format, the source's name. */
const withoutPlaces = (doc: Document) => JSON.parse(JSON.stringify({ ...doc, format: undefined, source: undefined }, (k, v) => (k === "at" ? undefined : v))) as unknown;

describe("paragraph lists as PDF", () => {
  it.each([...LAYOUTS, "long"])("%s gives the model of the Word file it was exported from", async (name) => {
    const fromWord = model(await parse(made[name]!.docx, ".docx"));
    const fromPdf = model(await parse(made[name]!.pdf, ".pdf"));
    expect(fromPdf.format).toBe("pdf");
    // A gap as wide as a character is one space: the 4 spaces of the closing line's gap are not in the PDF.
    const folded = (d: Document) => withoutPlaces({ ...d, closing: d.closing.map((c) => c.replace(/\s+/g, " ")) });
    expect(folded(fromPdf)).toEqual(folded(fromWord));
  });

  it("joins a measure's wrapped lines, and locates it by page and line", async () => {
    const doc = model(await parse(made["long"]!.pdf, ".pdf"));
    const items = doc.chapters.flatMap((c) => c.items);
    expect(items).toHaveLength(42);
    expect(items.every((i) => i.local[0]!.text.endsWith("户以上。"))).toBe(true);
    const pages = new Set(items.map((i) => ("page" in i.at[0] ? i.at[0].page : 0)));
    expect(pages.size).toBeGreaterThan(1);
    expect([...pages].every((p) => p > 0)).toBe(true);
  });

  it("reads only the pages the settings file gives, each numbered as printed", async () => {
    const pageOf = (b: Block) => ("page" in b.at ? b.at.page : 0);
    const all = await readPdf(made["long"]!.pdf);
    if (!all.ok) throw new Error("refused");
    const count = Math.max(...all.blocks.map(pageOf));
    expect(count).toBeGreaterThan(2);
    const second = await readPdf(made["long"]!.pdf, { pages: { from: 2, to: 2 } });
    if (!second.ok) throw new Error("refused");
    expect(new Set(second.blocks.map(pageOf))).toEqual(new Set([2]));
    // The paragraphs that begin on page 2; read alone, the page may also open with the tail of one begun on page 1.
    const onTwo = (blocks: Block[]) => blocks.flatMap((b) => (pageOf(b) === 2 && b.kind === "paragraph" ? [b.text] : []));
    const own = onTwo(all.blocks);
    const alone = onTwo(second.blocks);
    expect(alone.length - own.length).toBeGreaterThanOrEqual(0);
    expect(alone.length - own.length).toBeLessThanOrEqual(1);
    expect(alone.slice(alone.length - own.length)).toEqual(own);
    const beyond = await readPdf(made["long"]!.pdf, { pages: { from: 1, to: count + 5 } });
    expect(beyond.ok ? "" : beyond.problems[0]!.message).toBe(`the settings file reads pages 1–${count + 5}, but the document has ${count} page(s); expected "pages" within 1–${count}`);
  });

  it("says where a problem is as page and line", async () => {
    const text = readFileSync(join(FIXTURES, "malformed-parenthesis-no-unit", "input.txt"), "utf8");
    const r = await parse(pdfOf(paragraphsDocx(text, writeDocx)), ".pdf");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblem("list.pdf", r.problems[0]!)).toMatch(/^list\.pdf:page 1, line \d+: the text “推进千兆光网进小区。（2025年底前完成）” of task （二） ends without a parenthesis naming its units/);
  });
});

/**
 * The model without its places, the spaces the .txt prints between some digits and 万元 (100 万元) folded: in a PDF
 * that is a gap between runs, which is no text. The comparison (whose offsets and shares count them) is left out.
 */
function foldedModel(d: Document): unknown {
  const CJK = "[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]";
  const spaces = new RegExp(`\\s+(?=${CJK})|(?<=${CJK})\\s+`, "gu");
  return JSON.parse(JSON.stringify({ ...d, format: undefined, source: undefined, comparison: undefined }, (k, v) => (k === "at" || k === "start" || k === "end" ? undefined : typeof v === "string" ? v.replace(spaces, "") : v)));
}

describe("the rules a table drawn without them implies", () => {
  const run = (str: string, x: number, y: number): TextItem => ({ str, x, y, width: str.length * 10, height: 10 });
  const header = [run("重点任务", 50, 700), run("牵头单位", 200, 700), run("配合单位", 300, 700)];
  const rowsOf = (t: ReturnType<typeof findTables>["tables"][number]) => [...t.items.entries()].map(([k, items]) => `${k}=${items.map((i) => i.str).join("")}`);

  it("gives columns from the header's rivers and rows from the drawing order; a line across the columns ends the table", () => {
    // Drawn cell by cell: the second row's task cell has two lines; a note under the table runs across the columns.
    const items = [...header, run("任务甲", 50, 680), run("市经信局", 200, 680), run("市财政局", 300, 680), run("任务乙第一", 50, 665), run("行", 50, 652), run("市科技局", 200, 665), run("市商务局", 300, 665), run("注：各牵头单位每月五日前报送进展情况。", 50, 600)];
    const implied = impliedRules(items);
    expect(implied?.columns.borders.length).toBe(4);
    const { tables, outside } = findTables(implied!.segments, items);
    expect(tables).toHaveLength(1);
    expect(rowsOf(tables[0]!)).toEqual(["0:0=重点任务", "0:1=牵头单位", "0:2=配合单位", "1:0=任务甲", "1:1=市经信局", "1:2=市财政局", "2:0=任务乙第一行", "2:1=市科技局", "2:2=市商务局"]);
    expect(outside.map((i) => i.str)).toEqual(["注：各牵头单位每月五日前报送进展情况。"]);
  });

  it("goes on at the head of the next page in the same columns, and finds none in prose", () => {
    const first = impliedRules([...header, run("任务甲", 50, 680), run("市经信局", 200, 680), run("市财政局", 300, 680)])!;
    const next = [run("任务丙", 50, 780), run("市人社局", 200, 780), run("市教育局", 300, 780)];
    expect(findTables(impliedRules(next, first.columns)!.segments, next).tables[0]!.covered).toEqual([[undefined, undefined, undefined]]);
    const prose = [run("为推动专精特新中小企业高质量发展，现将有关事项通知如下。", 50, 700), run("一、提高工作站位。", 50, 680)];
    expect(impliedRules(prose)).toBeUndefined();
    expect(impliedRules(prose, first.columns)).toBeUndefined();
  });
});

describe("a table drawn without rules: the bundled list as PDF, its Word table's borders off", () => {
  it("gives the model of the .txt: columns from the header's rivers, rows from the order the page draws its cells", async () => {
    // Cells centred in their rows, tasks and superior measures merged down over their measures, rows cut at the
    // page breaks: LibreOffice runs it over nine pages.
    const docx = docxOf(bundledText(), { tableBorders: false, wordQuirks: false, columnWidths: [1500, 4800, 4800, 1600, 1800] });
    const fromPdf = model(await parse(pdfOf(docx), ".pdf"));
    const fromText = model(parseDocument(bundledText(), { id: "x", file: "x.pdf" }));
    expect(fromPdf.chapters).toHaveLength(7);
    expect(foldedModel(fromPdf)).toEqual(foldedModel(fromText));
  }, 120_000);
});

describe("a ruled table over many pages: the bundled list as PDF", () => {
  let fromPdf: Document;
  let fromText: Document;
  beforeAll(async () => {
    // A4 landscape, ruled, its columns as wide as a printed list's: LibreOffice runs it over nine pages and cuts
    // rows at the page breaks.
    const docx = docxOf(bundledText(), { tableBorders: true, wordQuirks: false, columnWidths: [1500, 4800, 4800, 1600, 1800] });
    fromPdf = model(await parse(pdfOf(docx), ".pdf"));
    fromText = model(parseDocument(bundledText(), { id: "x", file: "x.pdf" }));
  }, 120_000);

  it("gives the model of the .txt, locations aside", () => {
    expect(fromPdf.chapters.flatMap((c) => c.items)).toHaveLength(20);
    expect(foldedModel(fromPdf)).toEqual(foldedModel(fromText));
  });

  it("locates a task by page, table, row and column, on the page it is printed on", () => {
    const items = fromPdf.chapters.flatMap((c) => c.items);
    const pages = items.map((i) => ("page" in i.at[0] && "table" in i.at[0] ? i.at[0].page : 0));
    expect(pages[0]).toBe(1);
    expect(new Set(pages).size).toBeGreaterThan(4);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(items[0]!.at[0]).toMatchObject({ table: 1, column: 1 });
  });
});

describe("a ruled Word table as PDF", () => {
  it("with Word's automatic 序号, a label merged over two (责任单位 over 牵头单位 | 配合单位) and a chapter row, gives the Word file's model", async () => {
    const spec = JSON.parse(readFileSync(join(FIXTURES, "format-docx-table-numbered", "input.docx.json"), "utf8")) as DocxSpec;
    const docx = writeDocx({ ...spec, tableBorders: true, wordQuirks: false });
    const fromWord = model(await parse(docx, ".docx"));
    const fromPdf = model(await parse(pdfOf(docx), ".pdf"));
    expect(fromPdf.columns.map((c) => c.role)).toEqual(["number", "task", "measure", "lead", "support", "deadline"]);
    expect(withoutPlaces(fromPdf)).toEqual(withoutPlaces(fromWord));
  }, 60_000);
});

describe("joining a table's parts over a page break", () => {
  const cell = (text: string, page: number, row: number, column: number, covered?: "above" | "left"): TableCell => ({ paragraphs: text ? [text] : [], at: { page, table: 1, row, column }, ...(covered ? { covered } : {}) });
  const part = (page: number, rows: Array<Array<string | "^">>): Table => ({
    kind: "table",
    at: { page, table: 1, row: 1, column: 1 },
    rows: rows.map((r, i) => r.map((t, c) => (t === "^" ? cell("", page, i + 1, c + 1, "above") : cell(t, page, i + 1, c + 1)))),
  });
  const texts = (t: Table) => t.rows.map((r) => r.map((c) => (c.covered ? `[${c.covered}]` : c.paragraphs.join("/"))));

  it("drops the header the next page repeats, and joins a row the break cut mid-sentence", () => {
    const first = part(1, [["任务", "措施", "牵头单位"], ["1.甲", "推进第一项工作，完成", "市经信局"]]);
    joinTables(first, part(2, [["任务", "措施", "牵头单位"], ["", "年度目标。", ""], ["2.乙", "推进第二项工作。", "市科技局"]]));
    expect(texts(first)).toEqual([["任务", "措施", "牵头单位"], ["1.甲", "推进第一项工作，完成年度目标。", "市经信局"], ["2.乙", "推进第二项工作。", "市科技局"]]);
    expect(first.rows[1]![1]!.end).toEqual({ page: 2, table: 1, row: 2, column: 2 });
  });

  it("keeps separate the rows of a break that fell between them, a cell merged down over it kept merged", () => {
    const first = part(1, [["任务", "措施", "牵头单位"], ["1.甲", "推进第一项工作。", "市经信局"], ["^", "推进第二项工作。", "^"]]);
    joinTables(first, part(2, [["", "推进第三项工作。", ""]]));
    expect(texts(first)).toEqual([["任务", "措施", "牵头单位"], ["1.甲", "推进第一项工作。", "市经信局"], ["[above]", "推进第二项工作。", "[above]"], ["[above]", "推进第三项工作。", "[above]"]]);
  });
});

describe("grids from the lines a page draws", () => {
  const h = (y: number, x1: number, x2: number) => ({ x1, x2, y1: y, y2: y });
  const v = (x: number, y1: number, y2: number) => ({ x1: x, x2: x, y1, y2 });
  const text = (str: string, x: number, y: number): TextItem => ({ str, x, y, width: str.length * 10, height: 10 });

  it("merges the places where no line is drawn between them, and puts each run in its cell", () => {
    // Three columns, three rows; the top row is one cell across (a chapter heading); the first column's lower two
    // places are one cell (a task over two measures). An underline inside a cell is no rule.
    const segments = [h(300, 0, 300), h(280, 0, 300), h(240, 100, 300), h(200, 0, 300), v(0, 200, 300), v(100, 200, 280), v(200, 200, 280), v(300, 200, 300), h(250, 110, 150)];
    const { tables, outside } = findTables(segments, [text("一、章", 10, 285), text("1.任务", 10, 250), text("措施一", 110, 255), text("措施二", 110, 215), text("页外", 10, 100)]);
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t!.xs).toEqual([0, 100, 200, 300]);
    expect(t!.ys).toEqual([300, 280, 240, 200]);
    expect(t!.covered).toEqual([[undefined, "left", "left"], [undefined, undefined, undefined], ["above", undefined, undefined]]);
    expect([...t!.items.entries()].map(([k, items]) => [k, items.map((i) => i.str).join("")])).toEqual([["0:0", "一、章"], ["1:0", "1.任务"], ["1:1", "措施一"], ["2:1", "措施二"]]);
    expect(outside.map((i) => i.str)).toEqual(["页外"]);
  });
});

describe("PDFs the reader refuses, saying what to send instead", () => {
  it("a scan, with no text layer", async () => {
    const r = await parse(textlessPdf(), ".pdf");
    expect(r.ok ? "" : r.problems[0]!.message).toMatch(/^the PDF has no text layer \(it is a scan or a picture of the pages\); expected the Word file .*OCR/);
  });

  it.each([LIMITS.pdfPages + 1, 5_000])("a PDF of %i pages, more than the limit, before any page is read", async (pages) => {
    const r = await parse(textlessPdf(pages), ".pdf");
    expect(r.ok ? "" : r.problems[0]!.message).toBe(`the PDF has ${pages} pages; expected at most ${LIMITS.pdfPages}, ${PAGES_SETTING}`);
  });

  it("a PDF bomb: a stream of a few hundred KiB that inflates past the limit, before PDF.js inflates it", async () => {
    const inflated = LIMITS.pdfInflatedBytes + 1024 * 1024;
    const bomb = rawPdf(deflateSync(new Uint8Array(inflated).fill(0x20), { level: 9 }), { filter: "FlateDecode" });
    expect(bomb.length).toBeLessThan(LIMITS.fileBytes);
    const r = await parse(bomb, ".pdf");
    expect(r.ok ? "" : formatProblem("bomb.pdf", r.problems[0]!)).toMatch(/^bomb\.pdf:page 1, line 1: the PDF's compressed streams inflate past 256 MiB \(a PDF bomb/);
    // Under the limit the same stream is read (and refused only for having no text).
    const small = await parse(rawPdf(deflateSync(new Uint8Array(1024 * 1024).fill(0x20)), { filter: "FlateDecode" }), ".pdf");
    expect(small.ok ? "" : small.problems[0]!.message).toMatch(/^the PDF has no text layer/);
  });

  it.each([
    ["its content stream", (depth: number) => rawPdf(new TextEncoder().encode(`${"[".repeat(depth)}${"]".repeat(depth)} pop`))],
    ["the page's dictionary", (depth: number) => rawPdf(new TextEncoder().encode("BT ET"), { page: `/X ${"[".repeat(depth)}${"]".repeat(depth)}` })],
  ])("objects nested 100,000 deep in %s: refused at the page, no exception", async (_, write) => {
    const r = await parse(write(100_000), ".pdf");
    expect(r.ok ? "" : formatProblem("deep.pdf", r.problems[0]!)).toBe("deep.pdf:page 1, line 1: page 1 cannot be read (its objects nest too deeply); expected a PDF saved by a word processor, or the Word file");
  });

  it("a PDF that opens only with a password", async () => {
    const filter = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}';
    const r = await parse(pdfOf(made["layout-d-parenthesis"]!.docx, filter), ".pdf");
    expect(r.ok ? "" : r.problems[0]!.message).toMatch(/^the PDF is protected by a password; expected a PDF that opens without one/);
  });

  it("a file that is no PDF", async () => {
    const r = await parse(new TextEncoder().encode("<html>not a pdf</html>"), ".pdf");
    expect(r.ok ? "" : r.problems[0]!.message).toMatch(/^the file is not a PDF that can be read \(.+\); expected a PDF saved by a word processor, or the Word file$/);
  });
});

describe("lines and paragraphs from positioned text", () => {
  const item = (str: string, x: number, y: number, width = str.length * 12, height = 12): TextItem => ({ str, x, y, width, height });

  it("drops the gaps pdf.js reports between Chinese runs and digits, and keeps a character-wide gap as one space", () => {
    const lines = toLines([item("2024", 72, 700, 24), item(" ", 96, 700, 3, 0), item("年", 99, 700), item("办公室", 72, 680), item(" ", 108, 680, 40, 0), item("2025年", 148, 680)]);
    expect(lines.map((l) => l.text)).toEqual(["2024年", "办公室 2025年"]);
  });

  it("reads one baseline as one line, left to right, whatever order the items come in", () => {
    expect(toLines([item("后半", 96, 700), item("前半", 72, 701)]).map((l) => l.text)).toEqual(["前半后半"]);
    // Runs a character apart with no gap item between them (OFD gives none): one space.
    expect(toLines([item("办公室", 72, 700), item("2025年", 120, 700)]).map((l) => l.text)).toEqual(["办公室 2025年"]);
  });

  it("continues a paragraph only from a line that reached the right edge, into one without a mark or indent", () => {
    const full = (text: string, y: number, x = 72) => ({ text, left: x, right: 500, y, size: 12, number: 0 });
    const short = (text: string, y: number, x = 72) => ({ text, left: x, right: 200, y, size: 12, number: 0 });
    const edges = { left: 72, right: 500 };
    const texts = (lines: ReturnType<typeof full>[]) => toParagraphs(lines.map((l, i) => ({ ...l, number: i + 1 })), edges).map((p) => p.text);
    expect(texts([full("一行写满", 700), short("续行。", 685)])).toEqual(["一行写满续行。"]);
    expect(texts([short("短行。", 700), short("新段。", 685)])).toEqual(["短行。", "新段。"]);
    expect(texts([full("一行写满", 700), short("（二）新的一项。", 685)])).toEqual(["一行写满", "（二）新的一项。"]);
    expect(texts([full("一行写满", 700), short("首行缩进的新段。", 685, 96)])).toEqual(["一行写满", "首行缩进的新段。"]);
    expect(texts([full("一行写满", 700), short("隔了空行的新段。", 640)])).toEqual(["一行写满", "隔了空行的新段。"]);
  });

  it("knows page numbers", () => {
    for (const t of ["— 3 —", "-12-", "第 3 页", "第3页共14页", "3/14", "7"]) expect(isPageNumber(t)).toBe(true);
    for (const t of ["2025年", "一、总体要求", "3.推进"]) expect(isPageNumber(t)).toBe(false);
  });
});
