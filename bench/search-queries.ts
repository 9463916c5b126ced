// Search queries with the pages each one should find, written by hand from the texts of the three lists of the
// library site (bench/search-quality.ts builds it): the bundled list (seeds/luan-zjtx-2022.txt, 20 tasks with the
// provincial measure beside the city's), the 2023 digitalisation list (4 tasks) and the 2024 business-environment
// list (5 tasks), both in test/fixtures/library/.
//
// A page is expected when the text Pagefind indexes for it holds the query as typed: for a task page its number,
// title, the superior and local measures, the column labels and the units' names (not the document title or the
// chapter, which sit in the breadcrumb); for a unit page (one per unit, for all lists) its name, the other names
// it is printed under and its counts.
// For a query of several words separated by spaces, a page is expected when it holds every word; a word of the
// synonym table (src/site/synonyms.json) is held by the page that holds it or one of its synonyms.

/** The sources of the library site, relative to the repository root. */
export const LIBRARY_SOURCES = [
  "seeds/luan-zjtx-2022.txt",
  "test/fixtures/library/luan-shuzi-2023.txt",
  "test/fixtures/library/luan-yingshang-2024.html",
];

const ZJTX = "luan-zjtx-2022";
const SHUZI = "luan-shuzi-2023";
const YINGSHANG = "luan-yingshang-2024";

/** Task pages of a document, as paths under the site's base: "luan-zjtx-2022/tasks/15/". */
const tasks = (doc: string, ...numbers: number[]) => numbers.map((n) => `${doc}/tasks/${n}/`);
/** A unit's page (one for all lists): "units/shi-dan-bao-gong-si/". */
const unit = (slug: string) => `units/${slug}/`;

export interface SearchQuery {
  query: string;
  /** Why this query is in the set. */
  note: string;
  expected: string[];
}

export const SEARCH_QUERIES: SearchQuery[] = [
  // Two- and three-character phrases whose characters also occur apart (发展…会, 用地、用电, 线上…服务云).
  { query: "展会", note: "展 and 会 apart in 发展, 大会", expected: [...tasks(ZJTX, 15), ...tasks(SHUZI, 2), ...tasks(YINGSHANG, 4)] },
  { query: "小巨人", note: "three lists", expected: [...tasks(ZJTX, 2, 6, 14), ...tasks(YINGSHANG, 5)] },
  { query: "奖补", note: "many tasks, three lists, with 奖励, 补助, 补贴", expected: [...tasks(ZJTX, 1, 2, 3, 6, 7, 8, 11, 14, 15, 16), ...tasks(SHUZI, 2, 3), ...tasks(YINGSHANG, 2, 5)] },
  { query: "上云", note: "线上融资 … 服务云 holds both characters", expected: tasks(ZJTX, 6) },
  { query: "用电", note: "用 and 电 are everywhere", expected: [...tasks(ZJTX, 12), ...tasks(YINGSHANG, 3)] },
  { query: "诊断", note: "two lists", expected: [...tasks(ZJTX, 16), ...tasks(SHUZI, 1)] },
  { query: "人才", note: "not 人力资源; two lists", expected: [...tasks(ZJTX, 12, 14, 17), ...tasks(SHUZI, 3)] },
  { query: "融资", note: "投融资, 融资+融智, 线上融资", expected: tasks(ZJTX, 1, 9, 10, 16) },
  { query: "贷款", note: "", expected: tasks(ZJTX, 9, 14) },
  { query: "孵化", note: "a task title (上市孵化) and a measure", expected: tasks(ZJTX, 1, 11) },
  { query: "担保", note: "a task and a unit page (市担保公司)", expected: [...tasks(ZJTX, 9), unit("lu-an-shi-shi-dan-bao-gong-si")] },
  { query: "补贴", note: "with its synonym 补助", expected: [...tasks(ZJTX, 14, 15), ...tasks(SHUZI, 2, 3)] },
  { query: "补助", note: "with its synonym 补贴", expected: [...tasks(ZJTX, 14, 15), ...tasks(SHUZI, 2, 3)] },
  { query: "银企", note: "银 and 企 apart in 银行业 … 企业", expected: tasks(YINGSHANG, 4) },
  { query: "创业", note: "创业创新, 创业园, 创业赋能", expected: tasks(ZJTX, 1, 2, 13, 17) },
  { query: "网办", note: "全程网办 (not 一网通办's 网…办)", expected: tasks(YINGSHANG, 1) },
  { query: "减税", note: "", expected: tasks(ZJTX, 19) },
  { query: "实验室", note: "three lists", expected: [...tasks(ZJTX, 3, 4), ...tasks(SHUZI, 4)] },
  { query: "北交所", note: "", expected: tasks(ZJTX, 11) },
  // Phrases that cut across the words the segmenter finds (首台套, 企业上云).
  { query: "台套", note: "inside 首台套", expected: tasks(ZJTX, 5) },
  { query: "业上云", note: "across 企业 | 上云", expected: tasks(ZJTX, 6) },
  // Longer phrases.
  { query: "知识产权", note: "", expected: tasks(ZJTX, 1, 3, 16) },
  { query: "智能工厂", note: "", expected: tasks(ZJTX, 7, 8) },
  { query: "亩均论英雄", note: "", expected: tasks(ZJTX, 12) },
  { query: "工业用电", note: "", expected: tasks(YINGSHANG, 3) },
  { query: "一网通办", note: "", expected: tasks(YINGSHANG, 1) },
  { query: "数字化", note: "two lists (not the 2023 list's title)", expected: [...tasks(ZJTX, 7, 8), ...tasks(SHUZI, 1)] },
  {
    query: "专精特新",
    note: "more than a page of results: 19 of the 20 tasks of the bundled list, and three of two other lists",
    expected: [...tasks(ZJTX, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20), ...tasks(SHUZI, 4), ...tasks(YINGSHANG, 4, 5)],
  },
  // Unit names, and the other names a unit is printed under.
  {
    query: "人社局",
    note: "the unit's page, and the tasks naming it as 市人社局 or as 市人力资源和社会保障局 (the page lists its other names)",
    expected: [...tasks(ZJTX, 1, 12, 14, 17, 19), ...tasks(SHUZI, 3, 4), unit("lu-an-shi-shi-ren-she-ju")],
  },
  // Phrases found nowhere, though each character is.
  { query: "会展", note: "the reverse of 展会", expected: [] },
  { query: "招商引资", note: "only 双招双引 and 招引", expected: [] },
  { query: "区块链", note: "", expected: [] },
  // Not a single CJK phrase: Latin letters, and two words.
  { query: "5G", note: "Latin: Pagefind's own matching", expected: tasks(ZJTX, 7, 8, 17) },
  { query: "人才 补贴", note: "two words: every word on the page", expected: [...tasks(ZJTX, 14), ...tasks(SHUZI, 3)] },
];
