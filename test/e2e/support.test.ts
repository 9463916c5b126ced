// The support finder (政策找寻). On the bundled list's own page (/<doc>/support/): without JavaScript every card is
// listed under its topic; with it, the stage, topic and level selects filter the cards and a live region counts
// them. Over every list (/support/, on a site built from the bundled list and the two library lists): each card
// names its list and task, the list filter narrows the cards to one list, a list's page holds only its cards, and
// the form and count hold their place from the first paint. axe finds nothing either way.
import { AxeBuilder } from "@axe-core/playwright";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page, Route } from "playwright-core";
import { launchChromium, STRICT_CSP, watchPage } from "./support/browser.ts";
import type { PageProblems } from "./support/browser.ts";
import { buildSite, ingestInto } from "./support/build.ts";
import { DOC_ID, sites, TEST_SITE_URL } from "./support/site.ts";
import { serveStatic } from "./support/static-server.ts";
import type { StaticServer } from "./support/static-server.ts";

const site = sites().root;
const SUPPORT = `${site.url}${DOC_ID}/support/`;
const TOPICS = ["资金奖补", "融资", "上市", "数字化", "人才", "要素保障", "市场开拓"];
/** axe checks every node's contrast; two runs over a long page take a while on a loaded 2-core machine. */
const AXE_TIMEOUT = 180_000;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  problems = watchPage(page, new URL(site.url).origin);
});
afterAll(async () => {
  await browser?.close();
});

interface ShownCard {
  heading: string;
  condition: string;
  stages: string;
  level: string;
}

/** The cards a reader sees: heading (amount), the condition and stages as shown, and the level attribute. */
function visibleCards(target: Page = page): Promise<ShownCard[]> {
  return target.$$eval("[data-support-card]", (cards) =>
    cards
      .filter((c) => (c as HTMLElement).offsetParent !== null)
      .map((c) => {
        const fact = (label: string) =>
          [...c.querySelectorAll(".support-card__facts div")].find((d) => d.querySelector("dt")?.textContent === label)?.querySelector("dd")?.textContent ?? "";
        return {
          heading: c.querySelector("h3")?.firstChild?.textContent?.trim() ?? "",
          condition: fact("适用对象"),
          stages: fact("适用阶段"),
          level: (c as HTMLElement).dataset["level"] ?? "",
        };
      }),
  );
}

async function choose(filter: "stage" | "topic" | "level", label: string): Promise<void> {
  await page.selectOption(`[data-support-filter="${filter}"]`, { label });
}

const statusCount = async (target: Page = page) => Number(/(\d+)/.exec((await target.textContent("[data-support-count]")) ?? "")?.[1]);

async function axeViolations(target: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: target }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("without JavaScript", () => {
  it("shows every card, grouped by topic, and no form", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(SUPPORT);
    const total = await plain.locator("[data-support-card]").count();
    expect(total).toBeGreaterThan(50);
    expect(await visibleCards(plain)).toHaveLength(total);
    expect(await plain.isVisible("[data-support-form]")).toBe(false);
    expect(await plain.textContent("[data-support-count]")).toBe(`符合条件的支持措施：${total} 项`);
    expect(await plain.$$eval(".support-group h2", (hs) => hs.map((h) => h.textContent))).toEqual(TOPICS);
    const funding = await plain.$$eval("#topic-funding h3", (hs) => hs.map((h) => h.firstChild?.textContent?.trim()));
    expect(funding).toEqual(expect.arrayContaining(["80万元", "100万元", "200万元", "30万元", "10万元", "5万元", "10%", "20万元"]));
    await context.close();
  });
});

