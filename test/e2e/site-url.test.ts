// Publishing without SITE_URL: the build says so once and writes no absolute URL (no canonical link, no sitemap,
// calendar UIDs without a host, no localhost anywhere). With SITE_URL every absolute URL of the output uses it.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBuild } from "./support/build.ts";
import { listFiles } from "./support/dist.ts";
import { DOC_ID, TEST_SITE_URL, sites } from "./support/site.ts";

const TEXT = /\.(html|ics|xml|json|txt|csv)$/;
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

/** Every absolute URL a page links to or a feed or sitemap names: href/src attributes, <loc>, iCalendar URL and UID hosts. */
function absoluteUrls(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => /\.(html|ics|xml)$/.test(f) && !f.startsWith("pagefind/"))
    .flatMap((f) => {
      const text = read(dir, f);
      return [
        ...[...text.matchAll(/\s(?:href|src)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]!),
        ...[...text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!),
        ...[...text.matchAll(/^URL[;:][^\r\n]*?(https?:\/\/\S*)/gm)].map((m) => m[1]!),
      ];
    });
}

describe("without SITE_URL", () => {
  let dir: string;
  let stdout: string;
  beforeAll(() => {
    dir = join(mkdtempSync(join(tmpdir(), "no-site-url-")), "dist");
    const env = { ...process.env, SITE_URL: "", ASTRO_CACHE_DIR: join(dir, "..", "cache") };
    const r = runBuild(["--out", dir, "--skip-ingest"], env);
    if (r.status !== 0) throw new Error(r.stderr);
    stdout = r.stdout;
  }, 300_000);

  it("warns once, naming the setting", () => {
    expect(stdout.match(/warning: SITE_URL is not set/g)).toHaveLength(1);
    expect(stdout).toMatch(/set SITE_URL \(or --site\)/);
  });

  it("writes no canonical link, no sitemap, no localhost, and calendar UIDs without a host", () => {
    const files = listFiles(dir).filter((f) => TEXT.test(f));
    expect(files.length).toBeGreaterThan(50);
    expect(files).not.toContain("sitemap.xml");
    expect(files.filter((f) => read(dir, f).includes("localhost"))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".html") && read(dir, f).includes('rel="canonical"'))).toEqual([]);
    expect(absoluteUrls(dir)).toEqual([]);
    const ics = read(dir, "calendar.ics");
    const uids = [...ics.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]!);
    expect(uids.length).toBeGreaterThan(0);
    expect(uids.filter((u) => u.includes("@"))).toEqual([]);
    // The task page still names its address, as a path under the site.
    expect(read(dir, `${DOC_ID}/tasks/1/index.html`)).toContain(`<a href="/${DOC_ID}/tasks/1/">/${DOC_ID}/tasks/1/</a>`);
  });
});

describe("with SITE_URL", () => {
  it("every absolute URL of the output is under it", () => {
    for (const site of [sites().root, sites().subpath]) {
      const urls = absoluteUrls(site.dir);
      expect(urls.length).toBeGreaterThan(20);
      expect(urls.filter((u) => !u.startsWith(`${TEST_SITE_URL}${site.base}`))).toEqual([]);
      const uids = [...read(site.dir, "calendar.ics").matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]!);
      expect(uids.every((u) => u.endsWith("@www.example.gov.cn"))).toBe(true);
    }
  });
});
