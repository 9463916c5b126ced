// The HTML reader on government article pages: body found among the chrome, tables as grids, title, date, lines, GBK, lists, hostile pages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { Block, ReadResult, TableCell } from "../../src/ingest/blocks.ts";
import { readHtml } from "../../src/ingest/readers/html.ts";
import { LIMITS } from "../../src/ingest/readers/limits.ts";
import { writeHtmlPage, type HtmlPageSpec } from "../support/html-writer.ts";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "readers", "html-page.html");
const utf8 = (s: string) => new TextEncoder().encode(s);

function ok(r: ReadResult) {
  if (!r.ok) throw new Error(`expected the page to be read: ${JSON.stringify(r.problems)}`);
  return r;
}


const p = (text: string, line: number): Block => ({ kind: "paragraph", text, at: { line } });
const c = (paragraphs: string[], line: number, covered?: "above" | "left"): TableCell => ({ paragraphs, at: { line }, ...(covered ? { covered } : {}) });

/** Blocks without locations, for comparing what was read with what was written. */
function shape(blocks: Block[]) {
  return blocks.map((b) =>
    b.kind === "paragraph" ? { paragraph: b.text } : { table: b.rows.map((row) => row.map((cell) => (cell.covered ? `(${cell.covered})` : cell.paragraphs))) },
  );
}

const SPEC: HtmlPageSpec = {
  title: "关于印发六安市专精特新中小企业倍增行动任务和责任清单的通知",
  date: "2022-05-09",
  paragraphs: ["各县区人民政府，市开发区管委，市直有关单位：", "现将《任务和责任清单》印发给你们，请认真贯彻落实。"],
  table: [
    [{ text: "序号" }, { text: "任务事项" }, { text: "市贯彻落实措施" }, { text: "牵头责任单位" }],
    [{ text: "一、培育壮大专精特新企业", colspan: 4 }, null, null, null],
    [{ text: "1" }, { text: "加快梯度培育", rowspan: 3 }, { text: ["实施梯度培育工程。", "建立专精特新企业库。"] }, { text: "市经信局\n市科技局" }],
    [{ text: "2" }, null, { text: "强化精准服务" }, { text: "" }],
    [{ text: "3" }, null, { text: "优化 <b>发展</b> 环境 {x} & 1<2" }, { text: "市财政局" }],
  ],
  after: ["六安市人民政府办公室", "2022年5月9日"],
};

const SPEC_SHAPE = [
  { paragraph: "各县区人民政府，市开发区管委，市直有关单位：" },
  { paragraph: "现将《任务和责任清单》印发给你们，请认真贯彻落实。" },
  {
    table: [
      [["序号"], ["任务事项"], ["市贯彻落实措施"], ["牵头责任单位"]],
      [["一、培育壮大专精特新企业"], "(left)", "(left)", "(left)"],
      [["1"], ["加快梯度培育"], ["实施梯度培育工程。", "建立专精特新企业库。"], ["市经信局", "市科技局"]],
      [["2"], "(above)", ["强化精准服务"], []],
      [["3"], "(above)", ["优化 <b>发展</b> 环境 {x} & 1<2"], ["市财政局"]],
    ],
  },
  { paragraph: "六安市人民政府办公室" },
  { paragraph: "2022年5月9日" },
];

