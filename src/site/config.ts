// Site configuration: the one place a web team edits before publishing (name, footer record numbers, the other
// sites its search merges). Validated by a zod schema so a mistake fails the build with the field's name.
import { z } from "zod";

const optionalText = z.string().trim().default("");

export const SiteConfig = z
  .object({
    /** Shown in the header and in every <title>; labels this site's own results when other sites are searched too. */
    name: z.string().trim().min(1),
    footer: z
      .object({
        organizer: optionalText.describe("主办单位"),
        siteCode: optionalText.describe("网站标识码"),
        icp: optionalText.describe("ICP备案号"),
        /** Where the ICP number links to (the MIIT record search). */
        icpUrl: z.url().default("https://beian.miit.gov.cn/"),
        psb: optionalText.describe("公安备案号"),
        /** Where the public-security record number links to. */
        psbUrl: z.url().default("https://beian.mps.gov.cn/"),
      })
      .strict(),
    /**
     * Other published sites built by this project whose lists the search page searches too, as
     * `名称=URL,名称=URL` (each URL the site's address, its BASE_PATH included). The SEARCH_SITES environment
     * variable, when set, replaces it. See README, "Many sites searched as one".
     */
    searchSites: z.string().trim().default(""),
  })
  .strict();

export type SiteConfig = z.infer<typeof SiteConfig>;

export const siteConfig: SiteConfig = SiteConfig.parse({
  name: "任务和责任清单查询",
  footer: {
    organizer: "",
    siteCode: "",
    icp: "",
    psb: "",
  },
  searchSites: "",
});

// ---- Many sites searched as one ----

/** Another site whose Pagefind index the search page merges with this site's. */
export interface SearchSite {
  /** How its results are labelled and the value of the site filter (名称). */
  name: string;
  /** The site's address with its base path, ending in "/"; its index is at `${url}pagefind/`. */
  url: string;
}

/**
 * Reads a `名称=URL,名称=URL` setting. Entries are separated by commas (ASCII or full-width) and may have spaces
 * around them; a URL gets a final "/" if it has none. Every bad entry gives one problem naming it.
 */
export function parseSearchSites(setting: string, ownName: string): { sites: SearchSite[]; problems: string[] } {
  const sites: SearchSite[] = [];
  const problems: string[] = [];
  const entries = setting.split(/[,，]/u).map((e) => e.trim());
  entries.forEach((entry, i) => {
    if (!entry) return;
    const bad = (what: string, expected = "名称=https://…/ (the name shown on results, then the site's address)") =>
      problems.push(`entry ${i + 1} “${entry}”: ${what}; expected ${expected}`);
    const at = entry.search(/[=＝]/u);
    if (at < 0) return bad("has no “=” between a 名称 and a URL");
    const name = entry.slice(0, at).trim();
    const address = entry.slice(at + 1).trim();
    if (!name) return bad("has no 名称 before “=”");
    if (/[\p{Cc}"<>]/u.test(name)) return bad(`its 名称 “${name}” holds a control character, a quote or an angle bracket`);
    if (name === ownName) return bad(`its 名称 is this site's own name (src/site/config.ts name)`, "another 名称 for the other site");
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return bad(address ? `“${address}” is not a URL` : "has no URL after “=”", "an absolute address such as https://www.example.gov.cn/zjtx/");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return bad(`the URL is not an http:// or https:// address`);
    if (url.username || url.password || url.search || url.hash || address.endsWith("?") || address.endsWith("#")) {
      return bad("the URL has a user name, a ?query or a #fragment", "the site's plain address, such as https://www.example.gov.cn/zjtx/");
    }
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    if (/\/pagefind\/$/u.test(url.pathname)) {
      return bad("the URL is the site's pagefind/ folder", "the site's own address (the folder that holds pagefind/)");
    }
    const same = sites.findIndex((s) => s.name === name);
    if (same >= 0) return bad(`the 名称 “${name}” is also given to ${sites[same]!.url}`, "one 名称 per site");
    const twice = sites.find((s) => s.url === url.href);
    if (twice) return bad(`the URL is also given as “${twice.name}”`, "each site once");
    sites.push({ name, url: url.href });
  });
  return { sites, problems };
}

/**
 * The other sites the search page merges: SEARCH_SITES from the environment when it is set (an empty value turns
 * the setting off), else `searchSites` of the config. Throws with one line per bad entry.
 */
export function searchSitesOf(config: SiteConfig = siteConfig, env: Record<string, string | undefined> = process.env): SearchSite[] {
  const fromEnv = env["SEARCH_SITES"] !== undefined;
  const source = fromEnv ? "SEARCH_SITES" : "src/site/config.ts searchSites";
  const { sites, problems } = parseSearchSites(fromEnv ? env["SEARCH_SITES"]! : config.searchSites, config.name);
  if (problems.length) throw new Error(problems.map((p) => `${source}: ${p}`).join("\n"));
  return sites;
}

/** The Content-Security-Policy the site works under (README, "Content-Security-Policy"). */
export const CONTENT_SECURITY_POLICY: ReadonlyArray<readonly [string, ...string[]]> = [
  ["default-src", "'self'"],
  ["script-src", "'self'", "'wasm-unsafe-eval'"],
  ["style-src", "'self'"],
  ["img-src", "'self'", "data:"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["frame-ancestors", "'none'"],
];

/**
 * The policy with what other searched sites need: their origins in connect-src, since Pagefind fetches their
 * index files (entry, meta, index and filter chunks, fragments) with fetch(). Nothing else: a merged index is
 * searched with this site's WebAssembly and worker, and the other site's are never loaded.
 */
export function contentSecurityPolicy(sites: readonly SearchSite[] = []): string {
  const origins = [...new Set(sites.map((s) => new URL(s.url).origin))];
  const directives = CONTENT_SECURITY_POLICY.map((d) => [...d]);
  if (origins.length) directives.splice(directives.findIndex(([name]) => name === "object-src"), 0, ["connect-src", "'self'", ...origins]);
  return directives.map((d) => d.join(" ")).join("; ");
}
