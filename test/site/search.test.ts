// Phrase matching for the search page (src/site/search.ts): which words of a query must appear as typed, how a
// result's text is compared with them, and the excerpt around the phrase.
import { describe, expect, it } from "vitest";
import {
  chapterOrdinal,
  filtersFromParams,
  foldText,
  holdsTerms,
  pagefindBundle,
  phraseExcerpt,
  phraseTerms,
  searchPartsFromJson,
  searchPartsJson,
  searchSitesFromData,
  siteOfUrl,
} from "../../src/site/search.ts";
import type { ExcerptPart } from "../../src/site/search.ts";

describe("phraseTerms", () => {
  it("a Chinese query without spaces is one phrase", () => {
    expect(phraseTerms("展会")).toEqual(["展会"]);
    expect(phraseTerms("  小巨人 ")).toEqual(["小巨人"]);
  });

  it("each Chinese word between spaces, ASCII or full-width, is a phrase of its own", () => {
    expect(phraseTerms("人才 补贴")).toEqual(["人才", "补贴"]);
    expect(phraseTerms("人才　补贴")).toEqual(["人才", "补贴"]);
    expect(phraseTerms("人才 人才")).toEqual(["人才"]);
  });

  it("a word with Chinese and Latin letters is a phrase, folded to half-width lower case", () => {
    expect(phraseTerms("５Ｇ工业")).toEqual(["5g工业"]);
    expect(phraseTerms("IPv6协议")).toEqual(["ipv6协议"]);
  });

  it("a phrase is cut at its punctuation, not at a number's point", () => {
    expect(phraseTerms("5G+工业")).toEqual(["5g", "工业"]);
    expect(phraseTerms("首台（套）")).toEqual(["首台", "套"]);
    expect(phraseTerms("1.5亿元")).toEqual(["1.5亿元"]);
  });

  it("words without Chinese are left to Pagefind", () => {
    expect(phraseTerms("5G")).toEqual([]);
    expect(phraseTerms("IPv6 PON")).toEqual([]);
    expect(phraseTerms("5G 展会")).toEqual(["展会"]);
    expect(phraseTerms("")).toEqual([]);
  });
});

describe("holdsTerms", () => {
  const holdsPhrases = (text: string, phrases: string[]) => holdsTerms(text, phrases.map((p) => [p]));
  const content = "任务 15助力企业开拓市场。 市贯彻落实措施. 支持专精特新企业参加各种专业性、行业性展会，并按省、市级规定指导企业申请奖补。每年推动 200 家企业上云上平台。";

  it("finds the phrase as typed, not its characters apart", () => {
    expect(holdsPhrases(content, ["展会"])).toBe(true);
    expect(holdsPhrases("推动大中小企业融通发展，组织举办大会", ["展会"])).toBe(false);
    expect(holdsPhrases(content, ["会展"])).toBe(false);
  });

  it("ignores the spaces a layout puts between numbers and words", () => {
    expect(holdsPhrases(content, phraseTerms("200家企业"))).toBe(true);
  });

  it("needs every phrase", () => {
    expect(holdsPhrases(content, ["展会", "奖补"])).toBe(true);
    expect(holdsPhrases(content, ["展会", "人才"])).toBe(false);
    expect(holdsPhrases(content, [])).toBe(true);
  });

  it("matches full-width letters and digits with half-width ones", () => {
    expect(holdsPhrases("支持企业拓展“５Ｇ+工业互联网”场景应用", phraseTerms("5G+工业"))).toBe(true);
  });
});

describe("foldText", () => {
  it("maps each folded character back to its place in the source", () => {
    const folded = foldText("每年 ２00 家");
    expect(folded.text).toBe("每年200家");
    expect(folded.start).toEqual([0, 1, 3, 4, 5, 7]);
    expect(folded.end).toEqual([1, 2, 4, 5, 6, 8]);
  });

  it("keeps characters outside the Basic Multilingual Plane whole", () => {
    const folded = foldText("𠀀 会");
    expect(folded.text).toBe("𠀀会");
    expect(folded.start).toEqual([0, 0, 3]);
  });
});

