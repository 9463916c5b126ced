// Many sites searched as one: site A (the bundled list) is built with SEARCH_SITES naming site B (two other
// lists, published under /rw/ on another port, so every request to it is cross-origin). A's search page merges B's
// Pagefind index (mergeIndex): B's results are found, labelled and linked to B, the phrase filter and the site
// filter apply to them, and A is served under the strict CSP plus exactly the line its build printed. When B
// refuses (no CORS header), is missing its index, is too slow or is down, A still answers with its own results
// and names B in a polite notice.
import { axeViolations } from "./support/axe.ts";
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { siteConfig } from "../../src/site/config.ts";
import { strings } from "../../src/site/strings.ts";
import { launchBrowser, STRICT_CSP, watchCsp, watchPage } from "./support/browser.ts";
import type { PageProblems } from "./support/browser.ts";
import { buildSite, ingestInto } from "./support/build.ts";
import { readResults } from "./support/search.ts";
import type { SeenResult } from "./support/search.ts";
import { TEST_SITE_URL } from "./support/site.ts";
import { CONTENT_TYPES, serveStatic } from "./support/static-server.ts";
import type { StaticServer } from "./support/static-server.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const A_NAME = siteConfig.name;
const B_NAME = "石门市";
const B_PREFIX = "/rw/";
/** Pages per part of each site's search index: A's and B's are each written in several parts. */
const A_PART_PAGES = 8;
const B_PART_PAGES = 4;

// ---- site B's server: its files under /rw/, CORS for A's origin on pagefind/ only, and the ways a host fails ----

type Mode = "up" | "no-cors" | "missing" | "hang";

interface SiteBServer {
  /** "http://127.0.0.1:PORT/rw/" */
  url: string;
  origin: string;
  dir: string;
  mode: Mode;
  /** The origin its pagefind/ files allow (Access-Control-Allow-Origin). */
  allowOrigin: string;
  /** Every path asked for, in order. */
  requests: string[];
  /** Requests held without an answer ("hang"). */
  held: ServerResponse[];
  close(): Promise<void>;
}

async function serveSiteB(): Promise<SiteBServer> {
  let server: Server;
  const state: SiteBServer = {
    url: "",
    origin: "",
    dir: "",
    mode: "up",
    allowOrigin: "",
    requests: [],
    held: [],
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    state.requests.push(path);
    const bundle = path.startsWith(`${B_PREFIX}pagefind/`);
    if (bundle && state.mode === "hang") return void state.held.push(res);
    const headers: Record<string, string> = {};
    if (bundle && state.mode !== "no-cors") headers["Access-Control-Allow-Origin"] = state.allowOrigin;
    const file = path.startsWith(B_PREFIX) ? normalize(join(state.dir, path.slice(B_PREFIX.length))) : "";
    const found =
      file.startsWith(state.dir + sep) && !(bundle && state.mode === "missing")
        ? await stat(file).then((s) => (s.isFile() ? file : s.isDirectory() ? join(file, "index.html") : ""), () => "")
        : "";
    if (!found) return void res.writeHead(404, headers).end();
    res.writeHead(200, { ...headers, "Content-Type": CONTENT_TYPES[extname(found)] ?? "application/octet-stream" });
    createReadStream(found).pipe(res);
  };
  server = createServer((req, res) => void answer(req, res));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;
  state.url = `${state.origin}${B_PREFIX}`;
  return state;
}

// ---- the two builds ----

