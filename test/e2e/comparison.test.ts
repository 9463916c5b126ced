// The comparison view on task pages and the share page (上下对照): the keyboard switch, <ins>/<del> with
// their text labels, the no-JavaScript layout, the sub-path links, axe, and no console error or CSP violation.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { contextWithoutScripts, launchBrowser, STRICT_CSP, watchCsp, watchPage, type PageProblems } from "./support/browser.ts";
import { DOC_ID, sites } from "./support/site.ts";
import { serveStatic, type StaticServer } from "./support/static-server.ts";

const TOGGLE = "[data-comparison-toggle]";
const PLAIN = "#task-plain";
const COMPARISON = "#comparison";

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  server = await serveStatic(sites().root.dir, { headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launchBrowser();
  context = await browser.newContext(); // AxeBuilder needs a page from an explicit context
  page = await context.newPage();
  problems = watchPage(page, new URL(server.url).origin);
  await watchCsp(page, problems);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function violations(): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const visible = async () => ({ plain: await page.isVisible(PLAIN), comparison: await page.isVisible(COMPARISON) });
const pressed = () => page.getAttribute(TOGGLE, "aria-pressed");
const openTask = async (n: number, hash = "") => {
  await page.goto(`${server.url}${DOC_ID}/tasks/${n}/${hash}`);
  await page.waitForSelector(`${TOGGLE}:visible`);
};

describe("the view switch on a task page", () => {
  it("starts on the plain text, and Enter and Space switch to the comparison view and back", async () => {
    await page.evaluate(() => localStorage.clear()).catch(() => undefined);
    await openTask(9);
    expect(await pressed()).toBe("false");
    expect(await visible()).toEqual({ plain: true, comparison: false });

    await page.focus(TOGGLE);
    await page.keyboard.press("Enter");
    expect(await pressed()).toBe("true");
    expect(await visible()).toEqual({ plain: false, comparison: true });
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-comparison-toggle"))).toBe(true);

    await page.keyboard.press("Space");
    expect(await pressed()).toBe("false");
    expect(await visible()).toEqual({ plain: true, comparison: false });
  });

  it("is reached with Tab from the start of the main content, before any link in the texts", async () => {
    await openTask(9);
    await page.focus("#main");
    let stop = "";
    for (let i = 0; i < 10 && !stop; i++) {
      await page.keyboard.press("Tab");
      stop = await page.evaluate(() =>
        document.activeElement?.hasAttribute("data-comparison-toggle") ? "toggle" : document.activeElement?.closest("#task-plain") ? "text" : "",
      );
    }
    expect(stop).toBe("toggle");
  });

  it("remembers the comparison view on the next task, and #comparison opens it", async () => {
    await openTask(9);
    await page.click(TOGGLE);
    await openTask(10);
    expect(await visible()).toEqual({ plain: false, comparison: true });
    await page.click(TOGGLE); // back to plain: remembered as well
    await openTask(11);
    expect(await visible()).toEqual({ plain: true, comparison: false });
    await openTask(5, "#comparison");
    expect(await pressed()).toBe("true");
    expect(await visible()).toEqual({ plain: false, comparison: true });
    await page.click(TOGGLE);
  });

  it("used once, later task pages still show their 牵头 and 配合 rows with the remembered view", async () => {
    await openTask(9);
    await page.click(TOGGLE);
    for (const n of [10, 1]) {
      await openTask(n);
      expect(await visible()).toEqual({ plain: false, comparison: true });
      const rows = await page.$$eval(`${COMPARISON} .units__row`, (rs) =>
        rs.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => r.querySelector("dt")!.textContent!.trim()),
      );
      expect(rows.filter((t) => /牵头/.test(t)).length, `task ${n}`).toBeGreaterThan(0);
      expect(rows.filter((t) => /配合/.test(t)).length, `task ${n}`).toBeGreaterThan(0);
      // The same units as the plain text's, each measure's under it.
      const shown = await page.$$eval(`${COMPARISON} .units a`, (as) => as.map((a) => a.textContent));
      const plain = await page.$$eval(`${PLAIN} .units a`, (as) => as.map((a) => a.textContent));
      expect(shown).toEqual(plain);
    }
    await page.click(TOGGLE);
  });
});

describe("the comparison view", () => {
  it("task 9: marks 信用 → 订单 with <del>/<ins> and their text labels, and badges every row", async () => {
    await openTask(9, "#comparison");
    const dels = await page.$$eval(`${COMPARISON} del`, (els) => els.map((e) => e.textContent));
    const inses = await page.$$eval(`${COMPARISON} ins`, (els) => els.map((e) => e.textContent));
    expect(dels).toEqual(["删除：信用"]);
    expect(inses).toEqual(["新增：订单", "新增：专属"]);
    // The label is in the text but not on screen: strikethrough and underline show the change.
    expect(await page.$eval(`${COMPARISON} del .visually-hidden`, (e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    expect(await page.$eval(`${COMPARISON} del`, (e) => getComputedStyle(e).textDecorationLine)).toBe("line-through");
    expect(await page.$eval(`${COMPARISON} ins`, (e) => getComputedStyle(e).textDecorationLine)).toBe("underline");
    const badges = await page.$$eval(`${COMPARISON} tbody .cmp-badge`, (els) => els.map((e) => e.textContent));
    expect(badges).toEqual(["相同", "修改", "未保留", "新增", "相同"]);
    const omitted = await page.$eval(`${COMPARISON} .cmp-row--omitted`, (e) => e.textContent ?? "");
    expect(omitted).toContain("十行千亿万企");
    expect(omitted).toContain("市贯彻落实措施未保留");
    expect(await page.textContent(`${COMPARISON} .cmp-share`)).toContain("74%");
  });

  it("task 5: the changed number 500 → 10 stands out, and the comma-only row is shown as 相同（标点不同）", async () => {
    await openTask(5, "#comparison");
    expect(await page.$$eval(`${COMPARISON} tbody .cmp-change--number`, (els) => els.map((e) => `${e.tagName} ${e.textContent}`))).toEqual([
      "DEL 删除：500",
      "INS 新增：10",
    ]);
    const number = await page.$eval(`${COMPARISON} del.cmp-change--number`, (e) => ({ weight: getComputedStyle(e).fontWeight, border: getComputedStyle(e).borderTopWidth }));
    expect(Number(number.weight)).toBeGreaterThanOrEqual(700);
    expect(parseFloat(number.border)).toBeGreaterThanOrEqual(2);
    const punctuation = page.locator(`${COMPARISON} .cmp-row--punctuation`);
    expect(await punctuation.count()).toBe(1);
    expect(await punctuation.locator(".cmp-badge").textContent()).toBe("相同（标点不同）");
    expect(await punctuation.locator("ins").allTextContents()).toEqual(["新增：,", "新增：,"]);
  });

  it("links to the share page, whose table links back to each task's comparison view", async () => {
    await openTask(9, "#comparison");
    await page.click(`${COMPARISON} .cmp-share a`);
    await page.waitForURL(`${server.url}${DOC_ID}/comparison/`);
    expect(await page.textContent("h1")).toBe("上下对照");
    expect(await page.$$eval("a[data-comparison-link]", (as) => as.length)).toBe(20);
    expect(await page.getAttribute("svg[role=img]", "aria-labelledby")).toBe("copied-share-title copied-share-desc");
    expect(await page.textContent(".cmp-share-table tfoot")).toContain("49%");
    await page.click("a[data-comparison-link='9']");
    await page.waitForURL(`${server.url}${DOC_ID}/tasks/9/#comparison`);
    await page.waitForSelector(`${TOGGLE}:visible`);
    expect(await visible()).toEqual({ plain: false, comparison: true });
    await page.click(TOGGLE);
  });

  it("the home page links to the share page", async () => {
    await page.goto(server.url);
    expect(await page.getAttribute(`a[href="/${DOC_ID}/comparison/"]`, "href")).toBe(`/${DOC_ID}/comparison/`);
  });
});

describe("axe finds no violations", () => {
  it("on task 9 with the comparison view shown", async () => {
    await openTask(9, "#comparison");
    expect(await page.isVisible(COMPARISON)).toBe(true);
    expect(await violations()).toEqual([]);
  });

  it("on task 1 (three measures) at phone width in large text with the comparison view shown", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openTask(1, "#comparison");
    await page.click("[data-text-size-toggle]");
    expect(await page.$$eval(`${COMPARISON} .cmp-group`, (rows) => rows.map((r) => r.textContent?.trim()))).toEqual([
      "市贯彻落实措施（1）",
      "市贯彻落实措施（2）",
      "市贯彻落实措施（3）",
    ]);
    expect(await violations()).toEqual([]);
    await page.click("[data-text-size-toggle]");
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it("on the share page", async () => {
    await page.goto(`${server.url}${DOC_ID}/comparison/`);
    expect(await violations()).toEqual([]);
  });

  it("and nothing logged a console error, failed request or CSP violation", () => {
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});

describe("without JavaScript", () => {
  let noJs: BrowserContext;
  let quiet: Page;
  beforeAll(async () => {
    noJs = await contextWithoutScripts(browser);
    quiet = await noJs.newPage();
  });
  afterAll(async () => {
    await noJs?.close();
  });

  it("shows the plain text and the comparison view under it, and no switch that cannot work", async () => {
    await quiet.goto(`${server.url}${DOC_ID}/tasks/9/`);
    expect(await quiet.isVisible(PLAIN)).toBe(true);
    expect(await quiet.isVisible(COMPARISON)).toBe(true);
    expect(await quiet.isVisible(TOGGLE)).toBe(false);
    const [plainTop, comparisonTop] = await Promise.all([PLAIN, COMPARISON].map((s) => quiet.$eval(s, (e) => e.getBoundingClientRect().top)));
    expect(comparisonTop!).toBeGreaterThan(plainTop!);
    expect(await quiet.$$eval(`${COMPARISON} del`, (els) => els.map((e) => e.textContent))).toEqual(["删除：信用"]);
  });
});

describe("the switch's place", () => {
  it("is held by a link to the comparison without JavaScript, at the button's exact box, so nothing moves", async () => {
    const noJs = await contextWithoutScripts(browser);
    const quiet = await noJs.newPage();
    await quiet.goto(`${server.url}${DOC_ID}/tasks/9/`);
    expect(await quiet.getAttribute("[data-view-jump]", "href")).toBe("#comparison");
    const linkBox = await quiet.locator("[data-view-jump]").boundingBox();
    const plainTopNoJs = await quiet.$eval(PLAIN, (e) => e.getBoundingClientRect().top);
    await noJs.close();
    await page.goto(`${server.url}${DOC_ID}/tasks/9/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    expect(await page.isVisible("[data-view-jump]")).toBe(false);
    const buttonBox = await page.locator(TOGGLE).boundingBox();
    expect(buttonBox!.y).toBe(linkBox!.y);
    expect(buttonBox!.height).toBe(linkBox!.height);
    expect(await page.$eval(PLAIN, (e) => e.getBoundingClientRect().top)).toBe(plainTopNoJs);
  });
});

describe("the JSON download", () => {
  it("holds the alignment and classification", () => {
    const doc = JSON.parse(readFileSync(join(sites().root.dir, "downloads", `${DOC_ID}.json`), "utf8"));
    expect(doc.comparison.tasks).toHaveLength(20);
    const task9 = doc.comparison.tasks.find((t: { item: number }) => t.item === 9);
    expect(task9.rows.map((r: { kind: string }) => r.kind)).toEqual(["identical", "changed", "omitted", "added", "identical"]);
    expect(task9.rows[1].diff).toContainEqual({ kind: "del", text: "信用" });
    expect(task9.share.share).toBe(0.7431);
  });
});

describe("under a sub-path", () => {
  it("the share page's links keep the base", async () => {
    const sub = sites().subpath;
    await page.goto(`${sub.url}${DOC_ID}/comparison/`);
    const href = await page.getAttribute("a[data-comparison-link='9']", "href");
    expect(href).toBe(`/zjtx/${DOC_ID}/tasks/9/#comparison`);
    const response = await page.goto(new URL(href!, sub.url).href);
    expect(response?.status()).toBe(200);
    expect(await page.isVisible(COMPARISON)).toBe(true);
  });
});