describe("phraseExcerpt", () => {
  const text = (parts: ExcerptPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join("");

  it("marks the phrase where it stands, and every occurrence in the window", () => {
    const content = "支持专精特新企业参加各种专业性、行业性展会，组织举办展会活动。";
    expect(text(phraseExcerpt(content, ["展会"], { ellipsis: "…" }))).toBe("支持专精特新企业参加各种专业性、行业性[展会]，组织举办[展会]活动。");
  });

  it("cuts a long content around the first place, with an ellipsis at each cut", () => {
    const content = `${"甲".repeat(100)}北交所${"乙".repeat(100)}`;
    const parts = phraseExcerpt(content, ["北交所"], { ellipsis: "…", length: 30, before: 5 });
    expect(text(parts)).toBe(`…${"甲".repeat(5)}[北交所]${"乙".repeat(22)}…`);
  });

  it("prefers a place past `after` (the title the result already shows)", () => {
    const content = `任务 11加快上市孵化培育进程。 ${"丙".repeat(40)}孵化一批专精特新企业`;
    const after = content.indexOf("。") + 1;
    const parts = phraseExcerpt(content, ["孵化"], { ellipsis: "…", after, length: 20, before: 4 });
    // Near the end the window starts earlier, to keep its length.
    expect(text(parts)).toBe(`…${"丙".repeat(10)}[孵化]一批专精特新企业`);
  });

  it("does not reach back into the title for a place past it", () => {
    const content = "任务 11加快上市孵化培育进程。 省工作举措. 孵化一批专精特新企业";
    const after = content.indexOf("。") + 1;
    expect(text(phraseExcerpt(content, ["孵化"], { ellipsis: "…", after }))).toBe("…省工作举措. [孵化]一批专精特新企业");
  });

  it("marks the source's own characters when the query was folded (full-width, spaces)", () => {
    const content = "每年推动 ２00 家企业上云上平台。";
    expect(text(phraseExcerpt(content, phraseTerms("200家企业"), { ellipsis: "…" }))).toBe("每年推动 [２00 家企业]上云上平台。");
  });

  it("is empty when the content does not hold the phrase", () => {
    expect(phraseExcerpt("发展大会", ["展会"], { ellipsis: "…" })).toEqual([]);
  });
});

describe("filtersFromParams", () => {
  it("keeps the known filters with a value", () => {
    const params = new URLSearchParams({ q: "展会", chapter: "一、", lead: "", other: "x" });
    expect(filtersFromParams(params)).toEqual({ chapter: "一、" });
  });

  it("keeps the site filter", () => {
    expect(filtersFromParams(new URLSearchParams({ q: "展会", site: "石门市" }))).toEqual({ site: "石门市" });
  });
});

describe("other sites", () => {
  const sites = [
    { name: "松溪县", url: "https://www.sx.example.gov.cn/zjtx/" },
    { name: "松溪县二", url: "https://www.sx.example.gov.cn/zjtx/b/" },
    { name: "石门市", url: "http://127.0.0.1:8081/" },
  ];

  it("a result belongs to the site whose address it starts with (the longest), else to this site", () => {
    expect(siteOfUrl("https://www.sx.example.gov.cn/zjtx/d/tasks/1/", sites)?.name).toBe("松溪县");
    expect(siteOfUrl("https://www.sx.example.gov.cn/zjtx/b/d/tasks/1/", sites)?.name).toBe("松溪县二");
    expect(siteOfUrl("http://127.0.0.1:8081/units/x/", sites)?.name).toBe("石门市");
    expect(siteOfUrl("/zjtx/d/tasks/1/", sites)).toBeUndefined();
    expect(siteOfUrl("https://www.sx.example.gov.cn/other/", sites)).toBeUndefined();
  });

  it("the Pagefind bundle is the pagefind/ folder under the site's address", () => {
    expect(pagefindBundle(sites[0]!)).toBe("https://www.sx.example.gov.cn/zjtx/pagefind/");
    expect(pagefindBundle(sites[2]!)).toBe("http://127.0.0.1:8081/pagefind/");
  });

  it("the page's data attribute is read defensively", () => {
    expect(searchSitesFromData(JSON.stringify(sites))).toEqual(sites);
    expect(searchSitesFromData(undefined)).toEqual([]);
    expect(searchSitesFromData("{")).toEqual([]);
    expect(searchSitesFromData('{"name":"a"}')).toEqual([]);
    expect(searchSitesFromData('[{"name":"a","url":"javascript:alert(1)//"},{"name":"","url":"https://x/"},null,{"name":"b","url":"https://x/"}]')).toEqual([
      { name: "b", url: "https://x/" },
    ]);
  });
});

describe("the index in parts", () => {
  const bundle = "https://www.sm.example.gov.cn/rw/pagefind/";

  it("the parts file the build writes names the other parts, which the search page reads back", () => {
    expect(JSON.parse(searchPartsJson(1))).toEqual({ parts: [] });
    expect(JSON.parse(searchPartsJson(3))).toEqual({ parts: ["part-2/", "part-3/"] });
    expect(searchPartsFromJson(searchPartsJson(3), bundle)).toEqual([`${bundle}part-2/`, `${bundle}part-3/`]);
    expect(searchPartsFromJson(searchPartsJson(1), bundle)).toEqual([]);
  });

  it("another site's parts file is data: only part-N/ folders inside its bundle are taken, malformed is one part", () => {
    expect(searchPartsFromJson(undefined, bundle)).toEqual([]);
    expect(searchPartsFromJson("{", bundle)).toEqual([]);
    expect(searchPartsFromJson("null", bundle)).toEqual([]);
    expect(searchPartsFromJson('{"parts":"part-2/"}', bundle)).toEqual([]);
    const hostile = JSON.stringify({
      parts: ["../../evil/", "https://evil.example/pagefind/", "//evil.example/", "part-2", "part-0/", "part-2/../../x/", "javascript:alert(1)", 7, null, "part-3/", "part-3/"],
    });
    expect(searchPartsFromJson(hostile, bundle)).toEqual([`${bundle}part-3/`]);
  });
});

describe("chapterOrdinal", () => {
  it("reads the Chinese numeral a chapter's label opens with", () => {
    expect(["一、总体要求", "九、保障", "十、其他", "十二、附则", "二十、末章", "二十三、末章"].map(chapterOrdinal)).toEqual([1, 9, 10, 12, 20, 23]);
    expect(chapterOrdinal("附件")).toBe(Infinity);
  });
});
