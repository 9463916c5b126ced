// Reading a build output folder: its HTML pages and the URLs they would be served at.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every file under dir, as "/"-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** HTML pages as site paths: "index.html" → "", "units/index.html" → "units/", "404.html" → "404.html". */
export function pagePaths(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => f.endsWith(".html"))
    .map((f) => (f === "index.html" ? "" : f.endsWith("/index.html") ? f.slice(0, -"index.html".length) : f));
}
