// The support finder (政策找寻): without JavaScript every card is listed under its topic; with it, the stage,
// topic and level selects filter the cards and a live region counts them. axe finds nothing either way.
import { AxeBuilder } from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watchPage } from "./support/browser.ts";
import type { PageProblems } from "./support/browser.ts";
import { DOC_ID, sites } from "./support/site.ts";

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

const statusCount = async () => Number(/(\d+)/.exec((await page.textContent("[data-support-count]")) ?? "")?.[1]);

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
    await expect.poll(statusCount).toBe(total);
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
    expect(await card.locator('a:text-is("市经信局")').getAttribute("href")).toBe(`/${DOC_ID}/units/shi-jing-xin-ju/`);
    expect(await card.locator(`a[href="/${DOC_ID}/tasks/2/"]`).count()).toBe(1);
  });

  it("axe finds no violations, unfiltered and filtered", async () => {
    const analyse = async () =>
      (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
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
  it("the home page and the header navigation lead to the figures page and the support finder", async () => {
    await page.goto(site.url);
    const home = await page.$$eval(".document .page-links a", (as) => as.map((a) => a.getAttribute("href")));
    expect(home).toEqual(expect.arrayContaining([`/${DOC_ID}/figures/`, `/${DOC_ID}/support/`]));
    const nav = await page.$$eval(".site-nav a", (as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(nav).toEqual(expect.arrayContaining([["目标与指标", `/${DOC_ID}/figures/`], ["政策找寻", `/${DOC_ID}/support/`]]));
  });
});
