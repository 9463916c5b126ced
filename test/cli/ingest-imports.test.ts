// The ingest loads a format's reader only when it reads a file of that format (src/ingest/readers/index.ts): the
// bundled list, a text file, is read without exceljs, the XML and HTML parsers, the PDF library, OCR or the
// LibreOffice finder (which brings chrome-launcher), whose loading was most of its ingest's time.
// Checked in a child process whose module hook writes every module it loads.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "ingest-imports-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HOOK = `import { registerHooks } from "node:module";
import { writeFileSync } from "node:fs";
const seen = [];
registerHooks({ load(url, context, next) { seen.push(url); return next(url, context); } });
process.on("exit", () => writeFileSync(process.env.LOADED_FILE, seen.join("\\n")));`;

/** The packages (node_modules/NAME) an ingest of `files` loads, and its exit code. */
function packagesLoaded(name: string, files: string[]): { status: number | null; packages: Set<string> } {
  const loaded = join(scratch, `${name}.loaded`);
  const result = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(HOOK)}`, "scripts/ingest.ts", ...files, "--out", join(scratch, name)], {
    cwd: root,
    env: { ...process.env, LOADED_FILE: loaded },
    encoding: "utf8",
  });
  const urls = readFileSync(loaded, "utf8").split("\n");
  const packages = new Set(urls.flatMap((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));
  return { status: result.status, packages };
}

const OTHER_FORMATS = ["exceljs", "@xmldom/xmldom", "hast-util-from-html", "pdfjs-dist", "tesseract.js", "chrome-launcher"];

describe("the ingest's readers, loaded on demand", () => {
  it("reads the bundled text list without loading another format's reader", () => {
    const { status, packages } = packagesLoaded("text", ["seeds/luan-zjtx-2022.txt"]);
    expect(status).toBe(0);
    // The hook sees packages at all: the model's schema library is always loaded.
    expect(packages).toContain("zod");
    expect(OTHER_FORMATS.filter((p) => packages.has(p))).toEqual([]);
  });

  it("loads the spreadsheet reader for a .xlsx file (and refuses one that is not a workbook)", () => {
    const file = join(scratch, "not-a-workbook.xlsx");
    writeFileSync(file, "plain text, not a zip");
    const { status, packages } = packagesLoaded("xlsx", [file]);
    expect(status).toBe(1);
    expect(packages).toContain("exceljs");
  });
});
