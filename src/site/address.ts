// Where the site is published: the origin (SITE_URL) and the sub-path (BASE_PATH), read the same way by Astro's
// config and by the build steps after Astro (the sitemap, the shard manifests).

/** "/zjtx" or "zjtx/" → "/zjtx/"; unset → "/". */
export function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/**
 * The address the site is published at, or undefined without SITE_URL: then the build writes no absolute URL
 * (no canonical link, no sitemap, calendar UIDs without a host) rather than one that points at a local server.
 */
export function siteUrlOf(env: Record<string, string | undefined> = process.env): string | undefined {
  return env["SITE_URL"]?.trim() || undefined;
}

/** What the build prints, once, when SITE_URL is unset. */
export const NO_SITE_URL_WARNING =
  "warning: SITE_URL is not set, so the site has no canonical links, no sitemap.xml, and its calendar events carry no " +
  "links (UIDs without a host); set SITE_URL (or --site) to the address it is published at, e.g. https://www.luan.gov.cn";
