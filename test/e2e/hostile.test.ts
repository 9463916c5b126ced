// Hostile input end to end: a document whose cells hold JSX, HTML, ESM lines, a javascript: link and an HTML
// comment (test/fixtures/hostile/input.txt) is ingested and built into a site of its own. The build succeeds,
// every string shows literally, search finds them, and no script, handler or javascript: link reaches a page.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, STRICT_CSP, watchPage } from "./support/browser.ts";
import type { PageProblems } from "./support/browser.ts";
import { buildSite, ingestInto } from "./support/build.ts";
import { listFiles } from "./support/dist.ts";
import { readResults } from "./support/search.ts";
import { TEST_SITE_URL } from "./support/site.ts";
import { serveStatic } from "./support/static-server.ts";
import type { StaticServer } from "./support/static-server.ts";

const FIXTURE = resolve(import.meta.dirname, "../fixtures/hostile/input.txt");
const DOC = "hostile";
/** What the fixture's cells hold; each must reach the reader as these characters. */
const HOSTILE = [
  "{process.exit(1)}",
  "<script>alert(1)</script>",
  'import fs from "node:fs"',
  "export const x = 1",
  "<img src=x onerror=alert(1)>",
  "[x](javascript:alert(1))",
  "<!-- -->",
  "市<b>经信</b>局",
  "市{x}局",
];

