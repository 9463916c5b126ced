// A site of its own for a test: source files ingested by the CLI into a temporary folder, built, served under the
// strict CSP, and a Chromium page (from an explicit context, as axe needs) watching for problems.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, STRICT_CSP, watchPage, type PageProblems } from "./browser.ts";
import { buildSite, ingestInto } from "./build.ts";
import { TEST_SITE_URL } from "./site.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

export interface LibrarySite {
  /** The temporary folder: seeds/ may be written into it before the ingest. */
  work: string;
  out: string;
  ingestOutput: string;
  server: StaticServer;
  browser: Browser;
  page: Page;
  problems: PageProblems;
  /** Opens a page of the site (a base-relative path) at a viewport width. */
  open(path: string, width?: number): Promise<void>;
  /** The visible text of an element (main by default), its whitespace runs as one space. */
  text(selector?: string): Promise<string>;
  close(): Promise<void>;
}

/** `sources` gets the temporary folder and returns the files to ingest (it may write them there first). */
export async function buildLibrarySite(prefix: string, sources: (work: string) => string[] | Promise<string[]>): Promise<LibrarySite> {
  const work = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const ingestOutput = ingestInto(await sources(work), join(work, "content"));
  const out = join(work, "dist");
  buildSite({ out, cache: join(work, "cache"), content: join(work, "content"), site: TEST_SITE_URL });
  const server = await serveStatic(out, { headers: { "Content-Security-Policy": STRICT_CSP } });
  const browser = await launchBrowser();
  const page = await (await browser.newContext()).newPage();
  const problems = watchPage(page, new URL(server.url).origin);
  return {
    work,
    out,
    ingestOutput,
    server,
    browser,
    page,
    problems,
    async open(path, width = 1280) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}${path}`);
    },
    async text(selector = "main") {
      return (await page.innerText(selector)).replace(/\s+/g, " ");
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
