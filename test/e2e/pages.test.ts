// Every page in a real browser: no failed request, no console error, nothing from another host;
// the home page reaches every task page; task pages show the measures side by side with their units.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, testBrowser, watchPage } from "./support/browser.ts";
import { pagePaths } from "./support/dist.ts";
import { DOC_ID, sites } from "./support/site.ts";

const site = sites().root;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("every built page", () => {
  it("loads with no failed request, no console error and no request to another host", async () => {
    const paths = pagePaths(site.dir).filter((p) => p !== "404.html");
    expect(paths.length).toBeGreaterThanOrEqual(20 + 21 + 3); // tasks, units, home + units index + search
    const problems = watchPage(page, new URL(site.url).origin);
    for (const path of paths) {
      const response = await page.goto(site.url + path, { waitUntil: "load" });
      expect(response?.status(), path).toBe(200);
      expect(await page.getAttribute("html", "lang"), path).toBe("zh-CN");
    }
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });

  it("an unknown address gets the 404 page", async () => {
    const response = await page.goto(`${site.url}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent("h1")).toBe("页面不存在");
  });
});

describe("a list's own page", () => {
  it("shows its cover letter, counts and task index under the list's title, and task pages lead back to it", async () => {
    await page.goto(`${site.url}${DOC_ID}/`);
    expect((await page.textContent("h1"))?.replace(/\s+/g, "")).toContain("贯彻落实");
    expect(await page.$$eval("a[data-task-link]", (as) => as.length)).toBe(20);
    const counts = await page.$$eval(".counts li", (items) => items.map((li) => li.textContent?.replace(/\s+/g, "")));
    expect(counts).toEqual(["20项任务", "23条落实措施", "21个责任单位"]);
    await page.goto(`${site.url}${DOC_ID}/tasks/3/`);
    const back = await page.$$eval(".breadcrumb a", (as) => as.map((a) => a.getAttribute("href")));
    expect(back[0]).toBe(`/${DOC_ID}/`);
    expect(back[1]).toMatch(new RegExp(`^/${DOC_ID}/#`));
    await page.goto(new URL(back[1]!, site.url).href);
    expect(await page.$eval(new URL(back[1]!, site.url).hash, (el) => el.tagName)).toBe("LI");
  });

  it("and the lists index lists it", async () => {
    await page.goto(`${site.url}lists/`);
    expect(await page.$$eval("tbody th a", (as) => as.map((a) => a.getAttribute("href")))).toEqual([`/${DOC_ID}/`]);
  });
});

describe("home", () => {
  it("opens with three entries, one per kind of reader, each leading to its page", async () => {
    await page.goto(site.url);
    const entries = await page.$$eval("nav.entries a", (as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(entries).toEqual([["企业找政策", "/support/"], ["部门查职责和到期", "/units/"], ["浏览清单", `/${DOC_ID}/`]]);
    expect(await page.getAttribute("nav.entries", "aria-label")).toBe("从这里开始");
    for (const [, href] of entries) expect((await page.request.get(new URL(href!, site.url).href)).status(), href!).toBe(200);
  });

  it("then one short row per list: its title linking its page, government, date, counts and its pages", async () => {
    await page.goto(site.url);
    expect(await page.$$eval("a[data-list-link]", (as) => as.map((a) => a.getAttribute("href")))).toEqual([`/${DOC_ID}/`]);
    expect((await page.textContent(".list-row__meta"))?.trim()).toBe("六安市 · 2022年5月  日");
    expect((await page.textContent(".list-row__counts"))?.trim()).toBe("20 项任务 · 23 条落实措施 · 21 个责任单位");
    expect(await page.$$eval(".list-row .page-links a", (as) => as.map((a) => a.getAttribute("href")))).toEqual([
      `/${DOC_ID}/figures/`, `/${DOC_ID}/support/`, `/${DOC_ID}/comparison/`,
    ]);
    // The cover letter and task index are the list's own page's, not the home page's.
    expect(await page.$$eval("a[data-task-link]", (as) => as.length)).toBe(0);
  });
});

describe("a list's own page, in full", () => {
  it("shows the cover letter as printed and every chapter of the task index", async () => {
    await page.goto(`${site.url}${DOC_ID}/`);
    const text = (await page.textContent("main")) ?? "";
    expect(text).toContain("各县区人民政府，市开发区管委，市直相关单位：");
    expect(text).toContain("2022年5月  日");
    expect(text).toContain("一、提高工作站位。");
    const chapters = await page.$$eval(".chapter-index__title", (hs) => hs.map((h) => h.textContent));
    expect(chapters).toHaveLength(7);
    expect(chapters[6]).toBe("七、保障措施");
  });

  it("links to every task page, and each opens on its task", async () => {
    await page.goto(`${site.url}${DOC_ID}/`);
    const links = await page.$$eval("a[data-task-link]", (as) =>
      as.map((a) => ({ number: Number((a as HTMLElement).dataset["taskLink"]), href: a.getAttribute("href") ?? "" })),
    );
    expect(links.map((l) => l.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const link of links) {
      await page.goto(new URL(link.href, site.url).href);
      expect(await page.textContent("h1 .task-number"), link.href).toBe(`任务 ${link.number}`);
    }
  });

  it("links the downloads, and keeps the source file's name in a collapsed 来源 section", async () => {
    await page.goto(`${site.url}${DOC_ID}/`);
    const hrefs = await page.$$eval(".downloads a", (as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual([
      `/downloads/${DOC_ID}.csv`,
      `/downloads/${DOC_ID}.quantities.csv`,
      `/downloads/${DOC_ID}.json`,
      "/downloads/document.schema.json",
    ]);
    expect(await page.isVisible("text=luan-zjtx-2022.txt")).toBe(false);
    await page.click("details.provenance summary");
    expect(await page.isVisible("text=原文件：luan-zjtx-2022.txt")).toBe(true);
  });
});

describe("task page", () => {
  it("shows the superior and local measures under the source's labels, with linked units", async () => {
    await page.goto(`${site.url}${DOC_ID}/tasks/1/`);
    const labels = await page.$$eval(".measure__label", (hs) => hs.map((h) => h.textContent));
    expect(labels).toEqual(["省工作举措", "市贯彻落实措施（1）", "市贯彻落实措施（2）", "市贯彻落实措施（3）"]);
    const leads = await page.$$eval(".measure--local", (sections) =>
      sections.map((s) => [...s.querySelectorAll(".units__row:first-child a")].map((a) => a.textContent)),
    );
    expect(leads).toEqual([["市经信局", "市科技局"], ["市科技局"], ["市“5+1”产业链推进组专班"]]);
    expect(await page.getAttribute(`.measure--local a:text-is("市科技局")`, "href")).toBe("/units/lu-an-shi-shi-ke-ji-ju/");
    expect(await page.textContent(".breadcrumb")).toContain("一、梯度化培育优质企业群体");
    expect(await page.textContent(".source-note")).toMatch(/luan-zjtx-2022\.txt 第 38–56 行/);
    expect(await page.getAttribute(".source-note a", "href")).toBe(`https://www.example.gov.cn/${DOC_ID}/tasks/1/`);
  });

  it("places the measures side by side on a desktop and stacks them on a phone", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}${DOC_ID}/tasks/1/`);
    const box = (selector: string) => page.locator(selector).first().boundingBox();
    const [upperWide, localWide] = [await box(".measure--upper"), await box(".measure--local")];
    expect(localWide!.x).toBeGreaterThan(upperWide!.x + upperWide!.width - 1);
    expect(Math.abs(localWide!.y - upperWide!.y)).toBeLessThan(2);
    await page.setViewportSize({ width: 390, height: 844 });
    const [upperNarrow, localNarrow] = [await box(".measure--upper"), await box(".measure--local")];
    expect(localNarrow!.y).toBeGreaterThan(upperNarrow!.y + upperNarrow!.height - 1);
    expect(Math.abs(localNarrow!.x - upperNarrow!.x)).toBeLessThan(2);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it("links the previous and next tasks", async () => {
    await page.goto(`${site.url}${DOC_ID}/tasks/1/`);
    expect(await page.$("a[rel=prev]")).toBeNull();
    expect(await page.getAttribute("a[rel=next]", "href")).toBe(`/${DOC_ID}/tasks/2/`);
    await page.goto(`${site.url}${DOC_ID}/tasks/20/`);
    expect(await page.getAttribute("a[rel=prev]", "href")).toBe(`/${DOC_ID}/tasks/19/`);
    expect(await page.$("a[rel=next]")).toBeNull();
  });
});

// Chromium only: Firefox over WebDriver BiDi cannot emulate print media (Playwright sends it the screen's features).
describe.skipIf(testBrowser() === "firefox")("print", () => {
  it.each([`${DOC_ID}/tasks/1/`, "units/lu-an-shi-shi-ren-she-ju/"])("%s prints without navigation chrome", async (path) => {
    await page.goto(site.url + path);
    await page.emulateMedia({ media: "print" });
    for (const chrome of [".site-header", ".site-footer", ".skip-link", ".pager"]) {
      expect(await page.locator(chrome).first().isVisible().catch(() => false), chrome).toBe(false);
    }
    expect(await page.isVisible("h1")).toBe(true);
    expect(await page.isVisible(".breadcrumb, .unit-list h2")).toBe(true); // which document it is
    await page.emulateMedia({ media: "screen" });
  });
});

describe("units", () => {
  it("the index lists every unit once with its lead, support and list counts", async () => {
    await page.goto(`${site.url}units/`);
    expect(await page.$$eval(".site-nav a[aria-current]", (as) => as.map((a) => [a.textContent, a.getAttribute("aria-current")]))).toEqual([["责任单位", "page"]]);
    expect(await page.$$eval(".site-nav a", (as) => as.map((a) => a.textContent))).toContain("清单");
    const rows = await page.$$eval("tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toHaveLength(21);
    expect(rows).toContainEqual(["六安市 · 市人社局", "", "1", "4", "1"]);
    expect(rows).toContainEqual(["六安市 · 市经信局", "", "16", "2", "1"]);
  });

  it("a unit page lists the tasks it leads and supports with the measure text", async () => {
    await page.goto(`${site.url}units/lu-an-shi-shi-ren-she-ju/`);
    expect(await page.textContent("h1")).toBe("六安市 · 市人社局");
    // The header marks its section: a page inside it, not the section's own page.
    expect(await page.$$eval(".site-nav a[aria-current]", (as) => as.map((a) => [a.textContent, a.getAttribute("aria-current")]))).toEqual([["责任单位", "true"]]);
    const crumb = page.locator('nav[aria-label="当前位置"]');
    expect(await crumb.locator("li").allTextContents()).toEqual(["责任单位", "六安市", "市人社局"]);
    expect(await crumb.locator("a").getAttribute("href")).toBe("/units/");
    expect(await crumb.locator('[aria-current="page"]').textContent()).toBe("市人社局");
    const sections = await page.$$eval(".unit-tasks", (ss) =>
      ss.map((s) => [...s.querySelectorAll(".unit-task h4 .task-number")].map((n) => n.textContent)),
    );
    expect(sections).toEqual([["任务 14"], ["任务 1", "任务 12", "任务 17", "任务 19"]]);
    expect(await page.textContent(".unit-tasks")).toContain("建立院校专业人才供给库和重点产品人才需求库");
  });
});