let work: string;
let out: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;
const dialogs: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "hostile-"));
  copyFileSync(FIXTURE, join(work, `${DOC}.txt`));
  ingestInto([join(work, `${DOC}.txt`)], join(work, "content"));
  out = join(work, "dist");
  buildSite({ out, cache: join(work, "cache"), content: join(work, "content"), site: TEST_SITE_URL });
  server = await serveStatic(out, { headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launchBrowser();
  page = await browser.newPage();
  problems = watchPage(page, new URL(server.url).origin);
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

/**
 * The start tags of an HTML text with their attributes, read the way a browser tokenizes them: a quoted value
 * may hold "<" or ">" (Astro escapes only & and " there), so a regular expression over whole tags would not do.
 * Text and comments never open a tag here because the build escapes "<" in text as &lt;.
 */
function tags(html: string): Tag[] {
  const found: Tag[] = [];
  const open = /<([a-zA-Z][\w-]*)|<!--[^]*?-->/g;
  const attribute = /\s*([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?|\s*\/?>/y;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    if (m[1] === undefined) continue; // a comment
    const tag: Tag = { name: m[1].toLowerCase(), attributes: new Map() };
    attribute.lastIndex = open.lastIndex;
    let a = attribute.exec(html);
    for (; a && a[1] !== undefined; a = attribute.exec(html)) {
      tag.attributes.set(a[1].toLowerCase(), (a[2] ?? a[3] ?? a[4] ?? "").replaceAll("&amp;", "&").replaceAll("&quot;", '"'));
    }
    open.lastIndex = attribute.lastIndex; // go on after the tag, so "<" inside a quoted value opens nothing
    found.push(tag);
  }
  return found;
}

/** Scripts, handler attributes and javascript: URLs in the live DOM of the current page. */
function activeContent(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const found: string[] = [];
    for (const script of document.querySelectorAll("script")) {
      const src = script.getAttribute("src") ?? "";
      if (!/^\/(_astro|pagefind)\//.test(src)) found.push(`<script src="${src}">${script.textContent}`);
    }
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (attr.name.startsWith("on")) found.push(`<${el.localName} ${attr.name}>`);
        if (/^\s*javascript:/i.test(attr.value)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
      }
    }
    for (const el of document.querySelectorAll("main img, main b, main iframe, main object, main embed")) found.push(`<${el.localName}>`);
    return found;
  });
}

describe("a hostile document", () => {
  it("builds: one task page and a page per unit", () => {
    const pages = listFiles(out).filter((f) => f.endsWith(".html"));
    expect(pages).toContain(`${DOC}/tasks/1/index.html`);
    expect(pages.filter((p) => /^units\/[^/]+\/index\.html$/.test(p)).length).toBe(5);
  });

  it("shows every string literally on the task page, with nothing run", async () => {
    await page.goto(`${server.url}${DOC}/tasks/1/`);
    const text = (await page.textContent("main")) ?? "";
    for (const s of HOSTILE) expect(text, s).toContain(s);
    expect(await page.title()).toContain("{process.exit(1)}");
    expect(await activeContent(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("the home page shows the list's title, and the list's page its chapter's title, as text", async () => {
    await page.goto(server.url);
    expect((await page.textContent("main")) ?? "").toContain("清单<script>alert(1)</script>");
    expect(await activeContent(page)).toEqual([]);
    await page.goto(`${server.url}${DOC}/`);
    const text = (await page.textContent("main")) ?? "";
    expect(text).toContain("清单<script>alert(1)</script>");
    expect(text).toContain("<img src=x onerror=alert(1)>");
    expect(await activeContent(page)).toEqual([]);
  });

  it("a unit named with markup gets a page showing its name as text", async () => {
    await page.goto(`${server.url}units/shi-b-jing-xin-b-ju/`);
    expect(await page.textContent("main h1")).toContain("市<b>经信</b>局");
    expect(await activeContent(page)).toEqual([]);
  });

  it.each([
    ["process", "{process.exit(1)}"],
    ["alert", "<script>alert(1)</script>"],
    ["onerror", "<img src=x onerror=alert(1)>"],
    ["javascript", "[x](javascript:alert(1))"],
  ])("search for %s finds the task, and its excerpt is text", async (query, literal) => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    const results = await readResults(page);
    expect(results.map((r) => r.href)).toContain(`/${DOC}/tasks/1/`);
    const shown = (await page.textContent("[data-search-results]")) ?? "";
    // Pagefind picks the excerpt around one of the matches: whichever it is, it shows as the characters printed.
    const candidates = [literal, ...HOSTILE.filter((h) => h.includes(query))].map((h) => h.slice(0, 12));
    expect(candidates.some((c) => shown.includes(c)), `${shown} shows one of ${candidates.join(" | ")}`).toBe(true);
    expect(await activeContent(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("no page's HTML holds a script of its own, a handler or a javascript: URL", () => {
    const found: string[] = [];
    for (const file of listFiles(out).filter((f) => f.endsWith(".html"))) {
      for (const tag of tags(readFileSync(join(out, file), "utf8"))) {
        const src = tag.attributes.get("src") ?? "";
        if (tag.name === "script" && !/^\/_astro\/[^/]+\.js$/.test(src)) found.push(`${file}: <script src="${src}">`);
        for (const [name, value] of tag.attributes) {
          if (name.startsWith("on")) found.push(`${file}: <${tag.name} ${name}>`);
          if (/^\s*javascript:/i.test(value)) found.push(`${file}: <${tag.name} ${name}="${value}">`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("the tag reader sees handlers and javascript: URLs, and not a tag inside a quoted value (control)", () => {
    const read = tags(`<p title="<img onerror=x>"><!-- <b onclick=z> --><a href=" javascript:x" onclick=y>&lt;i onload=1>`);
    expect(read.map((t) => [t.name, [...t.attributes.keys()]])).toEqual([
      ["p", ["title"]],
      ["a", ["href", "onclick"]],
    ]);
  });

  it("every page's live DOM has no script of its own, handler or javascript: URL either", async () => {
    const found: string[] = [];
    for (const file of listFiles(out).filter((f) => f.endsWith(".html"))) {
      await page.goto(server.url + file.replace(/index\.html$/, ""));
      found.push(...(await activeContent(page)).map((a) => `${file}: ${a}`));
    }
    expect(found).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("under the strict CSP, with no violation or console error", () => {
    expect(problems).toEqual({ failed: [], consoleErrors: [], foreign: [] });
  });
});
