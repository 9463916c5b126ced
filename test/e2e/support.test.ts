// The support finder (政策找寻), as an enterprise uses it. On the bundled list's page (/<doc>/support/): without
// JavaScript every card is in its kind's group; with it, a shared address (?stage=…&kind=…&q=…) opens filtered,
// a chosen stage shows first the cards that name it and then, under their own heading, those open to every stage,
// and the 政策计算器 sums what is ticked per kind, keeps 最高, and prints alone. On a library of three governments
// (六安市, 云岭市, 青岚区): the government and department filters keep each government's departments apart. The page
// stays under 12,000 px on a phone; axe finds nothing at 375 and 1280 px; nothing breaks the strict CSP. A card names
// its lead department and its policy's source (the superior document for the province's support, the list's 文号);
// with a contacts file (test/fixtures/contacts/) cards and department pages show 咨询电话, 地址 and 申报入口, and
// without one (the bundled site) no such label is anywhere.
import { axeViolations } from "./support/axe.ts";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page, Route } from "playwright-core";
import { contextWithoutScripts, launchBrowser, testBrowser, watchPage } from "./support/browser.ts";
import type { PageProblems } from "./support/browser.ts";
import { buildLibrarySite, type LibrarySite } from "./support/library-site.ts";
import { DOC_ID, sites } from "./support/site.ts";

const site = sites().root;
const SUPPORT = `${site.url}${DOC_ID}/support/`;
/** axe checks every node's contrast; several runs over a long page take a while on a loaded 2-core machine. */
const AXE_TIMEOUT = 180_000;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  problems = watchPage(page, new URL(site.url).origin);
});
afterAll(async () => {
  await browser?.close();
});

interface ShownCard {
  id: string;
  heading: string;
  recipient: string;
  condition: string;
  stages: string;
  gov: string;
  /** Which part of its group: named (写明企业阶段的) or open (各阶段企业均可). */
  part: string;
}

/** The cards a reader sees, in page order. */
function visibleCards(target: Page = page): Promise<ShownCard[]> {
  return target.$$eval("[data-support-card]", (cards) =>
    cards
      .filter((c) => (c as HTMLElement).checkVisibility())
      .map((c) => {
        const fact = (label: string) =>
          [...c.querySelectorAll(".support-card__facts div")].find((d) => d.querySelector("dt")?.textContent === label)?.querySelector("dd")?.textContent ?? "";
        return {
          id: c.id,
          heading: c.querySelector(".support-card__benefit")?.textContent ?? "",
          recipient: fact("适用对象"),
          condition: fact("原文条件"),
          stages: fact("适用阶段"),
          gov: (c as HTMLElement).dataset["gov"] ?? "",
          part: c.closest<HTMLElement>("[data-support-part]")?.dataset["supportPart"] ?? "",
        };
      }),
  );
}

const statusCount = async (target: Page = page) => Number(/(\d+)/.exec((await target.textContent("[data-support-count]")) ?? "")?.[1]);
const openGroups = (target: Page = page) => target.$$eval("details[data-support-group]", (ds) => ds.filter((d) => (d as HTMLDetailsElement).open && !(d as HTMLElement).hidden).map((d) => d.id));

describe("without JavaScript", () => {
  it("every card is in its kind's group, closed, each group counted; no form, no calculator", async () => {
    const context = await contextWithoutScripts(browser);
    const plain = await context.newPage();
    await plain.goto(SUPPORT);
    expect(await plain.isVisible("[data-support-form]")).toBe(false);
    expect(await plain.isVisible("[data-support-calculator]")).toBe(false);
    const groups = await plain.$$eval("details[data-support-group]", (ds) =>
      ds.map((d) => ({ label: d.querySelector("summary h2")?.textContent, count: Number(/\d+/.exec(d.querySelector("[data-group-count]")?.textContent ?? "")?.[0]), cards: d.querySelectorAll("[data-support-card]").length, open: (d as HTMLDetailsElement).open })),
    );
    expect(groups[0]?.label).toBe("奖补");
    for (const g of groups) expect(g.count, g.label!).toBe(g.cards);
    expect(groups.every((g) => !g.open)).toBe(true);
    const total = groups.reduce((n, g) => n + g.cards, 0);
    expect(await plain.textContent("[data-support-count]")).toBe(`符合条件的支持措施：${total} 项`);
    // A closed group opens without scripts: the summary is the browser's own.
    // Forced: Playwright's wait for a stable box needs animation frames, which a Firefox without scripts does not give it.
    await plain.click("#kind-reward summary", { force: true });
    expect((await visibleCards(plain)).length).toBe(groups[0]!.cards);
    await context.close();
  });
});