describe("with JavaScript", () => {
  it("stage 小巨人 lists the 100万元 award and not the awards of other stages", async () => {
    await page.goto(SUPPORT);
    await choose("stage", "小巨人");
    const cards = await visibleCards();
    const award = cards.filter((c) => c.heading === "100万元" && c.stages === "小巨人");
    expect(award.length).toBeGreaterThanOrEqual(1);
    expect(award[0]!.condition).toContain("小巨人");
    for (const c of cards) expect(c.stages, `${c.heading} ${c.condition}`).toMatch(/小巨人|^未限定企业阶段$/);
    expect(cards.some((c) => c.heading === "80万元")).toBe(false); // 冠军
    expect(cards.some((c) => c.heading === "200万元")).toBe(false); // 单项冠军
    expect(cards.some((c) => (c.heading === "30万元" && c.stages === "省专精特新") || c.heading === "5万元")).toBe(false); // 省专精特新, 后备库
    expect(await statusCount()).toBe(cards.length);
    expect(new URL(page.url()).searchParams.get("stage")).toBe("little-giant");
  });

  it("stage 市专精特新 lists the 10万元 award and not the 30万元 one for 省专精特新", async () => {
    await page.goto(SUPPORT);
    await choose("stage", "市专精特新");
    const cards = await visibleCards();
    const city = cards.find((c) => c.heading === "10万元" && c.stages === "市专精特新");
    expect(city?.condition).toMatch(/市级“专精特新”企业/);
    expect(cards.some((c) => c.heading === "30万元" && c.stages === "省专精特新")).toBe(false);
    expect(cards.some((c) => c.stages.includes("小巨人"))).toBe(false);
    expect(await statusCount()).toBe(cards.length);
  });

  it("topic and level narrow the list; empty topic groups are hidden; 显示全部 brings every card back", async () => {
    await page.goto(SUPPORT);
    const total = await page.locator("[data-support-card]").count();
    await choose("topic", "上市");
    const listing = await page.$$eval("[data-support-card]:not([hidden])", (cs) => cs.map((c) => (c as HTMLElement).dataset["topics"] ?? ""));
    expect(listing.length).toBeGreaterThan(0);
    for (const topics of listing) expect(topics.split(" ")).toContain("listing");
    await choose("topic", "全部");
    await choose("level", "市级");
    const cards = await visibleCards();
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(c.level).toBe("municipal");
    expect(await statusCount()).toBe(cards.length);
    await page.click("[data-support-form] button[type=reset]");
    await expect.poll(() => statusCount()).toBe(total);
    expect(await visibleCards()).toHaveLength(total);
  });

  it("a shared address (?stage=…) opens with the filter applied", async () => {
    await page.goto(`${SUPPORT}?stage=little-giant`);
    expect(await page.inputValue('[data-support-filter="stage"]')).toBe("little-giant");
    const cards = await visibleCards();
    expect(cards.some((c) => c.heading === "80万元")).toBe(false);
    expect(await statusCount()).toBe(cards.length);
  });

  it("each card links its unit to contact and its task", async () => {
    await page.goto(SUPPORT);
    const card = page.locator("[data-support-card]").filter({ hasText: "获得国家级专精特新“小巨人”、单项冠军称号的企业" }).first();
    expect(await card.locator('a:text-is("市经信局")').getAttribute("href")).toBe("/units/lu-an-shi-shi-jing-xin-ju/");
    expect(await card.locator(`a[href="/${DOC_ID}/tasks/2/"]`).count()).toBe(1);
  });

  it("axe finds no violations, unfiltered and filtered", async () => {
    const analyse = () => axeViolations(page);
    await page.goto(SUPPORT);
    expect(await analyse()).toEqual([]);
    await choose("stage", "小巨人");
    expect(await analyse()).toEqual([]);
   }, AXE_TIMEOUT);

  it("no request failed, none left the site, no console error", () => {
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});

describe("links to the page", () => {
  it("the home page leads to the list's figures page and finder; the header's 政策找寻 to the finder over every list", async () => {
    await page.goto(site.url);
    const home = await page.$$eval(".document .page-links a", (as) => as.map((a) => a.getAttribute("href")));
    expect(home).toEqual(expect.arrayContaining([`/${DOC_ID}/figures/`, `/${DOC_ID}/support/`]));
    const nav = await page.$$eval(".site-nav a", (as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(nav).toEqual(expect.arrayContaining([["目标与指标", `/${DOC_ID}/figures/`], ["政策找寻", "/support/"]]));
  });
});

describe("the finder over every list", () => {
  const ROOT = resolve(import.meta.dirname, "../..");
  const LISTS = [join(ROOT, "seeds/luan-zjtx-2022.txt"), join(ROOT, "test/fixtures/library/luan-shuzi-2023.txt"), join(ROOT, "test/fixtures/library/luan-yingshang-2024.html")];
  /** The lists by date, newest first, with their titles. */
  const NEWEST_FIRST = ["luan-yingshang-2024", "luan-shuzi-2023", "luan-zjtx-2022"];
  const TITLES: Record<string, string> = {
    "luan-yingshang-2024": "六安市2024年优化营商环境重点任务",
    "luan-shuzi-2023": "六安市2023年制造业数字化转型重点任务分工方案",
    "luan-zjtx-2022": "关于贯彻落实《安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知》的通知",
  };
  let work: string;
  let server: StaticServer;
  let library: Page;
  let libraryProblems: PageProblems;
  let all: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "support-"));
    ingestInto(LISTS, join(work, "content"));
    buildSite({ out: join(work, "dist"), cache: join(work, "cache"), content: join(work, "content"), site: TEST_SITE_URL });
    server = await serveStatic(join(work, "dist"), { headers: { "Content-Security-Policy": STRICT_CSP } });
    all = `${server.url}support/`;
    library = await (await browser.newContext()).newPage(); // AxeBuilder needs a page from an explicit context
    libraryProblems = watchPage(library, new URL(server.url).origin);
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  interface ListedCard {
    list: string;
    listTitle: string;
    listHref: string;
    taskHref: string;
  }

  /** The cards shown, with the list they say they come from (data-list, and the link a reader sees) and their task link. */
  function listedCards(target: Page = library): Promise<ListedCard[]> {
    return target.$$eval("[data-support-card]", (cards) =>
      cards
        .filter((c) => (c as HTMLElement).offsetParent !== null)
        .map((c) => {
          const dd = (label: string) => [...c.querySelectorAll(".support-card__facts div")].find((d) => d.querySelector("dt")?.textContent === label)?.querySelector("dd a");
          return {
            list: (c as HTMLElement).dataset["list"] ?? "",
            listTitle: dd("清单")?.textContent ?? "",
            listHref: dd("清单")?.getAttribute("href") ?? "",
            taskHref: dd("出处")?.getAttribute("href") ?? "",
          };
        }),
    );
  }

  const chooseList = (id: string, target: Page = library) => target.selectOption('[data-support-filter="list"]', id);

  it("without JavaScript lists every card of the three lists, each naming its list and task, and no form", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(all);
    const cards = await listedCards(plain);
    expect(cards.length).toBe(await plain.locator("[data-support-card]").count());
    expect(new Set(cards.map((c) => c.list))).toEqual(new Set(NEWEST_FIRST));
    for (const c of cards) {
      expect(c.listTitle).toBe(TITLES[c.list]);
      expect(c.listHref).toBe(`/${c.list}/`);
      expect(c.taskHref).toMatch(new RegExp(`^/${c.list}/tasks/\\d+/$`));
    }
    expect(await plain.textContent("[data-support-count]")).toBe(`符合条件的支持措施：${cards.length} 项`);
    expect(await plain.isVisible("[data-support-form]")).toBe(false);
    await context.close();
  });

  it("groups by topic with the newest list's cards first; 资金奖补 holds cards of all three lists", async () => {
    await library.goto(all);
    const groups = await library.$$eval("[data-support-group]", (gs) => gs.map((g) => [...g.querySelectorAll<HTMLElement>("[data-support-card]")].map((c) => c.dataset["list"] ?? "")));
    for (const lists of groups) {
      const ranks = lists.map((l) => NEWEST_FIRST.indexOf(l));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    const funding = await library.$$eval("#topic-funding [data-support-card]", (cs) => cs.map((c) => (c as HTMLElement).dataset["list"]));
    expect([...new Set(funding)]).toEqual(NEWEST_FIRST);
  });

  it("the list filter narrows the cards to one list, updates the count and the address", async () => {
    await library.goto(all);
    const total = await library.locator("[data-support-card]").count();
    expect(await library.$$eval('[data-support-filter="list"] option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(["", ...NEWEST_FIRST]);
    await chooseList("luan-shuzi-2023");
    const cards = await listedCards();
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.length).toBeLessThan(total);
    for (const c of cards) expect(c.list).toBe("luan-shuzi-2023");
    expect(cards.length).toBe(await library.locator('[data-support-card][data-list="luan-shuzi-2023"]').count());
    expect(await statusCount(library)).toBe(cards.length);
    expect(new URL(library.url()).searchParams.get("list")).toBe("luan-shuzi-2023");
    // With a topic too; then 全部清单 again.
    await library.selectOption('[data-support-filter="topic"]', { label: "资金奖补" });
    const funding = await listedCards();
    expect(funding.length).toBeGreaterThan(0);
    for (const c of funding) expect(c.list).toBe("luan-shuzi-2023");
    expect(await statusCount(library)).toBe(funding.length);
    expect(new URL(library.url()).search).toBe("?list=luan-shuzi-2023&topic=funding");
    await chooseList("");
    await library.selectOption('[data-support-filter="topic"]', "");
    expect(await statusCount(library)).toBe(total);
    expect(new URL(library.url()).search).toBe("");
  });

  it("a shared address (?list=…) opens with the list chosen and only its cards", async () => {
    await library.goto(`${all}?list=luan-yingshang-2024&stage=little-giant`);
    expect(await library.inputValue('[data-support-filter="list"]')).toBe("luan-yingshang-2024");
    expect(await library.inputValue('[data-support-filter="stage"]')).toBe("little-giant");
    const cards = await listedCards();
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(c.list).toBe("luan-yingshang-2024");
    expect(await statusCount(library)).toBe(cards.length);
  });

  it("a list's page holds only its cards, without JavaScript too, with the list chosen", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await library.goto(all);
    for (const id of NEWEST_FIRST) {
      const own = await library.locator(`[data-support-card][data-list="${id}"]`).count();
      await plain.goto(`${server.url}${id}/support/`);
      const cards = await listedCards(plain);
      expect(cards).toHaveLength(own);
      expect(new Set(cards.map((c) => c.list))).toEqual(new Set([id]));
      expect(await plain.textContent("[data-support-count]")).toBe(`符合条件的支持措施：${own} 项`);
      expect(await plain.inputValue('[data-support-filter="list"]')).toBe(id);
      expect(await plain.getAttribute(".support-scope a", "href")).toBe("/support/");
    }
    await context.close();
  });

  it("on a list's page, choosing another list goes to that list's page, keeping the other choices; 全部清单 to /support/", async () => {
    await library.goto(`${server.url}luan-shuzi-2023/support/?stage=little-giant`);
    expect(await library.inputValue('[data-support-filter="list"]')).toBe("luan-shuzi-2023");
    expect(new URL(library.url()).searchParams.has("list")).toBe(false);
    await Promise.all([library.waitForURL(`${server.url}luan-zjtx-2022/support/?stage=little-giant`), chooseList("luan-zjtx-2022")]);
    expect(await library.inputValue('[data-support-filter="list"]')).toBe("luan-zjtx-2022");
    expect(await library.inputValue('[data-support-filter="stage"]')).toBe("little-giant");
    for (const c of await listedCards()) expect(c.list).toBe("luan-zjtx-2022");
    await Promise.all([library.waitForURL(`${all}?stage=little-giant`), chooseList("")]);
    expect(new Set((await listedCards()).map((c) => c.list)).size).toBeGreaterThan(1);
  });

  it("the form and the count are shown before the scripts arrive, and nothing moves when they do", async () => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } }); // a phone, as Lighthouse's mobile run
    const phone = await context.newPage();
    const held: Route[] = [];
    let holding = true;
    await phone.route("**/_astro/*.js", (route) => (holding ? held.push(route) : route.continue()));
    await phone.goto(all, { waitUntil: "commit" });
    await phone.waitForSelector(".site-footer", { state: "attached" });
    // The stylesheet applied (the header's colour), the modules still held: the first paint as a slow phone shows it.
    await phone.waitForFunction(() => getComputedStyle(document.querySelector(".site-header")!).backgroundColor !== "rgba(0, 0, 0, 0)");
    const boxes = () =>
      phone.evaluate(() =>
        [".site-header .search-box", "[data-support-form]", "[data-support-count]", "#topic-funding", "[data-support-card]"].map((selector) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return { selector, x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
    const before = await boxes();
    expect(await phone.isVisible("[data-support-form]")).toBe(true);
    expect(await phone.textContent("[data-support-count]")).toMatch(/^符合条件的支持措施：\d+ 项$/);
    expect(await phone.isVisible("[data-text-size-toggle]")).toBe(false); // still waiting for its script
    holding = false;
    await Promise.all(held.map((route) => route.continue()));
    await phone.waitForLoadState("load");
    expect(await phone.isVisible("[data-text-size-toggle]")).toBe(true);
    expect(await boxes()).toEqual(before);
    await context.close();
  });

  it("axe finds no violations, unfiltered and filtered by list", async () => {
    await library.goto(all);
    expect(await axeViolations(library)).toEqual([]);
    await chooseList("luan-zjtx-2022");
    expect(await axeViolations(library)).toEqual([]);
  }, AXE_TIMEOUT);

  it("no request failed, none left the site, no console error (the site is served with a strict CSP)", () => {
    expect(libraryProblems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});

