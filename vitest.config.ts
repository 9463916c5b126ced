import { defineConfig } from "vitest/config";

// Two projects: "unit" (pure modules, fast) and "e2e" (builds the site once, then drives Chromium).
// `npm test` runs both; `npx vitest run --project unit` runs only the fast ones.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/e2e/**", "**/node_modules/**"] } },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], globalSetup: ["test/e2e/global-setup.ts"] } },
    ],
  },
});
