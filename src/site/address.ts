// Where the site is published: the origin (SITE_URL) and the sub-path (BASE_PATH), read the same way by Astro's
// config and by the build steps after Astro (the sitemap, the shard manifests).

/** "/zjtx" or "zjtx/" → "/zjtx/"; unset → "/". */
export function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** The sitemap and permalinks need an absolute origin; without SITE_URL they point at `npm start`'s server. */
export function siteUrlOf(env: Record<string, string | undefined> = process.env): string {
  return env["SITE_URL"]?.trim() || "http://localhost:8080";
}
