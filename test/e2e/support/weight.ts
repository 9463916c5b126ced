// What a page costs to open: its HTML, the stylesheets it links and the JavaScript that runs before any
// interaction (its module scripts and their static imports; dynamic imports such as Pagefind's are not counted).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface Bytes {
  raw: number;
  /** gzip at zlib's default level, as a web server would send it. */
  gzip: number;
}

export interface PageWeight {
  html: Bytes;
  css: Bytes;
  js: Bytes;
  total: Bytes;
  /** The CSS and JS files counted, relative to the build folder. */
  assets: string[];
}

const ZERO: Bytes = { raw: 0, gzip: 0 };
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

export function bytesOf(content: Buffer): Bytes {
  return { raw: content.length, gzip: gzipSync(content).length };
}

/** An absolute site path ("/zjtx/_astro/a.css") → the file under dir ("_astro/a.css"). */
function fileOf(base: string, url: string): string {
  if (!url.startsWith(base)) throw new Error(`${url} is outside the base ${base}`);
  return url.slice(base.length);
}

/** Static imports of an ES module bundle: `import…from"./x.js"`, `import"./x.js"`, `export…from"./x.js"`. */
export function staticImports(source: string): string[] {
  const found = source.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g);
  return [...found].map((m) => m[1]!);
}

/** The weight of one page of the build in dir (served under base), e.g. page = "luan/tasks/1/index.html". */
export function pageWeight(dir: string, base: string, page: string): PageWeight {
  const htmlBytes = readFileSync(join(dir, page));
  const html = htmlBytes.toString("utf8");
  const css = new Set<string>();
  const js = new Set<string>();
  for (const tag of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/\srel="stylesheet"/.test(tag[0])) continue;
    const href = /\shref="([^"]+)"/.exec(tag[0])?.[1];
    if (href) css.add(fileOf(base, href));
  }
  const pending: string[] = [];
  for (const tag of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"[^>]*>/g)) pending.push(fileOf(base, tag[1]!));
  while (pending.length) {
    const file = pending.pop()!;
    if (js.has(file)) continue;
    js.add(file);
    const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    for (const spec of staticImports(readFileSync(join(dir, file), "utf8"))) {
      pending.push(spec.startsWith("/") ? fileOf(base, spec) : new URL(spec, `http://x/${folder}`).pathname.slice(1));
    }
  }
  const sum = (files: Set<string>) => [...files].reduce((n, f) => add(n, bytesOf(readFileSync(join(dir, f)))), ZERO);
  const weight = { html: bytesOf(htmlBytes), css: sum(css), js: sum(js) };
  return { ...weight, total: add(add(weight.html, weight.css), weight.js), assets: [...css, ...js].sort() };
}
