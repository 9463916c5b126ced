// The installed Chromium (found as src/cli/tools.ts finds it) driven by playwright-core: no browser download.
// Missing Chromium is a failure, not a skip. The "firefox" test project (vitest.config.ts) runs the same tests in
// Firefox ESR: launchBrowser gives the browser of the project the test runs in.
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { findBrowser, installAdvice } from "../../../src/cli/tools.ts";
import { launchFirefox } from "./firefox.ts";

/** The browser this test run drives: E2E_BROWSER=firefox (the firefox project), else Chromium. */
export function testBrowser(): "chromium" | "firefox" {
  return process.env["E2E_BROWSER"] === "firefox" ? "firefox" : "chromium";
}

/** The browser of this run, launched. */
export function launchBrowser(): Promise<Browser> {
  return testBrowser() === "firefox" ? launchFirefox() : launchChromium();
}

/**
 * A context with scripts off, of `browser` (Chromium) or of a Firefox launched so (Firefox takes no
 * javaScriptEnabled over BiDi), closed with `browser`.
 */
export async function contextWithoutScripts(browser: Browser): Promise<BrowserContext> {
  if (testBrowser() === "chromium") return browser.newContext({ javaScriptEnabled: false });
  const quiet = await launchFirefox({ javaScript: false });
  browser.on("disconnected", () => void quiet.close());
  const context = await quiet.newContext();
  context.on("close", () => void quiet.close());
  return context;
}

export function chromiumPath(): string {
  const found = findBrowser();
  if (!found) {
    throw new Error(
      `Chromium not found (looked at $CHROME_PATH, $CHROMIUM_PATH and where chrome-launcher looks); ${installAdvice(["browser"])} ` +
        "(or run: node scripts/test-tools.ts)",
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

export interface PageProblems {
  /** Requests that failed or answered with an HTTP error. */
  failed: string[];
  consoleErrors: string[];
  /** Requests to any origin but the site's own. */
  foreign: string[];
}

/** Records everything that goes wrong on a page while a test drives it. */
export function watchPage(page: Page, siteOrigin: string): PageProblems {
  const problems: PageProblems = { failed: [], consoleErrors: [], foreign: [] };
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("data:") && new URL(url).origin !== siteOrigin) problems.foreign.push(url);
  });
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // ERR_ABORTED (Firefox: NS_BINDING_ABORTED) is the browser dropping a request because the test moved on (e.g.
    // the favicon of a page left quickly); refused connections, HTTP errors and the like still count.
    if (reason !== "net::ERR_ABORTED" && reason !== "NS_BINDING_ABORTED") problems.failed.push(`${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.failed.push(`${response.url()} (HTTP ${response.status()})`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(String(error)));
  return problems;
}

/** The header government hosts often send (issue 6); the README's nginx and Apache examples send exactly this. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** Adds every Content-Security-Policy violation on the page to its console errors. */
export async function watchCsp(page: Page, problems: PageProblems): Promise<void> {
  await page.exposeFunction("reportViolation", (text: string) => problems.consoleErrors.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}
