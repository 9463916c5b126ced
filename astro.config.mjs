// Astro configuration. SITE_URL and BASE_PATH come from the environment so the same build can be
// published at a domain root or under a sub-path such as /zjtx/ on a government static host.
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { normaliseBase, siteUrlOf } from "./src/site/address.ts";
import { dataStorePieces } from "./src/site/data-store-pieces.ts";

/** The oldest browsers the site must run on (see vite.build.target below; test/site/browser-target.test.ts). */
export const BROWSER_TARGETS = ["chrome110", "firefox115", "safari15"];

const project = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // ASTRO_ROOT: where Astro keeps its working files (.astro/: the content modules it writes and reads back during a
  // build). Shards built at the same time each get their own (scripts/build.ts); the sources stay the project's.
  ...(process.env.ASTRO_ROOT ? { root: process.env.ASTRO_ROOT, srcDir: project("./src/"), publicDir: project("./public/") } : {}),
  site: siteUrlOf(process.env),
  base: normaliseBase(process.env.BASE_PATH),
  // OUT_DIR lets the tests build several variants (root, sub-path) side by side.
  outDir: process.env.OUT_DIR || "./dist",
  // Separate caches let concurrent builds (test runs) avoid sharing one content-layer data store.
  cacheDir: process.env.ASTRO_CACHE_DIR || "./node_modules/.astro",
  trailingSlash: "ignore",
  build: {
    format: "directory",
    // A strict CSP (style-src 'self') forbids inline <style>: always emit stylesheet files.
    inlineStylesheets: "never",
  },
  vite: {
    // The content store's module in pieces: one literal of every list's model took Node 91 s to load at 1,000 lists.
    plugins: [dataStorePieces()],
    build: {
      // Likewise script-src 'self': never inline small scripts into the HTML.
      assetsInlineLimit: 0,
      // Government offices run Chromium 110-based browsers (信创 systems) and Firefox ESR: emit code and CSS they
      // parse, rather than Vite's newest-browsers default.
      target: BROWSER_TARGETS,
      cssTarget: BROWSER_TARGETS,
    },
  },
  devToolbar: { enabled: false },
  // A page whose cacheKey (src/site/cache-keys.ts) and code are those of the last build into this cacheDir is
  // copied from it instead of rendered (a rebuild after one list changed renders that list's pages and few others).
  experimental: { incrementalBuild: true },
  // Source text must show literally: no GFM autolinks or tables, no "--" → "–" smart punctuation.
  // (Set on the MDX integration; Astro 7 deprecates the same keys under `markdown`.)
  // No sitemap integration: a sharded build renders its pages in several Astro runs, so the sitemap is written
  // once over the finished folder by scripts/build.ts (scripts/sitemap.ts), sharded or not.
  integrations: [mdx({ gfm: false, smartypants: false })],
});