describe("with JavaScript", () => {
  it("a shared address (?stage=little-giant) opens filtered: the 小巨人 awards first, then what every stage may claim", async () => {
    await page.goto(`${SUPPORT}?stage=little-giant`);
    expect(await page.inputValue('[data-support-filter="stage"]')).toBe("little-giant");
    const shown = await visibleCards();
    expect(await statusCount()).toBe(shown.length);
    expect(shown.find((c) => c.heading === "100万元" && c.recipient === "获得国家级专精特新“小巨人”称号的企业")).toBeDefined();
    expect(shown.some((c) => c.heading === "200万元" && c.recipient.includes("单项冠军"))).toBe(false);
    for (const c of shown) expect(c.stages === "小巨人" || c.stages === "未限定企业阶段", `${c.heading} ${c.stages}`).toBe(true);
    // In the 奖补 group: the cards naming 小巨人, then under 各阶段企业均可 the open ones.
    const parts = shown.map((c) => c.part);
    expect(parts.indexOf("named")).toBe(0);
    const group = await page.$$eval("#kind-reward [data-support-part]:not([hidden])", (parts) => parts.map((p) => [p.getAttribute("data-support-part"), p.querySelector("h3")?.textContent]));
    expect(group).toEqual([["named", "写明企业阶段的"], ["open", "各阶段企业均可"]]);
    expect((await openGroups()).length).toBeGreaterThan(1);
  });

  it("kind and words narrow the cards and go into the address; 显示全部 brings the page back as it loads", async () => {
    await page.goto(SUPPORT);
    const total = await statusCount();
    expect(await openGroups()).toEqual([]);
    await page.selectOption('[data-support-filter="kind"]', { label: "要素保障" });
    await page.fill('[data-support-filter="q"]', "土地");
    const shown = await visibleCards();
    expect(shown.length).toBeGreaterThan(0);
    for (const c of shown) expect(c.condition).toContain("土地");
    expect(await statusCount()).toBe(shown.length);
    expect(await openGroups()).toEqual(["kind-factors"]);
    const url = new URL(page.url());
    expect([url.searchParams.get("kind"), url.searchParams.get("q")]).toEqual(["factors", "土地"]);
    await page.click("[data-support-form] button[type=reset]");
    await expect.poll(() => statusCount()).toBe(total);
    expect(await openGroups()).toEqual([]);
    expect(new URL(page.url()).search).toBe("");
  });

  it("each card says whom to ask and where the policy comes from", async () => {
    await page.goto(`${SUPPORT}?stage=little-giant&kind=reward`);
    const card = page.locator("[data-support-card]:visible").filter({ hasText: "获得国家级专精特新“小巨人”称号的企业" }).first();
    expect(await card.locator(".badge--superior").textContent()).toBe("上级政策");
    const lead = card.locator("dt:text-is('牵头单位') + dd a").first();
    expect([await lead.getAttribute("href"), await lead.textContent()]).toEqual(["/units/lu-an-shi-shi-jing-xin-ju/", "六安市 · 市经信局"]);
    const source = (await card.locator("dt:text-is('政策出处') + dd").textContent())!.replace(/\s+/g, "");
    // The province's support: the plan the list implements, with its 文号, is the policy to cite.
    expect(source).toContain("上级文件：《安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知》（皖政办〔2022〕2号）");
    expect(source).toContain("六安市·关于贯彻落实");
    expect(source).toContain("2022年5月日");
    expect(await card.locator("dt:text-is('政策出处') + dd a").last().getAttribute("href")).toBe(`/${DOC_ID}/tasks/2/`);
  });

  it("the calculator sums what is ticked per kind, keeps 最高, is kept for the visit, and prints alone", async () => {
    await page.goto(`${SUPPORT}?kind=reward`);
    const tick = (text: string) => page.locator("[data-support-card]:visible").filter({ hasText: text }).first().locator("input[data-claim]");
    await tick("获得国家级专精特新“小巨人”称号的企业").check();
    await tick("迁入安徽的国家级专精特新“小巨人”企业").check();
    expect(await page.textContent("[data-calculator-status]")).toBe("已勾选 2 项，合计 200万元");
    await tick("帮助我省中小企业具体实施上云上平台等项目的服务商").check();
    expect(await page.textContent("[data-calculator-status]")).toBe("已勾选 3 项，合计 最高300万元");
    const rows = await page.$$eval("[data-calculator-table] tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows.at(-2)).toEqual(["奖补小计", "最高300万元"]);
    expect(rows.at(-1)).toEqual(["合计", "最高300万元"]);
    expect(rows[0]![0]).toContain("原文：");
    await page.reload();
    expect(await page.textContent("[data-calculator-status]")).toBe("已勾选 3 项，合计 最高300万元");
    // Print: the calculator alone (window.print is stubbed: headless Chromium has no print dialog).
    await page.evaluate(() => (window.print = () => void (document.body.dataset["printed"] = document.documentElement.dataset["print"] ?? "")));
    await page.click("[data-calculator-print]");
    expect(await page.getAttribute("body", "data-printed")).toBe("calculator");
    // What prints: Chromium's run checks it (Firefox over WebDriver BiDi cannot emulate print media).
    if (testBrowser() === "chromium") {
      await page.emulateMedia({ media: "print" });
      expect(await page.isVisible("[data-support-calculator]")).toBe(true);
      expect(await page.isVisible("[data-support-form]")).toBe(false);
      expect(await page.isVisible("#kind-reward")).toBe(false);
      await page.emulateMedia({ media: "screen" });
    }
    await page.click("[data-calculator-clear]");
    expect(await page.textContent("[data-calculator-status]")).toBe("尚未勾选任何项目。");
  });

  it("on a phone the page is under 12,000 px tall, nothing wider than the screen", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const phone = await context.newPage();
    for (const url of [SUPPORT, `${site.url}support/`]) {
      await phone.goto(url);
      const { height, width } = await phone.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
      expect(height, url).toBeLessThan(12_000);
      expect(width, url).toBe(375);
    }
    await phone.goto(`${SUPPORT}?kind=reward`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
    await context.close();
  });

  it("axe finds no violations at 1280 and 375 px, unfiltered and filtered", async () => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(SUPPORT);
      expect(await axeViolations(page), `${width}`).toEqual([]);
      await page.goto(`${SUPPORT}?stage=city&kind=reward`);
      expect(await axeViolations(page), `${width} filtered`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  }, AXE_TIMEOUT);

  it("no request failed, none left the site, no console error", () => {
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});

describe("without a contacts file", () => {
  it("no page of the bundled site has a 咨询电话, 地址 or 申报入口 label", () => {
    const pages = (readdirSync(site.dir, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    const labelled = pages.filter((f) => /咨询电话|申报入口|data-contact=|<dt>地址<\/dt>/.test(readFileSync(join(site.dir, f), "utf8")));
    expect(labelled).toEqual([]);
  });
});

describe("links to the page", () => {
  it("the home page's 企业找政策 and the header's 政策找寻 lead to the finder over every list", async () => {
    await page.goto(site.url);
    expect(await page.getAttribute("a[data-entry='support']", "href")).toBe("/support/");
    expect(await page.getAttribute(".site-nav a:text-is('政策找寻')", "href")).toBe("/support/");
    expect(await page.getAttribute(".list-row a:text-is('政策找寻')", "href")).toBe(`/${DOC_ID}/support/`);
  });
});

describe("the finder over three governments' lists", () => {
  const ROOT = resolve(import.meta.dirname, "../..");
  const LISTS = [
    join(ROOT, "seeds/luan-zjtx-2022.txt"),
    join(ROOT, "test/fixtures/governments/yunling-zjtx-2025.txt"),
    join(ROOT, "test/fixtures/governments/qinglan-yingshang-2025.txt"),
  ];
  let library: LibrarySite;
  let all: string;

  beforeAll(async () => {
    library = await buildLibrarySite("support", () => LISTS);
    all = `${library.server.url}support/`;
  }, 300_000);
  afterAll(async () => {
    await library?.close();
  });

  it("offers each government, and ?gov= opens with that government's cards only", async () => {
    const p = library.page;
    await p.goto(all);
    expect(await p.$$eval('[data-support-filter="gov"] option', (os) => os.map((o) => o.textContent))).toEqual(["全部", "青岚区", "云岭市", "六安市"]);
    await p.goto(`${all}?gov=${encodeURIComponent("云岭市")}`);
    const shown = await visibleCards(p);
    expect(shown.map((c) => c.gov)).toEqual(shown.map(() => "云岭市"));
    expect(shown.map((c) => [c.heading, c.recipient])).toEqual(
      expect.arrayContaining([["50万元", "新认定的国家级专精特新“小巨人”企业"], ["贴息", expect.any(String)]]),
    );
    expect(await statusCount(p)).toBe(shown.length);
  });

  it("the department filter keeps each government's 市财政局 apart", async () => {
    const p = library.page;
    await p.goto(all);
    const options = await p.$$eval('[data-support-filter="unit"] option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    const finance = options.filter(([, label]) => label!.endsWith("市财政局"));
    expect(finance.map(([, label]) => label)).toEqual(expect.arrayContaining(["六安市 · 市财政局", "云岭市 · 市财政局"]));
    const yunling = finance.find(([, label]) => label === "云岭市 · 市财政局")![0]!;
    await p.selectOption('[data-support-filter="unit"]', yunling);
    const shown = await visibleCards(p);
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown.map((c) => c.gov))).toEqual(new Set(["云岭市"]));
    expect(new URL(p.url()).searchParams.get("unit")).toBe(yunling);
  });

  it("the calculator sums across governments", async () => {
    const p = library.page;
    await p.goto(`${all}?kind=reward`);
    await p.locator("[data-support-card][data-gov='云岭市']:visible input[data-claim]").first().check();
    await p.locator("[data-support-card][data-gov='青岚区']:visible input[data-claim]").first().check();
    expect(await p.textContent("[data-calculator-status]")).toBe("已勾选 2 项，合计 60万元");
  });

  it("the form and the count are shown before the scripts arrive, and nothing moves when they do", async () => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } }); // a phone, as Lighthouse's mobile run
    const phone = await context.newPage();
    const held: Route[] = [];
    let holding = true;
    await phone.route("**/_astro/*.js", (route) => (holding ? held.push(route) : route.continue()));
    await phone.goto(all, { waitUntil: "commit" });
    await phone.waitForSelector(".site-footer", { state: "attached" });
    await phone.waitForFunction(() => getComputedStyle(document.querySelector(".site-header")!).backgroundColor !== "rgba(0, 0, 0, 0)");
    const boxes = () =>
      phone.evaluate(() =>
        [".site-header .search-box", "[data-support-form]", "[data-support-count]", "[data-support-calculator]", "#kind-reward"].map((selector) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return { selector, x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
    const before = await boxes();
    expect(await phone.isVisible("[data-support-form]")).toBe(true);
    holding = false;
    await Promise.all(held.map((route) => route.continue()));
    await phone.waitForLoadState("load");
    expect(await phone.isVisible("[data-text-size-toggle]")).toBe(true);
    expect(await boxes()).toEqual(before);
    await context.close();
  });

  it("axe finds no violations, filtered by government; no request failed under the strict CSP", async () => {
    await library.page.goto(`${all}?gov=${encodeURIComponent("青岚区")}`);
    expect(await axeViolations(library.page)).toEqual([]);
    expect(library.problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  }, AXE_TIMEOUT);
});

describe("with a contacts file (test/fixtures/contacts/)", () => {
  const ROOT = resolve(import.meta.dirname, "../..");
  let library: LibrarySite;
  const JXJ = "/units/lu-an-shi-shi-jing-xin-ju/";
  const APPLY = "https://zwfw.example.gov.cn/apply?dept=jxj&from=site";

  beforeAll(async () => {
    library = await buildLibrarySite("contacts", () => [join(ROOT, "seeds/luan-zjtx-2022.txt"), join(ROOT, "test/fixtures/contacts/yunling-fuwu-2025.txt")]);
  }, 300_000);
  afterAll(async () => {
    await library?.close();
  });

  /** The contact rows of a card or a page: label → [text, link, rel] of each value. */
  const contactRows = (scope: Locator) =>
    scope.locator("[data-contact]").evaluateAll((rows) =>
      rows.map((r) => [r.querySelector("dt")?.textContent, r.querySelector("dd")?.textContent, [...r.querySelectorAll("dd a")].map((a) => [a.getAttribute("href"), a.getAttribute("rel")]), r.querySelectorAll("dd *:not(a)").length]),
    );
  const EXPECTED = [
    ["咨询电话", "0564-3370001 转 8001、0564-3370002", [["tel:05643370001,8001", null], ["tel:05643370002", null]], 0],
    ["办公时间", "工作日 8:30-12:00", [], 0],
    // Markup in the file is text on the page.
    ["地址", "六安市示例路1号<b>二楼</b>", [], 0],
    ["申报入口", APPLY, [[APPLY, "noopener"]], 0],
  ];

  it("a card led by the department shows its phone links and its 申报入口; the list's own 文号 is in its source", async () => {
    const p = library.page;
    await p.goto(`${library.server.url}support/?stage=little-giant&kind=reward`);
    const card = p.locator("[data-support-card]:visible").filter({ hasText: "获得国家级专精特新“小巨人”称号的企业" }).first();
    expect(await contactRows(card)).toEqual(EXPECTED);
    await p.goto(`${library.server.url}support/?gov=${encodeURIComponent("云岭市")}`);
    const yunling = p.locator("[data-support-card]:visible").filter({ hasText: "展位费" }).first();
    expect((await yunling.locator("dt:text-is('政策出处') + dd").textContent())!.replace(/\s+/g, "")).toContain("云岭市·云岭市人民政府办公室关于印发云岭市2025年企业服务任务清单的通知（云政办〔2025〕3号）·2025年3月20日");
    expect(await contactRows(yunling)).toEqual([["咨询电话", "(0871)6660001", [["tel:08716660001", null]], 0]]);
    // A department the file does not name: no contact row, no empty label.
    const other = p.locator("[data-support-card]:visible").filter({ hasText: "云岭市 · 市经信局" }).first();
    expect(await contactRows(other)).toEqual([]);
  });

  it("the department's page shows them under its name; another government's 市经信局 has none", async () => {
    const p = library.page;
    await p.goto(`${library.server.url}${JXJ.slice(1)}`);
    expect(await p.textContent(".unit-contact h2")).toBe("咨询与申报");
    expect(await contactRows(p.locator(".unit-contact"))).toEqual(EXPECTED);
    expect(await axeViolations(p)).toEqual([]);
    await p.goto(`${library.server.url}units/yun-ling-shi-shi-jing-xin-ju/`);
    expect(await p.locator(".unit-contact, [data-contact]").count()).toBe(0);
    expect(library.problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  }, AXE_TIMEOUT);
});
