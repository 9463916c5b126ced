// The text as the search index sees it (src/site/search-text.ts): each CJK character and mark a word of its own,
// undone on what the index gives back, and a built page's text and indexed attributes spaced, never its markup.
import { describe, expect, it } from "vitest";
import { exactQuery, indexedHtml, phrasePieces, spaced, unspaced } from "../../src/site/search-text.ts";

describe("spaced", () => {
  it("sets each CJK character and mark apart, and Latin words and numbers stay whole", () => {
    expect(spaced("支持首台套装备")).toBe("支 持 首 台 套 装 备");
    expect(spaced("每年推动200家企业，5G基站")).toBe("每 年 推 动 200 家 企 业 ， 5G 基 站");
    expect(spaced("IPv6协议、3A级")).toBe("IPv6 协 议 、 3A 级");
  });

  it("keeps a number's point, comma and colon, and makes full-width letters and digits ASCII", () => {
    expect(spaced("补助1.5亿元，1,000家，8:30")).toBe("补 助 1.5 亿 元 ， 1,000 家 ， 8:30");
    expect(spaced("５Ｇ网络")).toBe("5G 网 络");
  });

  it("adds no space beside white space, and leaves text without CJK or marks alone", () => {
    expect(spaced("每年 200 家")).toBe("每 年 200 家");
    expect(spaced("plain words 42")).toBe("plain words 42");
  });
});

describe("unspaced", () => {
  it("gives back the text spaced", () => {
    for (const text of ["支持首台套装备推广应用", "每年推动200家企业，5G基站", "IPv6协议、3A、4A级（含）", "补助1.5亿元", "plain words 42"]) {
      expect(unspaced(spaced(text))).toBe(text);
    }
  });

  it("keeps the spaces between Latin words; one the source had beside a CJK character goes", () => {
    expect(unspaced("5G 基 站 and more")).toBe("5G基站and more");
    expect(unspaced("plain words 42 x")).toBe("plain words 42 x");
    expect(unspaced("市 \u200b发 \u200b展 \u200b委")).toBe("市发展委");
  });
});

describe("phrasePieces and exactQuery", () => {
  it("cuts a phrase at its marks, not at a number's point", () => {
    expect(phrasePieces("5g+工业")).toEqual(["5g", "工业"]);
    expect(phrasePieces("首台（套）")).toEqual(["首台", "套"]);
    expect(phrasePieces("1.5亿元")).toEqual(["1.5亿元"]);
    expect(phrasePieces("、")).toEqual([]);
  });

  it("asks a phrase as Pagefind's exact search of its spaced characters", () => {
    expect(exactQuery("台套")).toBe('"台 套"');
    expect(exactQuery("5g工业")).toBe('"5g 工 业"');
  });
});

describe("indexedHtml", () => {
  it("spaces the text between tags, never a tag, a comment, a script or a style", () => {
    const html = '<html lang="zh-CN"><head><title>任务</title><style>.a{content:"中文"}</style></head><body><!-- 注释 --><p class="x" title="标题">企业上云</p><script type="module" src="/a.js">const s = "中文";</script></body></html>';
    expect(indexedHtml(html)).toBe(
      '<html lang="zh-CN"><head><title>任 务</title><style>.a{content:"中文"}</style></head><body><!-- 注释 --><p class="x" title="标题">企 业 上 云</p><script type="module" src="/a.js">const s = "中文";</script></body></html>',
    );
  });

  it("keeps a character reference whole: a mark, or white space", () => {
    expect(indexedHtml("<p>研发&amp;生产&nbsp;企业&#x4E00;</p>")).toBe("<p>研 发 &amp; 生 产&nbsp;企 业 &#x4E00;</p>");
  });

  it("gives the attributes a page names in data-pagefind-index-attrs, and only those, as spaced text at the element's start", () => {
    const html = '<h1 data-pagefind-index-attrs="data-search-names" data-search-names="经济和信息化局 经信局" data-other="经信局">市经信局</h1>';
    expect(indexedHtml(html)).toBe('<h1 data-search-names="经济和信息化局 经信局" data-other="经信局">经 济 和 信 息 化 局 经 信 局 市 经 信 局</h1>');
  });

  it("leaves a filter or metadata given from an attribute as it is", () => {
    const html = '<a data-pagefind-filter="document[data-list-filter]" data-list-filter="六安市 · 清单">清单</a><span data-pagefind-meta="type:task"></span>';
    expect(indexedHtml(html)).toBe('<a data-pagefind-filter="document[data-list-filter]" data-list-filter="六安市 · 清单">清 单</a><span data-pagefind-meta="type:task"></span>');
  });

  it("refuses a filter or metadata that takes its value from the element's text, naming the page", () => {
    expect(() => indexedHtml('<span data-pagefind-filter="status">已完成</span>', "dist/a/index.html")).toThrow(
      /^dist\/a\/index\.html: data-pagefind-filter="status" takes the element's text/,
    );
    expect(() => indexedHtml('<h1 data-pagefind-meta="title">市经信局</h1>')).toThrow(/^page: data-pagefind-meta="title" takes the element's text/);
  });
});
