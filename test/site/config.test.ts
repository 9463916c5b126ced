// Site config and the helpers around it: footer fields, base paths, the other sites searched (SEARCH_SITES) and
// the Content-Security-Policy they need.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, parseSearchSites, SiteConfig, searchSitesOf, siteConfig } from "../../src/site/config.ts";
import { footerEntries } from "../../src/site/footer.ts";
import { paths, withBase } from "../../src/site/paths.ts";

describe("footer", () => {
  it("hides empty fields and links the record numbers", () => {
    const config = SiteConfig.parse({ name: "x", footer: { organizer: "六安市经济和信息化局", icp: "皖ICP备00000000号" } });
    expect(footerEntries(config)).toEqual([
      { label: "主办单位", value: "六安市经济和信息化局" },
      { label: "ICP备案号", value: "皖ICP备00000000号", url: "https://beian.miit.gov.cn/" },
    ]);
  });
  it("rejects an unknown field by name", () => {
    expect(() => SiteConfig.parse({ name: "x", footer: { icpNumber: "1" } })).toThrow(/icpNumber/);
  });
});

describe("withBase", () => {
  it.each([
    ["/", paths.task("d", 3), "/d/tasks/3/"],
    ["/zjtx/", paths.task("d", 3), "/zjtx/d/tasks/3/"],
    ["/zjtx", paths.home(), "/zjtx/"],
    ["/zjtx/", paths.pagefind(), "/zjtx/pagefind/pagefind.js"],
  ])("%s + %s → %s", (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});

describe("SEARCH_SITES", () => {
  const own = "任务和责任清单查询";

  it("reads 名称=URL pairs, with spaces and full-width commas, and ends each URL with /", () => {
    const { sites, problems } = parseSearchSites(" 松溪县=https://www.sx.example.gov.cn/zjtx ，石门市＝http://www.sm.example.gov.cn/rw/,", own);
    expect(problems).toEqual([]);
    expect(sites).toEqual([
      { name: "松溪县", url: "https://www.sx.example.gov.cn/zjtx/" },
      { name: "石门市", url: "http://www.sm.example.gov.cn/rw/" },
    ]);
    expect(parseSearchSites("", own)).toEqual({ sites: [], problems: [] });
  });

  it.each([
    ["松溪县", "entry 1 “松溪县”: has no “=”"],
    ["=https://www.sx.example.gov.cn/", "entry 1 “=https://www.sx.example.gov.cn/”: has no 名称"],
    ["松溪县=ftp://www.sx.example.gov.cn/", "is not an http:// or https:// address"],
    ["松溪县=www.sx.example.gov.cn/zjtx/", "“www.sx.example.gov.cn/zjtx/” is not a URL"],
    ["松溪县=", "has no URL after “=”"],
    ["松溪县=https://www.sx.example.gov.cn/?a=1", "a ?query"],
    ["松溪县=https://www.sx.example.gov.cn/zjtx/pagefind/", "the site's pagefind/ folder"],
    [`${own}=https://www.sx.example.gov.cn/`, "this site's own name"],
    ["松溪<b>=https://www.sx.example.gov.cn/", "angle bracket"],
  ])("refuses %s, naming the entry", (setting, message) => {
    const { sites, problems } = parseSearchSites(setting, own);
    expect(sites).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
    expect(problems[0]).toMatch(/; expected /);
  });

  it("refuses a 名称 or a URL given twice, naming the second entry", () => {
    const { problems } = parseSearchSites("a=https://x.cn/1/,a=https://x.cn/2/,b=https://x.cn/1", own);
    expect(problems).toEqual([
      "entry 2 “a=https://x.cn/2/”: the 名称 “a” is also given to https://x.cn/1/; expected one 名称 per site",
      "entry 3 “b=https://x.cn/1”: the URL is also given as “a”; expected each site once",
    ]);
  });

  it("the environment variable replaces the config's setting, and a bad one throws with every problem", () => {
    const config = SiteConfig.parse({ name: own, footer: {}, searchSites: "松溪县=https://www.sx.example.gov.cn/" });
    expect(searchSitesOf(config, {})).toEqual([{ name: "松溪县", url: "https://www.sx.example.gov.cn/" }]);
    expect(searchSitesOf(config, { SEARCH_SITES: "" })).toEqual([]);
    expect(() => searchSitesOf(config, { SEARCH_SITES: "a,b=ftp://x/" })).toThrow(
      /^SEARCH_SITES: entry 1 “a”: .*\nSEARCH_SITES: entry 2 “b=ftp:\/\/x\/”: /,
    );
    expect(() => searchSitesOf({ ...config, searchSites: "a" }, {})).toThrow(/^src\/site\/config\.ts searchSites: entry 1 “a”/);
  });

  it("the build stops on a bad entry before building anything, naming it", () => {
    const root = resolve(import.meta.dirname, "../..");
    const result = spawnSync(process.execPath, ["scripts/build.ts", "--out", "tmp/never-built", "--skip-ingest"], {
      cwd: root,
      env: { ...process.env, SEARCH_SITES: "松溪县=https://www.sx.example.gov.cn/zjtx/,石门市=ftp://www.sm.example.gov.cn/" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "build: SEARCH_SITES: entry 2 “石门市=ftp://www.sm.example.gov.cn/”: the URL is not an http:// or https:// address; " +
        "expected 名称=https://…/ (the name shown on results, then the site's address)",
    );
    expect(result.stdout).not.toContain("build: astro");
  });
});

describe("Content-Security-Policy", () => {
  it("without other sites, is the README's", () => {
    const readme = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");
    expect(readme).toContain(`Content-Security-Policy: ${contentSecurityPolicy()}\n`);
    expect(searchSitesOf(siteConfig, {})).toEqual([]);
  });

  it("with other sites, adds their origins to connect-src and nothing else", () => {
    const { sites } = parseSearchSites("松溪县=https://www.sx.example.gov.cn/zjtx/,石门市=https://www.sm.example.gov.cn/rw/,县=https://www.sx.example.gov.cn/b/", "x");
    expect(contentSecurityPolicy(sites)).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self' https://www.sx.example.gov.cn https://www.sm.example.gov.cn; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
    );
  });
});
