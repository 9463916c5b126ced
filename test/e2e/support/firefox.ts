// Firefox ESR (Debian's package, found as src/cli/tools.ts finds it) driven by playwright-core over WebDriver BiDi,
// through test/e2e/support/bidi-shim.ts. Missing Firefox is a failure, not a skip.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { firefox } from "playwright-core";
import type { Browser } from "playwright-core";
import { findFirefox, installAdvice } from "../../../src/cli/tools.ts";

function firefoxPath(): string {
  const found = findFirefox();
  if (!found) throw new Error(`Firefox not found (looked at $FIREFOX_PATH, firefox-esr and firefox on PATH); ${installAdvice(["firefox"])} (or run: node scripts/test-tools.ts)`);
  return found;
}

let launcher: string | undefined;
/** An executable that runs the shim on this Node with this Firefox: what Playwright launches as the browser. */
function shimLauncher(): string {
  if (launcher) return launcher;
  const dir = mkdtempSync(join(tmpdir(), "firefox-bidi-"));
  launcher = join(dir, "firefox");
  const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  const shim = resolve(import.meta.dirname, "bidi-shim.ts");
  writeFileSync(launcher, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(shim)} ${quote(firefoxPath())} "$@"\n`);
  chmodSync(launcher, 0o755);
  return launcher;
}

/**
 * Firefox, launched. `javaScript: false` launches one with scripts off (javascript.enabled): Playwright's
 * javaScriptEnabled context option does not reach Firefox over BiDi.
 */
export function launchFirefox(options: { javaScript?: boolean } = {}): Promise<Browser> {
  return firefox.launch({
    channel: "moz-firefox",
    executablePath: shimLauncher(),
    headless: true,
    firefoxUserPrefs: {
      // No update checks, telemetry or remote settings: the tests watch for any request that leaves the site.
      "app.update.enabled": false,
      "browser.shell.checkDefaultBrowser": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
      "extensions.update.enabled": false,
      // Scrollbars over the content, as on a phone: a classic one takes 12 px of a 375 px wide window.
      "ui.useOverlayScrollbars": 1,
      ...(options.javaScript === false ? { "javascript.enabled": false } : {}),
    },
  });
}