let work: string;
let siteB: SiteBServer;
let serverA: StaticServer;
/** A with the strict CSP alone: connect-src stays 'self'. */
let serverStrict: StaticServer;
let buildOutput: string;
let printedCsp: string;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "multisite-"));
  siteB = await serveSiteB();
  // B knows its own public address; it is built and published under /rw/.
  ingestInto([join(ROOT, "test/fixtures/library/luan-shuzi-2023.txt"), join(ROOT, "test/fixtures/library/luan-yingshang-2024.html")], join(work, "b-content"));
  const searchSites = process.env["SEARCH_SITES"];
  process.env["SEARCH_SITES"] = "";
  try {
    // Both indexes are written in parts (as a large site's are), so A merges its own parts and each of B's.
    buildSite({ out: join(work, "b"), cache: join(work, "b.cache"), content: join(work, "b-content"), base: B_PREFIX, site: siteB.origin, env: { SEARCH_INDEX_PAGES: String(B_PART_PAGES) } });
  } finally {
    if (searchSites === undefined) delete process.env["SEARCH_SITES"];
    else process.env["SEARCH_SITES"] = searchSites;
  }
  siteB.dir = join(work, "b");
  // A names B. Built here rather than with buildSite, to read the line the build prints.
  ingestInto([join(ROOT, "seeds/luan-zjtx-2022.txt")], join(work, "a-content"));
  const build = spawnSync(
    process.execPath,
    ["scripts/build.ts", "--out", join(work, "a"), "--skip-ingest", "--content", join(work, "a-content"), "--site", TEST_SITE_URL],
    { cwd: ROOT, env: { ...process.env, ASTRO_CACHE_DIR: join(work, "a.cache"), SEARCH_SITES: `${B_NAME}=${siteB.url}`, SEARCH_INDEX_PAGES: String(A_PART_PAGES) }, encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`site A's build failed:\n${build.stdout}\n${build.stderr}`);
  buildOutput = build.stdout;
  printedCsp = /^build: Content-Security-Policy for SEARCH_SITES: (.+)$/m.exec(buildOutput)?.[1] ?? "";
  serverA = await serveStatic(join(work, "a"), { headers: { "Content-Security-Policy": printedCsp } });
  serverStrict = await serveStatic(join(work, "a"), { headers: { "Content-Security-Policy": STRICT_CSP } });
  siteB.allowOrigin = new URL(serverA.url).origin;
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await serverA?.close();
  await serverStrict?.close();
  for (const res of siteB?.held ?? []) res.destroy();
  await siteB?.close().catch(() => undefined);
  if (work) rmSync(work, { recursive: true, force: true });
});

// ---- driving A's search page ----

interface Visit {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

/** A fresh browser context (no cache shared with another case) on one of A's servers, watching for problems. */
async function visit(server: StaticServer = serverA): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page, new URL(server.url).origin);
  await watchCsp(page, problems);
  return { context, page, problems };
}

interface Seen extends SeenResult {
  site: string;
  label: string;
}

async function results(page: Page): Promise<Seen[]> {
  const seen = await readResults(page);
  const sites = await page.$$eval("[data-search-results] > li.search-result", (items) =>
    items.map((li) => [(li as HTMLElement).dataset["resultSite"] ?? "", li.querySelector(".search-result__site")?.textContent ?? ""] as const),
  );
  return seen.map((r, i) => ({ ...r, site: sites[i]![0], label: sites[i]![1] }));
}

/** Waits for the answer of A's index merged with B's, then reads it (every page of it, "more" pressed until gone). */
async function mergedResults(page: Page): Promise<Seen[]> {
  await page.waitForFunction(
    (b) => {
      const form = document.querySelector<HTMLElement>("[data-search-form]");
      const status = document.querySelector("[data-search-status]")?.textContent ?? "";
      return form?.dataset["searchMerged"] === b && /找到|没有找到/.test(status);
    },
    B_NAME,
  );
  for (let more = page.locator(".search-results__more button"); (await more.count()) > 0; ) {
    await more.click();
    await page.waitForFunction(() => document.querySelector("[data-search-results]")?.getAttribute("aria-busy") === "false");
  }
  return results(page);
}

/** "doc#n" for a task result, else the path; B's results keep their origin in front. */
function where(r: Seen): string {
  const url = new URL(r.href, serverA.url);
  const task = /^\/(?:rw\/)?([^/]+)\/tasks\/(\d+)\/$/.exec(url.pathname);
  const local = url.origin === new URL(serverA.url).origin;
  return `${local ? "" : "B:"}${task ? `${task[1]}#${task[2]}` : url.pathname}`;
}

const query = (q: string, filters: Record<string, string> = {}) => `search/?${new URLSearchParams({ q, ...filters })}`;
const noticeText = (page: Page) => page.textContent("[data-search-sites-notice]");

describe("the build", () => {
  it("prints the CSP with B's origin added to connect-src, and nothing else changed", () => {
    const connect = `connect-src 'self' ${siteB.origin}`;
    expect(printedCsp).toBe(STRICT_CSP.replace("; object-src", `; ${connect}; object-src`));
    expect(buildOutput).toContain(`build: each of those sites sends on its pagefind/ files: Access-Control-Allow-Origin: ${new URL(TEST_SITE_URL).origin}`);
  });

  it("writes each index in parts, every part a bundle named by pagefind/parts.json", () => {
    const parts = (dir: string) => (JSON.parse(readFileSync(join(dir, "pagefind/parts.json"), "utf8")) as { parts: string[] }).parts;
    const partsA = Number(/^build: pagefind \((\d+) pages in (\d+) parts of about 8\)/m.exec(buildOutput)?.[2]);
    expect(partsA).toBeGreaterThan(1);
    expect(parts(join(work, "a"))).toEqual(Array.from({ length: partsA - 1 }, (_, i) => `part-${i + 2}/`));
    expect(parts(join(work, "b")).length).toBeGreaterThan(1);
    for (const part of parts(join(work, "b"))) expect(readFileSync(join(work, "b/pagefind", part, "pagefind-entry.json"), "utf8")).toContain('"page_count"');
  });

  it("the search page carries the sites as data, with a site filter, and no inline script", async () => {
    const { context, page } = await visit();
    await page.goto(`${serverA.url}search/`);
    expect(JSON.parse((await page.getAttribute("[data-search-form]", "data-search-sites")) ?? "")).toEqual([{ name: B_NAME, url: siteB.url }]);
    expect(await page.$$eval('[data-search-filter="site"] option', (os) => os.map((o) => o.textContent))).toEqual(["全部", A_NAME, B_NAME]);
    expect(await page.$$eval("script", (ss) => ss.filter((s) => !s.src).length)).toBe(0);
    await context.close();
  });
});

