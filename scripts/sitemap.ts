// The sitemap of a finished build folder: every page (each directory's index.html) but the 404 page, written with
// the `sitemap` package as sitemap-index.xml and sitemap-0.xml… (45,000 addresses a file, as Astro's integration
// did). It runs after Astro, over the whole folder, so a sharded build's sitemap is the same as an unsharded one's.
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SitemapAndIndexStream, SitemapStream } from "sitemap";
import { siteFiles } from "./checksums.ts";

const PER_FILE = 45_000;

/** The page addresses of a build folder published at `siteUrl` under `base` ("/" or "/zjtx/"). */
export function pageUrls(dir: string, siteUrl: string, base: string): string[] {
  const root = new URL(base, siteUrl);
  return siteFiles(dir)
    .filter((f) => f === "index.html" || f.endsWith("/index.html"))
    .map((f) => new URL(f.slice(0, -"index.html".length), root).href);
}

/** Writes the sitemap files into dir; returns how many pages they list. */
export async function writeSitemap(dir: string, siteUrl: string, base: string): Promise<number> {
  const urls = pageUrls(dir, siteUrl, base);
  const root = new URL(base, siteUrl);
  const index = new SitemapAndIndexStream({
    limit: PER_FILE,
    getSitemapStream: (i) => {
      const name = `sitemap-${i}.xml`;
      const sitemap = new SitemapStream({ hostname: root.href });
      const file = createWriteStream(join(dir, name));
      sitemap.pipe(file);
      return [new URL(name, root).href, sitemap, file];
    },
  });
  await pipeline(Readable.from(urls.map((url) => ({ url }))), index, createWriteStream(join(dir, "sitemap-index.xml")));
  return urls.length;
}