describe("readHtml on a page written like a government article page", () => {
  it("reads the article body only, with its title and date", () => {
    const r = ok(readHtml(writeHtmlPage(SPEC)));
    expect(shape(r.blocks)).toEqual(SPEC_SHAPE);
    expect(r.title).toBe(SPEC.title);
    expect(r.date).toBe("2022-05-09");
    expect(r.encoding).toBe("utf-8");
  });

  it("locates each paragraph and cell at the line its element starts on", () => {
    const bytes = writeHtmlPage(SPEC);
    const lines = new TextDecoder().decode(bytes).split("\n");
    const r = ok(readHtml(bytes));
    for (const b of r.blocks) {
      const line = lines[(b.at as { line: number }).line - 1];
      if (b.kind === "paragraph") expect(line).toContain(b.text);
      else {
        expect(line).toContain("<table");
        for (const cell of b.rows.flat()) expect(lines[(cell.at as { line: number }).line - 1]).toMatch(/<td/);
      }
    }
    const table = r.blocks.find((b) => b.kind === "table")!;
    if (table.kind !== "table") throw new Error("no table");
    // The covered places point at the cell that covers them.
    expect(table.rows[3][1].at).toEqual(table.rows[2][1].at);
    expect(lines[(table.rows[2][1].at as { line: number }).line - 1]).toContain("加快梯度培育");
  });

  it("reads a GBK page declared in a meta tag", () => {
    const bytes = writeHtmlPage({ ...SPEC, charset: "gbk" });
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const r = ok(readHtml(bytes));
    expect(r.encoding).toBe("gb18030");
    expect(shape(r.blocks)).toEqual(SPEC_SHAPE);
    expect(r.title).toBe(SPEC.title);
  });

  it("reads a GB18030 page that declares nothing, as the bytes are not UTF-8", () => {
    const html = `<html><head><title>任务清单</title></head><body><div id="zoom"><p>一、加快培育专精特新企业。</p><p>二、强化服务保障。</p></div></body></html>`;
    const r = ok(readHtml(new Uint8Array(iconv.encode(html, "gb18030"))));
    expect(r.encoding).toBe("gb18030");
    expect(shape(r.blocks)).toEqual([{ paragraph: "一、加快培育专精特新企业。" }, { paragraph: "二、强化服务保障。" }]);
  });

  // Its speed is a figure of bench:ingest, not a test: tests check facts.
  it("reads a ~200-cell page into a 50 × 4 grid", () => {
    const rows = Array.from({ length: 50 }, (_, k) => [{ text: String(k + 1) }, { text: `任务事项第${k + 1}项` }, { text: [`措施${k + 1}之一。`, `措施${k + 1}之二。`] }, { text: "市经信局\n市科技局" }]);
    const bytes = writeHtmlPage({ ...SPEC, table: rows });
    const r = ok(readHtml(bytes));
    const table = r.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows.length * table.rows[0].length).toBe(200);
  });
});

describe("readHtml on a hand-written page with odd markup", () => {
  const r = ok(readHtml(readFileSync(FIXTURE)));

  it("gives the exact blocks of the article, nothing of the chrome", () => {
    const NBSP = "\u00A0";
    expect(r.blocks).toEqual([
      p("霍山县优化营商环境重点任务和责任清单", 17),
      p("为深入贯彻落实《优化营商环境条例》，持续打造一流营商环境，制定本清单。", 18),
      p("<script>alert(1)</script> 与 {x} 都是正文。", 20),
      p("表1　任务清单", 23),
      {
        kind: "table",
        at: { line: 22 },
        rows: [
          [c(["序号"], 25), c(["重点任务"], 25), c(["具体措施"], 25), c(["责任单位"], 25)],
          [c(["一、提升政务服务水平"], 28), c([], 28, "left"), c([], 28, "left"), c([], 28, "left")],
          [c(["1"], 30), c(["深化“放管服”改革"], 31), c(["推行“一网通办”。", `实现${NBSP}ISO 9001 认证。`], 33), c(["县数据资源局", "县直各单位"], 35)],
          [c(["2"], 37), c([], 31, "above"), c(["压缩审批时限"], 37), c([], 37)],
          [c(["3"], 38), c([], 31, "above"), c(["推进“证照分离”"], 38), c(["县市场监管局", "县司法局"], 38)],
        ],
      },
      p("附件：任务清单.docx", 41),
    ]);
  });

  it("takes the title from the article heading and the date from the 发布日期 line", () => {
    expect(r.title).toBe("霍山县优化营商环境重点任务和责任清单");
    expect(r.date).toBe("2021-11-30");
  });

  it("keeps scripts, hidden elements, related links and the footer out of the text", () => {
    const text = JSON.stringify(r.blocks);
    for (const outside of ["脚本不是正文", "隐藏的文字", "相关链接", "实施意见", "皖ICP备", "栏目导航", "打印本页", "您现在的位置"]) expect(text).not.toContain(outside);
  });
});

