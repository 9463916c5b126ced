// Static checks over the built folders: every internal link, anchor and asset resolves; nothing is loaded
// from another host; the HTML needs no 'unsafe-inline' in a CSP; the downloads are what they claim.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "./support/dist.ts";
import { DOC_ID, TEST_SITE_URL, sites } from "./support/site.ts";
import type { BuiltSite } from "./support/site.ts";

interface Reference {
  page: string;
  tag: string;
  attribute: string;
  value: string;
}

/** Attribute values of the tags that link or load something. Astro's output quotes every attribute with ". */
function references(page: string, html: string): Reference[] {
  const found: Reference[] = [];
  for (const tag of html.matchAll(/<([a-z]+)\b([^>]*)>/g)) {
    for (const attr of tag[2]!.matchAll(/\s(href|src|action|srcset)="([^"]*)"/g)) {
      found.push({ page, tag: tag[1]!, attribute: attr[1]!, value: attr[2]!.replaceAll("&amp;", "&") });
    }
  }
  return found;
}

function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
}

/** A site path ("/zjtx/a/b/") → the file that serves it (as a static host would), or undefined. */
function fileFor(site: BuiltSite, files: Set<string>, pathname: string): string | undefined {
  if (!pathname.startsWith(site.base)) return undefined;
  const rel = decodeURIComponent(pathname.slice(site.base.length));
  const index = rel === "" || rel.endsWith("/") ? `${rel}index.html` : `${rel}/index.html`;
  return [rel, index].find((candidate) => files.has(candidate));
}

function checkSite(site: BuiltSite) {
  const files = listFiles(site.dir);
  const fileSet = new Set(files);
  const pages = files.filter((f) => f.endsWith(".html"));
  const html = new Map(pages.map((p) => [p, readFileSync(join(site.dir, p), "utf8")]));
  const pageUrl = (page: string) =>
    new URL(site.base + (page === "index.html" ? "" : page.replace(/index\.html$/, "")), "http://site.test");

  it("has the expected pages", () => {
    expect(pages.filter((p) => p.startsWith(`${DOC_ID}/tasks/`))).toHaveLength(20);
    expect(pages.filter((p) => /^units\/[^/]+\/index\.html$/.test(p))).toHaveLength(21);
    expect(pages.filter((p) => p.startsWith(`${DOC_ID}/units/`))).toHaveLength(0);
    for (const page of ["index.html", "units/index.html", "search/index.html", "404.html"]) expect(pages).toContain(page);
  });

  it("every internal link, anchor and asset resolves", () => {
    const broken: string[] = [];
    for (const [page, source] of html) {
      for (const ref of references(page, source)) {
        const url = new URL(ref.value, pageUrl(page));
        const internal = url.origin === "http://site.test" || url.href.startsWith(TEST_SITE_URL + site.base);
        if (!internal) continue;
        const target = fileFor(site, fileSet, url.pathname);
        if (!target) {
          broken.push(`${page}: <${ref.tag} ${ref.attribute}="${ref.value}">`);
          continue;
        }
        if (url.hash && target.endsWith(".html") && !ids(html.get(target)!).has(decodeURIComponent(url.hash.slice(1)))) {
          broken.push(`${page}: ${ref.value} (no such id on ${target})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("loads no script, style, font or image from another host", () => {
    const foreign: string[] = [];
    for (const [page, source] of html) {
      for (const ref of references(page, source)) {
        if (ref.tag === "a" || ref.tag === "form") continue; // outbound links are fine
        if (ref.tag === "link" && /\srel="canonical"/.test(source) && ref.value.startsWith(TEST_SITE_URL)) continue;
        const url = new URL(ref.value, pageUrl(page));
        if (url.origin !== "http://site.test") foreign.push(`${page}: <${ref.tag} ${ref.attribute}="${ref.value}">`);
      }
    }
    for (const css of files.filter((f) => f.endsWith(".css"))) {
      const source = readFileSync(join(site.dir, css), "utf8");
      for (const m of source.matchAll(/url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)/g)) {
        const value = m[1] ?? m[2] ?? "";
        if (/^(https?:)?\/\//.test(value)) foreign.push(`${css}: ${value}`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it("needs no 'unsafe-inline': no inline script, style block, style attribute, handler or javascript: URL", () => {
    const inline: string[] = [];
    for (const [page, source] of html) {
      for (const m of source.matchAll(/<script\b([^>]*)>/g)) if (!/\ssrc="/.test(m[1]!)) inline.push(`${page}: <script${m[1]}>`);
      if (/<style[\s>]/.test(source)) inline.push(`${page}: <style>`);
      if (/<[a-z][^>]*\sstyle="/.test(source)) inline.push(`${page}: style=""`);
      if (/<[a-z][^>]*\son[a-z]+="/.test(source)) inline.push(`${page}: on…="" handler`);
      if (/javascript:/i.test(source)) inline.push(`${page}: javascript:`);
    }
    expect(inline).toEqual([]);
  });

  it("indexes task pages and unit pages only", () => {
    const indexed = [...html].filter(([, source]) => source.includes("data-pagefind-body")).map(([p]) => p);
    expect(indexed.filter((p) => !/(^|\/)(tasks|units)\//.test(p))).toEqual([]);
    expect(indexed).toHaveLength(41);
  });

  it("has a sitemap with every task page", () => {
    const sitemap = readFileSync(join(site.dir, "sitemap-0.xml"), "utf8");
    const tasks = [...sitemap.matchAll(new RegExp(`<loc>${TEST_SITE_URL}${site.base}${DOC_ID}/tasks/\\d+/</loc>`, "g"))];
    expect(tasks).toHaveLength(20);
  });
}

describe("root build", () => checkSite(sites().root));
describe("/zjtx/ build", () => checkSite(sites().subpath));

describe("downloads", () => {
  const dir = () => sites().root.dir;

  it("the CSV has a BOM, a header and one row per local measure", () => {
    const bytes = readFileSync(join(dir(), `downloads/${DOC_ID}.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("章节,任务序号,任务事项,省工作举措,市贯彻落实措施,牵头责任单位,配合责任单位");
    expect(lines).toHaveLength(1 + 23); // no field holds a line break in this document
    expect(lines[1]).toMatch(/^一、梯度化培育优质企业群体,1,催生更多市场主体。,/);
    expect(lines[1]).toMatch(/,市经信局、市科技局,市发改委、市人社局、市金融监管局$/);
  });

  it("the JSON is the ingested model, and the schema is a JSON Schema of it", () => {
    const json = JSON.parse(readFileSync(join(dir(), `downloads/${DOC_ID}.json`), "utf8"));
    expect(json).toEqual(JSON.parse(readFileSync(`content/${DOC_ID}.json`, "utf8")));
    const schema = JSON.parse(readFileSync(join(dir(), "downloads/document.schema.json"), "utf8"));
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(expect.arrayContaining(["id", "title", "date", "columns", "preamble", "chapters", "units"]));
  });
});