describe("A's search merges B's index", () => {
  let v: Visit;
  beforeAll(async () => {
    siteB.mode = "up";
    v = await visit();
  });
  afterAll(async () => {
    await v?.context.close();
  });

  it("a phrase only B holds finds B's task, labelled with B's name and linked to B's absolute address", async () => {
    await v.page.goto(serverA.url + query("数字化转型诊断"));
    const found = await mergedResults(v.page);
    expect(found.map(where)).toEqual(["B:luan-shuzi-2023#1"]);
    expect(found[0]).toMatchObject({ site: B_NAME, label: `来源：${B_NAME}`, href: `${siteB.url}luan-shuzi-2023/tasks/1/` });
    expect(found[0]?.excerptHtml).toContain("<mark>数字化转型诊断</mark>");
    // The link leads to B's page.
    expect((await fetch(found[0]!.href)).status).toBe(200);
  });

  it("the phrase filter applies to B's results as to A's: 展会, not 发展 … 会", async () => {
    await v.page.goto(serverA.url + query("展会"));
    const found = await mergedResults(v.page);
    expect(found.map(where).sort()).toEqual(["B:luan-shuzi-2023#2", "B:luan-yingshang-2024#4", "luan-zjtx-2022#15"]);
    for (const r of found) expect(r.excerptHtml).toContain("<mark>展会</mark>");
    expect(Object.fromEntries(found.map((r) => [where(r), r.site]))).toEqual({
      "luan-zjtx-2022#15": A_NAME,
      "B:luan-shuzi-2023#2": B_NAME,
      "B:luan-yingshang-2024#4": B_NAME,
    });
    expect(await axeViolations(v.page)).toEqual([]);
  });

  it("one count for both sites; the site filter narrows to one site, from the select and from ?site=", async () => {
    await v.page.goto(serverA.url + query("专精特新"));
    const all = await mergedResults(v.page);
    expect(await v.page.textContent("[data-search-status]")).toBe("找到 22 项结果");
    expect(all.filter((r) => r.site === B_NAME).map(where).sort()).toEqual(["B:luan-shuzi-2023#4", "B:luan-yingshang-2024#4", "B:luan-yingshang-2024#5"]);

    await v.page.selectOption('[data-search-filter="site"]', B_NAME);
    const onlyB = await mergedResults(v.page);
    expect(new URL(v.page.url()).searchParams.get("site")).toBe(B_NAME);
    expect(onlyB.map(where).sort()).toEqual(["B:luan-shuzi-2023#4", "B:luan-yingshang-2024#4", "B:luan-yingshang-2024#5"]);

    await v.page.goto(serverA.url + query("专精特新", { site: A_NAME }));
    const onlyA = await mergedResults(v.page);
    expect(onlyA).toHaveLength(19);
    expect(onlyA.every((r) => r.site === A_NAME && r.href.startsWith("/luan-zjtx-2022/"))).toBe(true);
  });

  it("B's lists join the document filter once its index is merged", async () => {
    await v.page.goto(serverA.url + query("人才", { document: "六安市2023年制造业数字化转型重点任务分工方案" }));
    expect((await mergedResults(v.page)).map(where)).toEqual(["B:luan-shuzi-2023#3"]);
    expect(await v.page.inputValue('[data-search-filter="document"]')).toBe("六安市2023年制造业数字化转型重点任务分工方案");
  });

  it("Pagefind fetched only B's index files, from A's worker: not B's WebAssembly, script or worker; no violation, error or failed request", () => {
    expect(v.page.workers().map((w) => w.url())).toEqual([`${serverA.url}pagefind/pagefind-worker.js`]);
    const asked = siteB.requests.filter((p) => p.startsWith(`${B_PREFIX}pagefind/`));
    expect(asked.some((p) => p.endsWith("pagefind-entry.json"))).toBe(true);
    // Every part of B's index was merged, not only the first.
    const partsB = (JSON.parse(readFileSync(join(work, "b/pagefind/parts.json"), "utf8")) as { parts: string[] }).parts;
    for (const part of partsB) expect(asked).toContain(`${B_PREFIX}pagefind/${part}pagefind-entry.json`);
    expect(asked.some((p) => p.includes("/fragment/"))).toBe(true);
    expect(asked.filter((p) => /wasm|\.js$/.test(p))).toEqual([]);
    expect(v.problems.foreign.filter((u) => !u.startsWith(`${siteB.url}pagefind/`))).toEqual([]);
    expect(v.problems.failed).toEqual([]);
    expect(v.problems.consoleErrors).toEqual([]);
  });
});

