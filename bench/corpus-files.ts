// The scale bench's source files: the bundled list and N − 1 generated ones (bench/corpus.ts, the bundled list's
// table layout) in the formats offices keep, one in four each as text, Word, Excel and a government page; and one
// in twenty-five a copy of a small list in another layout (B–E). Also `node bench/corpus-files.ts N DIR`.
import { copyFileSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { parseDocument } from "../src/ingest/parse.ts";
import { docxOf, htmlOf, xlsxOf } from "../test/support/bundled-formats.ts";
import { generateCorpus } from "./corpus.ts";

const root = resolve(import.meta.dirname, "..");
const LAYOUTS = ["layout-b-table/input.txt", "layout-c-label-lines/input.txt", "layout-d-parenthesis/input.txt", "layout-e-first-listed/input.txt", "format-html-parenthesis/input.html"];

/** Writes the n source files into dir; returns their paths. */
export async function writeCorpusFiles(dir: string, n: number): Promise<string[]> {
  const bundledText = readFileSync(join(root, "seeds/luan-zjtx-2022.txt"));
  const bundled = parseDocument(bundledText, { id: "luan-zjtx-2022", file: "luan-zjtx-2022.txt" });
  if (!bundled.ok) throw new Error("the bundled document does not parse");
  const files = [join(dir, "luan-zjtx-2022.txt")];
  writeFileSync(files[0]!, bundledText);
  copyFileSync(join(root, "seeds/luan-zjtx-2022.settings.json"), join(dir, "luan-zjtx-2022.settings.json"));
  for (const [i, doc] of generateCorpus(bundled.document, n - 1).entries()) {
    let file: string;
    let bytes: Uint8Array;
    if (i % 25 === 12) {
      const fixture = LAYOUTS[Math.floor(i / 25) % LAYOUTS.length]!;
      file = `${fixture.split("/")[0]}-${String(i).padStart(4, "0")}${extname(fixture)}`;
      bytes = readFileSync(join(root, "test/fixtures", fixture));
    } else {
      const text = new TextEncoder().encode(doc.text);
      const format = i % 4;
      file = `${doc.name}.${["txt", "docx", "xlsx", "html"][format]}`;
      bytes = format === 0 ? text : format === 1 ? docxOf(text) : format === 2 ? await xlsxOf(text) : htmlOf(text, `20${22 + (i % 4)}-0${1 + (i % 9)}-15`);
    }
    writeFileSync(join(dir, file), bytes);
    files.push(join(dir, file));
  }
  return files;
}

if (import.meta.main) {
  const [n, dir] = process.argv.slice(2);
  if (!n || !dir) throw new Error("usage: node bench/corpus-files.ts N DIR");
  mkdirSync(dir, { recursive: true });
  console.log(`${(await writeCorpusFiles(dir, Number(n))).length} files in ${dir}`);
}