describe("readHtml finding the body on other page shapes", () => {
  const texts = (r: ReadResult) => ok(r).blocks.map((b) => (b.kind === "paragraph" ? b.text : `[table ${b.rows.length}×${b.rows[0].length}]`));
  const rows = Array.from({ length: 6 }, (_, k) => `<tr><td>${k + 1}</td><td>任务事项第${k + 1}项的具体要求</td><td>市经信局</td></tr>`).join("");

  it("takes the article cell of a page laid out with a table, not the whole layout", () => {
    const html = `<table><tr><td><img src="logo.png" alt="六安市人民政府"></td></tr><tr><td><a href="/">首页</a> <a href="/xw/">新闻</a></td></tr>
<tr><td class="content"><p>一、加快培育专精特新企业，建立健全梯度培育体系。</p><p>二、强化服务保障，优化营商环境。</p></td></tr><tr><td>版权所有：六安市人民政府</td></tr></table>`;
    expect(texts(readHtml(utf8(html)))).toEqual(["一、加快培育专精特新企业，建立健全梯度培育体系。", "二、强化服务保障，优化营商环境。"]);
  });

  it("joins a Word page's sections (text in one, the table in another) and leaves the share bar out", () => {
    const html = `<h1>标题</h1><div id="zoom"><div class="WordSection1"><p>各县区人民政府：</p><p>现将清单印发给你们，请认真贯彻执行，确保各项任务落到实处。</p></div>
<div class="WordSection2"><table>${rows}</table></div></div><div class="share">分享到：<a href="#">微信</a></div>`;
    expect(texts(readHtml(utf8(html)))).toEqual(["各县区人民政府：", "现将清单印发给你们，请认真贯彻执行，确保各项任务落到实处。", "[table 6×3]"]);
  });

  it("keeps the paragraphs around a table wrapped in a div of its own, and none of the link lists beside them", () => {
    const links = Array.from({ length: 20 }, (_, k) => `<li><a href="#">六安市人民政府关于印发某某工作方案的通知第${k}号</a></li>`).join("");
    const html = `<div class="side"><ul>${links}</ul></div><div class="art"><div class="title">关于印发清单的通知</div><div class="info">发布时间：2023-01-05 来源：本站</div>
<div class="body"><p>为贯彻落实相关要求，现将任务清单印发如下。</p><div align="center"><table>${rows}</table></div><p>六安市人民政府办公室</p></div></div><div class="rel"><ul>${links}</ul></div>`;
    const r = readHtml(utf8(html));
    expect(texts(r)).toEqual(["为贯彻落实相关要求，现将任务清单印发如下。", "[table 6×3]", "六安市人民政府办公室"]);
    expect(ok(r)).toMatchObject({ title: "关于印发清单的通知", date: "2023-01-05" });
  });
});

describe("readHtml on lists, titles and dates", () => {
  it("numbers ordered list items as a browser draws them", () => {
    const html = `<div id="zoom"><p>主要任务如下：</p>
<ol><li>加快培育</li><li>强化服务</li></ol>
<ol start="3" type="a"><li>甲项</li><li value="7">乙项</li></ol>
<ol type="I" start="4"><li><p>丁项</p></li></ol>
<ul><li>无编号</li></ul></div>`;
    const r = ok(readHtml(utf8(html)));
    expect(r.blocks).toEqual([
      p("主要任务如下：", 1),
      p("1.加快培育", 2),
      p("2.强化服务", 2),
      p("c.甲项", 3),
      p("g.乙项", 3),
      p("IV.丁项", 4),
      p("无编号", 5),
    ]);
  });

  it("falls back to meta ArticleTitle and PubDate, then to the <title> without the site name", () => {
    const body = `<body><div class="main"><p>一、加快培育专精特新企业，建立梯度培育体系。</p><p>二、强化服务保障。</p></div></body>`;
    const meta = ok(readHtml(utf8(`<html><head><meta name="ArticleTitle" content="任务和责任清单"><meta name="PubDate" content="2022-05-09 10:23"><title>站点</title></head>${body}</html>`)));
    expect(meta.title).toBe("任务和责任清单");
    expect(meta.date).toBe("2022-05-09 10:23");
    const titled = ok(readHtml(utf8(`<html><head><title>六安市人民政府 | 关于印发任务和责任清单的通知</title></head>${body}</html>`)));
    expect(titled.title).toBe("关于印发任务和责任清单的通知");
    expect(titled.date).toBeUndefined();
  });

  it("splits paragraphs at <br> and keeps a line break between Latin words as a space", () => {
    const r = ok(readHtml(utf8(`<div id="zoom">第一行<br>第二
行<br><br>ISO
9001&nbsp;&nbsp;<br>　　全角缩进的行　</div>`)));
    expect(r.blocks.map((b) => b.kind === "paragraph" && b.text)).toEqual(["第一行", "第二行", "ISO 9001", "全角缩进的行"]);
    expect(r.blocks.map((b) => (b.at as { line: number }).line)).toEqual([1, 1, 2, 3]);
  });
});

