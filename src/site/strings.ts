// Every string a reader sees, in one place (labels, buttons, messages). Components never hold prose.
import type { Location } from "../model/location.ts";
import { formatRange } from "../model/location-format.ts";
import { STATUS_LABELS } from "../model/progress-labels.ts";

/** A link to one page of a paged view, naming the first and last list it holds. */
const pageRangeLink = (page: number, from: string, to: string) => `第 ${page} 页：${from} … ${to}`;

/**
 * The search page's words, apart so the search script bundles these alone rather than every page's strings.
 */
export const searchStrings = {
  title: "搜索",
  region: "搜索与筛选",
  intro: "输入关键词，查找任务和措施原文。可按章节、牵头单位、配合单位和清单筛选。",
  label: "关键词",
  submit: "搜索",
  noscript: "搜索需要启用浏览器的 JavaScript。不使用 JavaScript 时，可从首页的任务目录或责任单位页查找内容。",
  filtersLegend: "筛选",
  filterAll: "全部",
  /** The chapter select of a large library before a list is chosen: its chapters come with the list. */
  chapterAfterList: "全部（先选择清单，再选章节）",
  filters: {
    chapter: "章节",
    lead: "牵头单位",
    support: "配合单位",
    document: "清单",
    plan: "落实方案",
    status: "落实状态",
  },
  loading: "正在搜索…",
  empty: "没有找到结果。",
  /** After the count, when the query's words were searched with their synonyms (src/site/synonyms.json). */
  withSynonyms: (words: readonly string[]) => `（同时查找了${words.join("、")}）`,
  /** Above the nearest known words, when a search finds nothing. */
  suggestHeading: "您是否要找：",
  suggestWithoutFilters: (query: string) => `不加筛选条件搜索“${query}”`,
  count: (n: number) => `找到 ${n} 项结果`,
  /** When only the first results were checked for the phrase (a query matching very many pages). */
  excerptEllipsis: "…",
  failed: "搜索索引加载失败，请稍后再试。",
  more: "显示更多结果",
  typeTask: "任务",
  typeUnit: "责任单位",
  /** The site filter, shown when other sites' lists are searched too (SEARCH_SITES). */
  siteFilter: "站点",
  /** Read before a result's site label by screen readers. */
  siteLabel: "来源：",
  /** When other sites' search did not answer (down, refused or too slow): the results are this site's and the others'. */
  sitesUnanswered: (names: readonly string[]) =>
    `暂时无法连接${names.join("、")}的清单搜索，下列结果不含${names.length > 1 ? "这些站点" : "该站点"}的内容。请稍后再试。`,
} as const;

