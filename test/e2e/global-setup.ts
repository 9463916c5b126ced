// Builds the site once per test run and browser project (e2e: Chromium, firefox) — at the root and under /zjtx/ —
// and serves both on 127.0.0.1. Each run and project builds into its own folder (.test-dist/run-PID-PROJECT/) with
// its own Astro cache, so two test runs at once (a shared checkout), or the two projects of one, cannot delete or
// corrupt each other's build; the folder goes at teardown.
// E2E_REUSE_BUILD=1 keeps and reuses .test-dist/reuse-PROJECT/ (quick local iteration; CI always rebuilds).
import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "./support/build.ts";
import { serveStatic } from "./support/static-server.ts";
import type { StaticServer } from "./support/static-server.ts";
import { TEST_SITE_URL } from "./support/site.ts";
import type { BuiltSite } from "./support/site.ts";

const root = resolve(import.meta.dirname, "../..");
const reuse = process.env["E2E_REUSE_BUILD"] === "1";

function build(runDir: string, name: string, base: string, env: NodeJS.ProcessEnv = {}): string {
  const out = resolve(runDir, name);
  if (reuse && existsSync(resolve(out, "pagefind"))) return out;
  rmSync(out, { recursive: true, force: true });
  // The content/ of the checkout is what gets built; CI checks it against seeds/ with `ingest --check`.
  buildSite({ out, base, site: TEST_SITE_URL, cache: resolve(runDir, `${name}.cache`), env });
  return out;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = resolve(root, ".test-dist", reuse ? `reuse-${project.name}` : `run-${process.pid}-${project.name}`);
  // Sequential on purpose: two Astro builds share .astro/ and the 2-core machine.
  const rootDir = build(runDir, "root", "/");
  // The sub-path site's search index is written in parts of 8 pages (a large site's, in small), the root site's whole.
  const subDir = build(runDir, "zjtx", "/zjtx/", { SEARCH_INDEX_PAGES: "8" });
  const servers: StaticServer[] = [await serveStatic(rootDir), await serveStatic(subDir, { prefix: "/zjtx/" })];
  const [rootServer, subServer] = servers as [StaticServer, StaticServer];
  const site = (dir: string, server: StaticServer, base: string): BuiltSite => ({ dir, url: server.url, base });
  project.provide("sites", { root: site(rootDir, rootServer, "/"), subpath: site(subDir, subServer, "/zjtx/") });
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
    if (!reuse) rmSync(runDir, { recursive: true, force: true });
  };
}