describe("readHtml on hostile pages", () => {
  it("refuses a 50 MB page at once", () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    let r!: ReadResult;
    r = readHtml(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/50 MiB.*at most 10 MiB/);
  });

  it("refuses nesting 100,000 deep without a stack overflow", () => {
    const deep = `<div id="zoom"><p>正文</p>${"<div>".repeat(100_000)}深${"</div>".repeat(100_000)}</div>`;
    let r!: ReadResult;
    r = readHtml(utf8(deep));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toContain(`more than ${LIMITS.htmlDepth} levels`);
    const spans = readHtml(utf8(`<p>正文${"<span><b>".repeat(50_000)}深`));
    expect(spans.ok).toBe(false);
  });

  it("checks the exact depth after parsing: 300 levels refused at their line, 200 read", () => {
    const r = readHtml(utf8(`<p>正文</p>\n${"<div>\n".repeat(300)}深${"</div>".repeat(300)}`));
    expect(r.ok).toBe(false);
    // html and body are two levels: the 255th div is the 257th level, on line 256.
    if (!r.ok) expect(r.problems[0].at).toEqual({ line: 256 });
    const fine = ok(readHtml(utf8(`${"<div>".repeat(200)}深${"</div>".repeat(200)}`)));
    expect(fine.blocks).toEqual([p("深", 1)]);
  });

  it("treats a script in the body as no text and text that looks like markup as text", () => {
    const r = ok(readHtml(utf8(`<div id="zoom"><p>前<script>document.write("<p>注入</p>")</script>后</p><p>&lt;img src=x onerror=alert(1)&gt; {{x}} \${y}</p><noscript>请启用脚本</noscript><template><p>模板</p></template></div>`)));
    expect(r.blocks.map((b) => b.kind === "paragraph" && b.text)).toEqual(["前后", "<img src=x onerror=alert(1)> {{x}} ${y}"]);
  });

  it("refuses binary data and damaged UTF-8 with a line", () => {
    const binary = readHtml(new Uint8Array([0x3c, 0x70, 0x3e, 0x0a, 0x00, 0x01]));
    expect(binary.ok).toBe(false);
    if (!binary.ok) expect(binary.problems[0]).toMatchObject({ at: { line: 2 }, message: expect.stringContaining("NUL") });
    const cut = utf8("<p>一、加快培育专精特新企业，建立梯度培育体系，完善服务。</p>\n<p>二、强化服务保障</p>");
    const damaged = readHtml(cut.subarray(0, cut.length - 6));
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.problems[0]).toMatchObject({ at: { line: 2 }, message: expect.stringContaining("cut short") });
  });

  it("refuses a table whose spans take it past the cell limit, before building its grid", () => {
    const rows = `<tr><td colspan="1000">格</td></tr>`.repeat(Math.ceil(LIMITS.cells / 1000) + 1);
    let r!: ReadResult;
    r = readHtml(utf8(`<div id="zoom"><p>说明文字</p><table>${rows}</table></div>`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ at: { line: 1 }, message: expect.stringContaining(`more than ${LIMITS.cells} cells`) });
  });

  it("refuses a table past the row limit", () => {
    const rows = `<tr><td>格</td></tr>`.repeat(LIMITS.rows + 1);
    const r = readHtml(utf8(`<div id="zoom"><p>说明文字</p><table>${rows}</table></div>`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toContain(`more than ${LIMITS.rows} rows`);
  });
});
