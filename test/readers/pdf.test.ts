// The PDF reader on PDFs as LibreOffice exports them from Word files: paragraph lists of each layout give the same
// model as the Word file they were made from (locations aside), wrapped lines and page breaks joined; a problem is
// located by page and line; a ruled table, a scan, a password and a file that is no PDF are refused, each saying what
// to send instead. And the line and paragraph rules on positioned text of their own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/ingest/blocks.ts";
import { parseSource, type ParseResult } from "../../src/ingest/parse.ts";
import { isPageNumber, toLines, toParagraphs, type TextItem } from "../../src/ingest/readers/pdf/lines.ts";
import type { Document } from "../../src/model/schema.ts";
import { FIXTURES } from "../ingest/helpers.ts";
import { bundledText, docxOf } from "../support/bundled-formats.ts";
import { writeDocx } from "../support/docx-writer.ts";
import { paragraphsDocx, pdfOf, textlessPdf } from "../support/pdf-writer.ts";

const LAYOUTS = ["layout-c-label-lines", "layout-d-parenthesis", "layout-e-first-listed"];

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

  it("says where a problem is as page and line", async () => {
    const text = readFileSync(join(FIXTURES, "malformed-parenthesis-no-unit", "input.txt"), "utf8");
    const r = await parse(pdfOf(paragraphsDocx(text, writeDocx)), ".pdf");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblem("list.pdf", r.problems[0]!)).toMatch(/^list\.pdf:page 1, line \d+: the text “推进千兆光网进小区。（2025年底前完成）” of task （二） ends without a parenthesis naming its units/);
  });
});

describe("PDFs the reader refuses, saying what to send instead", () => {
  it("a ruled table (the bundled list exported from Word)", async () => {
    const r = await parse(pdfOf(docxOf(bundledText(), { tableBorders: true })), ".pdf");
    expect(r.ok ? [] : r.problems.map((p) => formatProblem("list.pdf", p))).toEqual([
      expect.stringMatching(/^list\.pdf:page \d+, line 1: the page rules a table, and tables in PDF files are not read yet; expected the list as the Word, Excel or web page file/),
    ]);
  }, 60_000);

  it("a scan, with no text layer", async () => {
    const r = await parse(textlessPdf(), ".pdf");
    expect(r.ok ? "" : r.problems[0]!.message).toMatch(/^the PDF has no text layer \(it is a scan or a picture of the pages\); expected the Word file .*OCR/);
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
    expect(toLines([item("后半", 120, 700), item("前半", 72, 701)]).map((l) => l.text)).toEqual(["前半后半"]);
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
