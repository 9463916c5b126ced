// Builds article pages shaped like those of Chinese government sites (TRS-style chrome around an article with a table), for reader tests.
import iconv from "iconv-lite";

export interface HtmlCell {
  /** One string (a "\n" in it is written as <br>) or several paragraphs (each written as a <p>). */
  text: string | string[];
  rowspan?: number;
  colspan?: number;
}

export interface HtmlPageSpec {
  title: string;
  date?: string;
  paragraphs?: string[];
  /** Rows of the table; null marks a place covered by a span from elsewhere (nothing is written for it). */
  table?: Array<Array<HtmlCell | null>>;
  /** Paragraphs after the table (落款, 附件 lines). */
  after?: string[];
  charset?: "utf-8" | "gbk";
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function cellHtml(cell: HtmlCell, header: boolean): string {
  const span = `${cell.rowspan && cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ""}${cell.colspan && cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ""}`;
  const style = header ? ` style="background:#f2f2f2;text-align:center;font-weight:bold;"` : ` style="border:1px solid #000;padding:4px;" valign="middle"`;
  let inner: string;
  if (Array.isArray(cell.text)) {
    inner = cell.text.map((p) => `\n            <p style="margin:0;line-height:150%;"><span style="font-family:仿宋_GB2312;font-size:14px;">${escape(p)}</span></p>`).join("") + "\n          ";
  } else if (cell.text === "") {
    inner = "&nbsp;";
  } else {
    inner = `<span style="font-size:14px;">&nbsp;${cell.text.split("\n").map(escape).join("<br />\n            ")}</span>`;
  }
  return `<td${span}${style}>${inner}</td>`;
}

export function writeHtmlPage(spec: HtmlPageSpec): Uint8Array {
  const charset = spec.charset ?? "utf-8";
  const date = spec.date ?? "2022-05-09";
  const rows = (spec.table ?? []).map((row, r) => {
    const cells = row.filter((c): c is HtmlCell => c !== null).map((c) => cellHtml(c, r === 0));
    return `        <tr>\n          ${cells.join("\n          ")}\n        </tr>`;
  });
  const table = spec.table
    ? `      <table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;">\n      <tbody>\n${rows.join("\n")}\n      </tbody>\n      </table>\n`
    : "";
  const paragraph = (p: string) => `      <p style="text-indent:2em;line-height:1.75;"><font face="仿宋">　　${escape(p)}</font></p>\n`;
  const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<meta name="SiteName" content="六安市人民政府" />
<meta name="ColumnName" content="通知公告" />
<meta name="ArticleTitle" content="${escape(spec.title)}" />
<title>${escape(spec.title)}_六安市人民政府</title>
<link rel="stylesheet" type="text/css" href="/images/common.css" />
<style type="text/css">.TRS_Editor p { font-size: 16px; } .hidden { display: none; }</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<p>统计代码不是正文</p>");</script>
</head>
<body>
<div class="header">
  <div class="logo"><h1><a href="/">六安市人民政府</a></h1></div>
  <div class="search"><form action="/search" method="get"><input type="text" name="q" value="请输入关键词" /><button type="submit">搜索</button></form></div>
</div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjla/">走进六安</a></li>
  </ul>
</div>
<div class="container">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>
  <div class="article">
    <div class="article-title"><h1>${escape(spec.title)}</h1></div>
    <div class="article-info"><span>发布时间：${escape(date)}</span>&nbsp;&nbsp;<span>来源：市经信局</span>&nbsp;&nbsp;<span>浏览次数：<script>document.write(1024)</script></span>&nbsp;&nbsp;<span>字体：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</span></div>
    <div id="zoom" class="article-content">
      <div class="TRS_Editor">
${(spec.paragraphs ?? []).map(paragraph).join("")}${table}${(spec.after ?? []).map(paragraph).join("")}      </div>
    </div>
    <div class="article-share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a>　【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
  </div>
  <div class="related">
    <h3>相关链接</h3>
    <ul>
      <li><a href="/zwgk/1.html">六安市人民政府关于印发六安市“十四五”工业发展规划的通知</a><span>2022-03-01</span></li>
      <li><a href="/zwgk/2.html">六安市人民政府办公室关于进一步优化营商环境的若干意见</a><span>2022-02-11</span></li>
      <li><a href="/zwgk/3.html">关于开展2022年度专精特新中小企业申报工作的通知</a><span>2022-01-20</span></li>
    </ul>
  </div>
</div>
<div class="footer">
  <p>主办：六安市人民政府办公室　承办：六安市数据资源管理局</p>
  <p>网站标识码：3415000001　皖ICP备05006010号　皖公网安备 34150202000123号</p>
</div>
</body>
</html>
`;
  return charset === "gbk" ? new Uint8Array(iconv.encode(html, "gbk")) : new TextEncoder().encode(html);
}
