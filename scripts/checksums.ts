// A checksum list of a build folder in sha256sum's format, so a web team can check that what they publish is
// what a commit builds:   npm run checksums [-- DIR] [--out FILE]   (default dist/ → dist.sha256)
//   cd dist && sha256sum --check --strict ../dist.sha256
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

/** Every file under dir as a "/"-separated path relative to it, in code-unit order (not the locale's), so every machine lists them alike. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** "HASH  path" lines (two spaces: sha256sum's text form), one per file, sorted by path, "/"-separated. */
export function checksumList(dir: string): string {
  const files = siteFiles(dir);
  // sha256sum escapes such names in its own way; the site's paths are ASCII slugs, so refuse rather than guess.
  const odd = files.find((f) => /[\\\n\r]/.test(f));
  if (odd !== undefined) throw new Error(`${JSON.stringify(odd)}: a file name with a backslash or line break; expected plain names`);
  return files.map((f) => `${createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")}  ${f}\n`).join("");
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: "string" } } });
  const dir = resolve(positionals[0] ?? "dist");
  const out = resolve(values.out ?? `${dir}.sha256`);
  const list = checksumList(dir);
  writeFileSync(out, list);
  console.log(`checksums: ${list.split("\n").length - 1} files of ${relative(".", dir) || "."} → ${relative(".", out)}`);
}
