import { defineConfig } from "vitest/config";

// Three projects: "unit" (pure modules, fast), "e2e" (builds the site once, then drives Chromium) and "firefox" (the
// browser tests of what a reader does, again in Firefox ESR: E2E_BROWSER makes launchBrowser give Firefox).
// `npm test` runs them all; `npx vitest run --project unit` runs only the fast ones.
// The browser tests that also run in Firefox: the pages a reader opens and what they do on them, with axe and the
// strict CSP. The others check the build's files, drive an input method through the Chrome DevTools Protocol
// (search-ime), or repeat these on other sites (sub-path, several sites, hostile and mixed-format libraries).
const FIREFOX_TESTS = ["pages", "search", "support", "comparison", "phone", "text-size", "a11y", "csp", "figures", "progress"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/e2e/**", "**/node_modules/**"] } },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], globalSetup: ["test/e2e/global-setup.ts"] } },
      {
        extends: true,
        test: {
          name: "firefox",
          include: FIREFOX_TESTS.map((name) => `test/e2e/${name}.test.ts`),
          globalSetup: ["test/e2e/global-setup.ts"],
          env: { E2E_BROWSER: "firefox" },
        },
      },
    ],
  },
});