describe("when B does not answer, A answers with its own results and names B", () => {
  const unanswered = strings.search.sitesUnanswered([B_NAME]);

  async function ownResultsAndNotice(page: Page): Promise<Seen[]> {
    await page.waitForFunction((text) => document.querySelector("[data-search-sites-notice]")?.textContent === text, unanswered);
    return results(page);
  }

  it("under the strict CSP alone (no connect-src for B) the browser never asks B", async () => {
    siteB.mode = "up";
    const before = siteB.requests.length;
    const v = await visit(serverStrict);
    await v.page.goto(serverStrict.url + query("展会"));
    const found = await ownResultsAndNotice(v.page);
    expect(found.map(where)).toEqual(["luan-zjtx-2022#15"]);
    expect(siteB.requests.slice(before)).toEqual([]);
    await v.context.close();
  });

  it.each<[string, Mode]>([
    ["refuses (no CORS header for A)", "no-cors"],
    ["has no index (404)", "missing"],
  ])("B %s", async (_, mode) => {
    siteB.mode = mode;
    const v = await visit();
    await v.page.goto(serverA.url + query("展会"));
    const found = await ownResultsAndNotice(v.page);
    expect(found.map((r) => [where(r), r.site])).toEqual([["luan-zjtx-2022#15", A_NAME]]);
    expect(await v.page.getAttribute("[data-search-sites-notice]", "role")).toBe("status");
    expect(await v.page.isVisible("[data-search-sites-notice] .notice")).toBe(true);
    expect(v.problems.consoleErrors.filter((e) => e.startsWith("CSP:"))).toEqual([]);
    await v.context.close();
  });

  it("B is too slow: A's results show before B is given up, and B is named then", async () => {
    siteB.mode = "hang";
    const v = await visit();
    // What the notice said when the status first announced an answer.
    await v.page.addInitScript(() => {
      const record = () => {
        const status = document.querySelector("[data-search-status]")?.textContent ?? "";
        if (!/找到|没有找到/.test(status)) return false;
        const notice = document.querySelector("[data-search-sites-notice]")?.textContent ?? "";
        (window as unknown as { firstAnswer: unknown }).firstAnswer = { status, notice };
        return true;
      };
      new MutationObserver((_, observer) => record() && observer.disconnect()).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await v.page.goto(serverA.url + query("展会"));
    const found = await ownResultsAndNotice(v.page);
    expect(found.map(where)).toEqual(["luan-zjtx-2022#15"]);
    expect(await v.page.evaluate(() => (window as unknown as { firstAnswer: unknown }).firstAnswer)).toEqual({ status: "找到 1 项结果", notice: "" });
    // B was asked and never answered.
    expect(siteB.held.length).toBeGreaterThan(0);
    expect(siteB.held.every((res) => !res.headersSent)).toBe(true);
    await v.context.close();
    for (const res of siteB.held.splice(0)) res.destroy();
  });

  it("B is down (its server stopped): A's own results, B named; B's site filter finds nothing", async () => {
    siteB.mode = "up";
    await siteB.close();
    const v = await visit();
    await v.page.goto(serverA.url + query("展会"));
    const found = await ownResultsAndNotice(v.page);
    expect(found.map((r) => [where(r), r.site, r.label])).toEqual([["luan-zjtx-2022#15", A_NAME, `来源：${A_NAME}`]]);
    expect(await axeViolations(v.page)).toEqual([]);
    await v.page.selectOption('[data-search-filter="site"]', B_NAME);
    await v.page.waitForFunction(() => document.querySelector("[data-search-status]")?.textContent === "没有找到结果。");
    expect(await noticeText(v.page)).toBe(unanswered);
    await v.page.selectOption('[data-search-filter="site"]', A_NAME);
    expect((await results(v.page)).map(where)).toEqual(["luan-zjtx-2022#15"]);
    expect(v.problems.consoleErrors.filter((e) => e.startsWith("CSP:"))).toEqual([]);
    await v.context.close();
  });
});