export const strings = {
  skipLink: "跳到正文",
  /** The collapsed section that holds what the web team needs and readers do not: file names, lines. */
  provenance: "来源",
  nav: {
    label: "主导航",
    home: "首页",
    lists: "清单",
    units: "责任单位",
    figures: "目标与指标",
    support: "政策找寻",
    progress: "落实情况",
    search: "搜索",
  },
  searchBox: {
    region: "全站搜索",
    label: "搜索清单",
    placeholder: "如：奖补、小巨人",
    submit: "搜索",
  },
  textSize: {
    label: "大字号",
    pressedHint: "已开启大字号",
  },
  footer: {
    label: "网站信息",
    organizer: "主办单位",
    siteCode: "网站标识码",
    icp: "ICP备案号",
    psb: "公安备案号",
    generatedFrom: "内容依据原文件整理，文字以原文为准。",
  },
  home: {
    /** The three ways in, one per kind of reader. */
    entriesLabel: "从这里开始",
    entries: {
      support: { title: "企业找政策", text: "按企业所处阶段和支持方式，查奖补、贴息、融资等支持政策，看由哪个部门受理。" },
      units: { title: "部门查职责和到期", text: "查本单位在各清单中牵头和配合的任务、措施原文和完成时限。" },
      lists: { title: "浏览清单", text: "逐项阅读清单原文，上级措施和本地措施并排对照。" },
    },
    documentsHeading: "清单",
    newestHeading: "最新清单",
    /** `number`: the list's own 文号, where known. */
    listMeta: (government: string, date: string, number = "") => [government, number, date].filter(Boolean).join(" · "),
    listCounts: (tasks: number, measures: number, units: number) => `${tasks} 项任务 · ${measures} 条落实措施 · ${units} 个责任单位`,
    newest: (shown: number, total: number) => `最新的 ${shown} 份清单（共 ${total} 份）`,
    allLists: (total: number) => `全部 ${total} 份清单`,
    source: (file: string) => `原文件：${file}`,
    date: "日期",
    addressees: "主送",
    preamble: "通知正文",
    attachment: "附件",
    counts: { tasks: "项任务", measures: "条落实措施", units: "个责任单位" },
    chapters: "任务目录",
    downloads: "数据下载",
    downloadJson: "完整数据（JSON）",
    downloadSchema: "数据结构说明（JSON Schema）",
    downloadCsv: "责任分工表（CSV，可用 Excel 打开）",
    downloadQuantities: "目标与指标数值表（CSV，可用 Excel 打开）",
    unitsLink: "按责任单位查看",
    figuresLink: "目标与指标：图表和全部数值",
    supportLink: "政策找寻：我能享受哪些支持",
    comparisonLink: "上下对照：市措施照抄、修改、新增了哪些内容",
    /** A list's row on the home page: short, since the row's heading names the list. */
    rowLinks: { figures: "目标与指标", support: "政策找寻", comparison: "上下对照" },
  },
  task: {
    breadcrumb: "当前位置",
    taskNumber: (n: number) => `任务 ${n}`,
    chapter: "所属章节",
    localNumber: (label: string, n: number, total: number) => (total > 1 ? `${label}（${n}）` : label),
    noUnits: "无",
    pager: "上一项和下一项任务",
    previous: "上一项",
    next: "下一项",
    source: "出处",
    sourceAt: (file: string, where: string) => `原文件 ${file} ${where}`,
    /** A span of the source as a person finds it: 第 38–56 行 / 表1 第 3–5 行 / Sheet1!A3:F5 / 第 12–14 段. */
    sourceRange: (from: Location, to: Location): string => {
      const span = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
      if ("page" in from && "page" in to && "line" in from && "line" in to) {
        return from.page === to.page ? `第 ${from.page} 页第 ${span(from.line, to.line)} 行` : `第 ${from.page} 页第 ${from.line} 行至第 ${to.page} 页第 ${to.line} 行`;
      }
      if ("page" in from && "page" in to && "table" in from && "table" in to) {
        return from.page === to.page ? `第 ${from.page} 页表${from.table} 第 ${span(from.row, to.row)} 行` : `第 ${from.page} 页表${from.table} 第 ${from.row} 行至第 ${to.page} 页表${to.table} 第 ${to.row} 行`;
      }
      if ("line" in from && "line" in to) return `第 ${span(from.line, to.line)} 行`;
      if ("table" in from && "table" in to && from.table === to.table) return `表${from.table} 第 ${span(from.row, to.row)} 行`;
      if ("paragraph" in from && "paragraph" in to) return `第 ${span(from.paragraph, to.paragraph)} 段`;
      if ("sheet" in from && "sheet" in to && from.sheet === to.sheet) return from.cell === to.cell ? `${from.sheet}!${from.cell}` : `${from.sheet}!${from.cell}:${to.cell}`;
      return formatRange(from, to);
    },
    deadline: "完成时限",
    datesInText: "文中时间节点",
    deadlineDate: (iso: string) => `（截止 ${iso}）`,
    ongoing: "（长期）",
    responsible: "责任单位（按职责分工负责）",
    leaders: "牵头领导",
    note: "备注",
    permalink: "本页固定链接",
    quantityTitle: "在“目标与指标”中查看此数值",
    quantitiesNote: (n: number) => `本任务原文中的 ${n} 个数值已用底色标出，点击可查看对照和统计。`,
    quantitiesLink: "查看全部目标与指标",
  },
  figures: {
    title: "目标与指标",
    intro: "本页汇总清单中的目标数量、奖补金额和时间节点。每幅图下方都有含相同数据的表格。",
    chartsHeading: "图表",
    dataTable: "图表数据",
    quantitiesHeading: (n: number) => `全部数值（${n} 个）`,
    quantitiesIntro: "点击列标题可排序。数值和单位均按原文照录。",
    download: "下载全部数值（CSV）",
    columns: {
      task: "任务",
      side: "栏目",
      subject: "对象或事项",
      value: "数值（原文）",
      kind: "类别",
      period: "期限",
      qualifier: "限定",
    },
    kinds: { target: "目标", subsidy: "奖补", rate: "比例", deadline: "时限", other: "其他" },
    measureNumber: (label: string, n: number, total: number) => (total > 1 ? `${label}（${n}）` : label),
    none: "—",
    sortedAscending: (column: string) => `已按“${column}”升序排列`,
    sortedDescending: (column: string) => `已按“${column}”降序排列`,
  },
  support: {
    title: "政策找寻：我能享受哪些支持",
    intro: "选择企业所处的阶段和关心的支持方式，查看这份清单中可以申请的奖补和支持措施，以及受理的部门。金额和条件均按原文照录，具体以有关部门解释为准。",
    noscript: "下面按支持方式列出全部支持措施。启用浏览器的 JavaScript 后，可按企业阶段、支持方式、部门和关键词筛选，并使用政策计算器。",
    formLabel: "筛选支持措施",
    government: "发布政府",
    stage: "企业阶段",
    kind: "支持方式",
    unit: "受理部门",
    query: "关键词",
    queryPlaceholder: "如：小巨人、展会",
    all: "全部",
    reset: "显示全部",
    /** The finder's live count; {n} is replaced by the number of cards shown. */
    countTemplate: "符合条件的支持措施：{n} 项",
    groupCount: (n: number) => `${n} 项`,
    /** Inside a kind: the cards that name a stage, then those open to every stage, under this heading. */
    namedStages: "写明企业阶段的",
    openStages: "各阶段企业均可",
    amount: "金额",
    rate: "比例",
    cap: "最高",
    basis: "计算基数",
    oneOff: "一次性",
    upTo: "最高",
    recipient: "适用对象",
    condition: "原文条件",
    stages: "适用阶段",
    anyStage: "未限定企业阶段",
    levelLabel: "政策层级",
    superior: "上级政策",
    lead: "牵头单位",
    cooperating: "配合单位",
    source: "政策出处",
    /** On the superior level's support: the superior document the list implements (the policy to cite). */
    superiorDocument: "上级文件：",
    cited: (title: string, number?: string) => `《${title}》${number ? `（${number}）` : ""}`,
    listNumber: (number: string) => `（${number}）`,
    taskLink: (n: number, title: string) => `任务 ${n} ${title}`,
    levels: { national: "国家", provincial: "省级", municipal: "市级", county: "县级" },
    /** The finder over every list (/support/), and a list's own page. */
    allIntro: "汇总全部清单中的奖补和支持措施，可按发布政府、企业阶段、支持方式、受理部门和关键词筛选，筛选结果可复制链接分享。金额和条件均按原文照录，具体以有关部门解释为准。",
    olderLists: (n: number) => `此页汇总最新的清单；另有 ${n} 个较早的清单，请从“全部清单”进入该清单的政策找寻页。`,
    allNoscript: "下面按支持方式列出全部清单的支持措施。启用浏览器的 JavaScript 后，可按发布政府、企业阶段、支持方式、部门和关键词筛选，并使用政策计算器。",
    listsLink: "全部清单",
    scopeNote: "本页只列出这份清单中的支持措施。",
    allLink: "查看全部清单的支持措施",
    /** 政策计算器: what the enterprise ticks and the sums per kind. */
    claim: "计入政策计算器",
    calculator: {
      title: "政策计算器",
      intro: "在下面的支持措施中勾选本企业符合条件的项目，这里按支持方式汇总可申请的金额。金额按原文照录；标“最高”的为上限，实际以有关部门核定为准。",
      empty: "尚未勾选任何项目。",
      item: "项目",
      amount: "金额",
      source: "原文",
      /** {kind} is replaced by the kind's name. */
      kindTotal: "{kind}小计",
      total: "合计",
      upToPrefix: "最高",
      oneOff: "一次性",
      print: "打印我的政策清单",
      clear: "清空",
      /** {n}: how many ticked; {total}: their sum. */
      status: "已勾选 {n} 项，合计 {total}",
    },
  },
  /** A department's contacts (seeds/contacts.json), on support cards and department pages; none shown without it. */
  contacts: {
    heading: "咨询与申报",
    phone: "咨询电话",
    address: "地址",
    hours: "办公时间",
    apply: "申报入口",
    /** Before a department's contacts on a card that has several lead departments with contacts. */
    of: (department: string) => `${department}：`,
  },
  comparison: {
    /** The document's share page. */
    title: "上下对照",
    pageTitle: (docTitle: string) => `上下对照 - ${docTitle}`,
    intro: (upper: string, local: string) =>
      `把每项任务的${local}与${upper}逐句对照，看哪些句子照抄、哪些作了修改、哪些是新增的、哪些没有保留。下图是各任务${local}中照抄${upper}的文字所占的比例；点击表中的任务可查看逐句对照。`,
    method: (threshold: string, minRun: number) =>
      `对照方法：按句号、分号、问号、叹号（长句再按逗号）切分句子，字符相似度不低于 ${threshold} 的两句视为对应；连续 ${minRun} 个及以上汉字、字母或数字相同的部分计为照抄。只有标点不同的句子算作相同。结果由程序计算，仅供参考。`,
    chartCaption: (local: string, upper: string) => `各任务${local}中照抄${upper}的文字比例`,
    chart: (local: string) => ({
      title: "照抄比例（按任务）",
      description: ({ overall, most, least }: { overall: string; most: string; least: string }) =>
        `各任务${local}中逐字照抄上级文字的比例。全文 ${overall}；最高 ${most}；最低 ${least}。`,
      axis: "照抄比例",
      overall: "全文",
      columns: { task: "任务", share: "照抄比例", copied: "照抄字数", local: "总字数" },
      caption: "各任务照抄比例和逐句对照结果（句数）",
    }),
    /** The task page's comparison view. */
    heading: "逐句对照",
    toggle: "逐句对照",
    toggleHint: "切换显示：原文并列或逐句对照",
    /** Without JavaScript: a link down to the comparison, shown where the switch will be. */
    jump: "跳到逐句对照 ↓",
    caption: (upper: string, local: string) => `${upper}与${local}逐句对照`,
    kindColumn: "对照结果",
    kinds: {
      identical: "相同",
      punctuation: "相同（标点不同）",
      changed: "修改",
      added: "新增",
      omitted: "未保留",
    },
    /** Read before a <del>/<ins> by screen readers; hidden on screen, where strikethrough and underline show it. */
    del: "删除：",
    ins: "新增：",
    noSuperior: (upper: string) => `（${upper}无对应内容）`,
    noLocal: (local: string) => `（${local}未保留）`,
    share: (local: string, upper: string, percent: string, copied: string, total: string) =>
      `${local}中照抄${upper}的文字占 ${percent}（共 ${total} 字，其中照抄 ${copied} 字）。`,
    counts: (c: { identical: number; changed: number; added: number; omitted: number }) =>
      `相同 ${c.identical} 句，修改 ${c.changed} 句，新增 ${c.added} 句，未保留 ${c.omitted} 句。`,
    legend: "图例",
    legendSamples: { del: "删除的文字", ins: "新增的文字", number: "500" },
    legendText: {
      del: (upper: string, local: string) => `删除线：${upper}中有、${local}删去或改掉的文字`,
      ins: (local: string) => `下划线：${local}新写入或改写的文字`,
      number: "加粗加框：改动的数字",
      kinds: {
        identical: (upper: string, local: string) => `${local}与${upper}逐字相同`,
        punctuation: () => "只有标点不同（如全角与半角逗号），计为相同",
        changed: () => "对应的句子，文字有改动",
        added: (upper: string) => `${upper}中没有对应的句子`,
        omitted: (_upper: string, local: string) => `上级的句子，${local}中没有保留`,
      },
    },
    pageLink: "各任务照抄比例",
  },
  calendar: {
    nameSuffix: "到期事项",
    /** The feed of every department (calendar.ics). */
    everyone: "全部单位",
    everyoneDescription: "各清单中全部措施写明的完成时限和时间节点，按日期排列。",
    measure: "措施",
    deadlineDay: (iso: string) => `（最后期限 ${iso}）`,
    link: "任务页面",
    /** Before the title of a deadline past at the newest progress report and not done. */
    overdue: "【超期】",
    overdueLine: "状态：超期（最新进展报告日期已过完成时限，尚未完成）",
  },
  lists: {
    title: "全部清单",
    intro: "本站收录的全部清单，按发文日期由新到旧排列。",
    list: "清单",
    government: "发布政府",
    date: "日期",
    tasks: "任务",
    units: "责任单位",
    unknownGovernment: "未注明",
    /** The figures chooser: the same index, each list linking to its 目标与指标 page. */
    figuresTitle: "目标与指标：选择清单",
    figuresIntro: "每份清单的目标、指标和奖补数值单独成页。请选择清单。",
    undated: "未注明",
    pagesLabel: "清单分页",
    pageOf: (page: number, pages: number) => `第 ${page} 页，共 ${pages} 页`,
    pageLink: pageRangeLink,
  },
  units: {
    title: "责任单位",
    intro: "每个单位只列一次：同一政府的同一单位在不同清单中的简称和全称（如“市经信局”和“市经济和信息化局”）合为一个；不同政府的同名单位（如两个市的“市经信局”）分开列出。点击单位名称，查看该单位在全部清单中牵头和配合的任务、措施原文和到期时间。",
    name: "单位",
    otherNames: "清单中的其他写法",
    aliasesLine: (names: string) => `也写作：${names}`,
    aliasesSearch: (names: string) => `其他名称：${names}`,
    leadCount: "牵头任务数",
    supportCount: "配合任务数",
    listCount: "涉及清单数",
    listFilter: "按清单筛选",
    listFilterAll: "全部清单",
    listFilterApply: "筛选",
    shownCount: "当前显示 {n} 个单位。",
    listHeading: (title: string) => title,
    printedAs: (names: string) => `本清单写作：${names}`,
    listCounts: (lead: number, support: number) => `牵头 ${lead} 项，配合 ${support} 项`,
    dueHeading: (n: number) => `到期（${n} 项）`,
    dueComing: (n: number) => `尚未到期（${n} 项）`,
    duePast: (n: number) => `已过期限（${n} 项）`,
    dueSplit: (day: string) => `以本页生成日${day}为界。`,
    dueIntro: "该单位牵头或配合的措施中写明的完成时限和时间节点，按日期排列。",
    dueNone: "没有写明日期的完成时限。",
    dueDate: "日期",
    dueList: "清单",
    dueTask: "任务",
    dueRole: "职责",
    dueWhat: "原文",
    roleLead: "牵头",
    roleSupport: "配合",
    fromText: "（文中）",
    calendar: "订阅到日历",
    calendarHint: "可在 Outlook、WPS 或手机日历中按网址订阅，到期事项会随网站更新。",
    calendarAll: "全部单位的到期事项（日历订阅）",
    pagesLabel: "更多清单",
    pageLink: pageRangeLink,
    pageOf: (page: number, pages: number) => `第 ${page} 页，共 ${pages} 页（每页按清单日期由新到旧）`,
    leadHeading: (n: number) => `牵头的任务（${n} 项）`,
    supportHeading: (n: number) => `配合的任务（${n} 项）`,
    none: "无",
    unitOf: "所属清单",
    summary: (lead: number, support: number) => `牵头 ${lead} 项任务，配合 ${support} 项任务。`,
    printHint: "打印本页可得到该单位的责任清单（A4）。",
  },
  progress: {
    title: "落实情况",
    allTitle: "各清单落实情况",
    listTitle: (title: string) => `落实情况：${title}`,
    intro: "根据各责任单位报送的进展情况汇总。超期：完成时限已过、尚未完成。",
    states: { ...STATUS_LABELS, unreported: "未报送" } as Record<string, string>,
    overdue: "超期",
    measureN: (n: number) => `第 ${n} 项措施`,
    measuresN: (ns: readonly number[]) => `第 ${ns.join("、")} 项措施`,
    counts: "按状态统计",
    countsCaption: (total: number) => `共 ${total} 项措施`,
    byChapter: "按章节",
    byList: "按清单",
    byLead: "按牵头单位",
    overdueHeading: "超期措施",
    behindHeading: "滞后措施",
    noneOverdue: "没有超期措施。",
    noneBehind: "没有其他滞后措施。",
    reportsHeading: "报送记录",
    reportRows: (n: number) => `${n} 行`,
    allMeasures: "全部措施",
    column: { task: "任务", lead: "牵头单位", state: "状态", deadline: "完成时限", latest: "最新进展", date: "报送日期", list: "清单", report: "报告", rows: "行数", group: "分组", total: "合计" },
    taskHeading: "落实进展",
    latestOf: (date: string) => `截至 ${date}`,
    historyHeading: (n: number) => `历次报送（${n} 次）`,
    changesLabel: "与上次相比：",
    unchanged: "与上次相同。",
    scopeTask: "按任务报送",
    problems: "存在问题",
    next: "下步打算",
    note: "备注",
    deadlineOf: (date: string) => `完成时限 ${date}`,
    listLink: "查看本清单落实情况",
    allLink: "各清单落实情况",
    unitHeading: "牵头措施落实情况",
    unitSummary: (total: number, overdue: number) => `牵头 ${total} 项已报送进展的措施${overdue ? `，其中 ${overdue} 项超期` : ""}。`,
    feedLink: "进展订阅（Atom）",
    downloadCsv: "下载落实情况（CSV）",
    feedTitle: (label: string) => `${label}：落实进展`,
    chartTitle: (what: string) => `落实状态${what}`,
  },
  plans: {
    indexTitle: "落实方案",
    indexIntro: "多份清单落实同一上级文件时，归为一个方案：按各清单引用的上级文号归并，没有文号的按其上级举措原文归并。每个方案页把各地的措施放在同一条上级举措下对照。",
    number: "文号",
    lists: (n: number, governments: number) => `${governments} 个地方的 ${n} 份清单`,
    measures: (n: number) => `${n} 条上级举措`,
    /** The plan's own page. */
    intro: (n: number, governments: number) => `${governments} 个地方的 ${n} 份清单落实本文件。下表列出各清单；“上级举措”一节逐条列出本文件的举措，点击可查看各地的落实措施。`,
    groupedByText: "以上清单没有引用同一文号，按其上级举措原文归为同一方案。",
    listsHeading: "落实清单",
    listsCaption: "落实本文件的清单",
    columns: { government: "地方", list: "清单", date: "日期", carried: "列入举措", share: "照搬比例" },
    carried: (n: number, of: number) => `${n} / ${of}`,
    withoutSuperior: "以下清单引用了本文件，但没有印出上级举措，无法逐条对照：",
    measuresHeading: "上级举措",
    carriedBy: (n: number, of: number) => `${of} 份清单中 ${n} 份列入`,
    coverageLink: "各地落实情况总览（矩阵）",
    /** The page of one superior measure. */
    measureTitle: (n: number, title: string) => `上级举措 ${n}${title ? `：${title}` : ""}`,
    superiorHeading: "上级举措原文",
    citiesHeading: "各地落实措施",
    similarity: (percent: string) => `所印上级举措与方案原文的相似度 ${percent}`,
    edited: "（所印上级举措有删改）",
    share: (percent: string) => `照搬上级原文 ${percent}`,
    counts: (c: { identical: number; changed: number; added: number; omitted: number }) =>
      `逐句对照：相同 ${c.identical} 句，修改 ${c.changed} 句，新增 ${c.added} 句，未保留 ${c.omitted} 句`,
    task: (n: number, title: string) => `任务 ${n}${title ? ` ${title}` : ""}`,
    localTargets: "本地目标",
    absentHeading: "未列入的清单",
    absentIntro: "以下清单印有上级举措一栏，但没有列入这条举措：",
    targetsHeading: "目标合计",
    targetsIntro: "上级目标与各地配对的本地目标。每个地方只计最新一份清单；单位不同或没有写明目标的地方不计入合计。",
    targetsCaption: (printed: string) => `上级目标 ${printed} 与各地目标`,
    targetsColumns: { government: "地方", list: "清单", target: "本地目标", counted: "计入合计" },
    targetNone: "未写明对应目标",
    targetUnit: "单位不同，不计入",
    targetCounted: "计入",
    targetSum: (sum: string, unit: string, lists: number, superior: string, ratio: string) =>
      `合计 ${sum}${unit}（${lists} 个地方），为上级目标 ${superior} 的 ${ratio}。`,
    noTargetSum: "没有可以合计的本地目标。",
    previous: "上一条举措",
    next: "下一条举措",
    pagesLabel: "清单分页",
    pageOf: (page: number, pages: number) => `第 ${page} 页，共 ${pages} 页`,
    /** The coverage matrix's page. */
    coverageTitle: "各地落实情况总览",
    coverageIntro:
      "每行是一条上级举措，每列是一份清单。格内文字和深浅表示该清单是否列入这条举措、照搬上级原文的比例：照搬（80% 及以上）、沿用（30%–80%）、自拟（不足 30%）、未列入。下表是同样的数据。",
    words: { copied: "照搬", partly: "沿用", own: "自拟", absent: "未列入" },
    matrixTitle: "上级举措 × 清单",
    matrixDescription: (measures: number, lists: number, absent: number) =>
      `${measures} 条上级举措、${lists} 份清单；共有 ${absent} 处未列入。格内文字为照搬、沿用、自拟或未列入。`,
    matrixCaption: "各清单落实上级举措的情况",
    measureColumn: "上级举措",
    /** On a list's page and a department's list section. */
    implements: "落实",
    planLink: (label: string) => `${label}的全部落实清单`,
  },
  search: searchStrings,
  notFound: {
    title: "页面不存在",
    body: "您访问的页面不存在或已移动。",
    back: "返回首页",
  },
} as const;

/** An ISO date as Chinese pages print it: 2025-12-31 → 2025年12月31日 (a month alone: 2025年12月). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return d ? `${y}年${Number(m)}月${Number(d)}日` : `${y}年${Number(m)}月`;
}
