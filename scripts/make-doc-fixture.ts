// Writes test/fixtures/format-doc/input.doc from the readable source.html beside it, with LibreOffice's Word 97
// export, so the .doc fixture is a real binary Word file and anyone can see (and change) what it holds.
//   node scripts/make-doc-fixture.ts
// No .wps fixture: LibreOffice reads WPS Writer files but has no filter that writes them.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { runSoffice } from "../src/cli/convert-doc.ts";
import { findSoffice, installAdvice } from "../src/cli/tools.ts";

const root = resolve(import.meta.dirname, "..");
const dir = join(root, "test", "fixtures", "format-doc");
const target = join(dir, "input.doc");

const soffice = findSoffice();
if (!soffice) {
  console.error(`make-doc-fixture: LibreOffice not found; ${installAdvice(["soffice"])}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "make-doc-fixture-"));
try {
  const input = join(work, "input.html");
  copyFileSync(join(dir, "source.html"), input);
  // Into Writer proper, not Writer/Web, so the .doc is the kind a word processor saves.
  const { result } = runSoffice(soffice, work, ["--infilter=HTML (StarWriter)", "--convert-to", "doc:MS Word 97", "--outdir", work, input], 120_000);
  const written = join(work, "input.doc");
  if (result.status !== 0 || !existsSync(written)) {
    console.error(`make-doc-fixture: LibreOffice did not write the .doc (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    process.exit(1);
  }
  copyFileSync(written, target);
  console.log(`make-doc-fixture: wrote ${relative(root, target)} (${statSync(target).size} bytes)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
