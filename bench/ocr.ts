// OCR accuracy on the fixtures: each list exported to PDF by LibreOffice, scanned (drawn at 200 dpi, saved as JPEG
// pictures in a PDF without text), then read with the settings file's "ocr": true, and compared with the model of
// the PDF's text layer. Prints, per list: whether it builds, its measures, the measures whose lead units are the
// same, the character accuracy of the measures' texts and units, and the seconds per page (one run each: OCR is
// deterministic, and a run of the bundled list takes over a minute).
//   npm run bench:ocr [-- NAME…]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSource } from "../src/ingest/parse.ts";
import { bundledText, docxOf } from "../test/support/bundled-formats.ts";
import { writeDocx } from "../test/support/docx-writer.ts";
import { ocrAccuracy } from "../test/support/ocr-accuracy.ts";
import { paragraphsDocx, pdfOf, scanOf } from "../test/support/pdf-writer.ts";

const LISTS = ["layout-c-label-lines", "layout-d-parenthesis", "layout-e-first-listed", "layout-three-levels", "layout-c-shared-units", "bundled"];
const names = process.argv.slice(2).length ? process.argv.slice(2) : LISTS;
const pdfOfList = (name: string) =>
  name === "bundled"
    ? pdfOf(docxOf(bundledText(), { tableBorders: true, wordQuirks: false, columnWidths: [1500, 4800, 4800, 1600, 1800] }))
    : pdfOf(paragraphsDocx(readFileSync(join("test/fixtures", name, "input.txt"), "utf8"), writeDocx));

console.log("OCR accuracy (tesseract.js, chi_sim), scans made at 200 dpi from LibreOffice's PDF exports");
for (const name of names) {
  const pdf = pdfOfList(name);
  const text = await parseSource(pdf, ".pdf", { id: "x", file: "x.pdf" });
  if (!text.ok) throw new Error(`${name}: ${text.problems[0]!.message}`);
  const scan = await scanOf(pdf, 200);
  const pages = (new TextDecoder("latin1").decode(scan).match(/\/Type \/Page\b/g) ?? []).length;
  const started = performance.now();
  const read = await parseSource(scan, ".pdf", { id: "x", file: "x.pdf", ocr: true });
  const seconds = (performance.now() - started) / 1000;
  if (!read.ok) {
    console.log(`  ${name}: refused (${read.problems[0]!.message.slice(0, 120)}); ${pages} page(s), ${(seconds / pages).toFixed(1)} s/page`);
    continue;
  }
  const a = ocrAccuracy(text.document, read.document);
  console.log(
    `  ${name}: builds; ${a.measures[1]} of ${a.measures[0]} measures; same lead units ${a.sameLeads}/${a.measures[0]}; ` +
      `character accuracy ${(100 * a.characterAccuracy).toFixed(2)}%; ${pages} page(s), ${(seconds / pages).toFixed(1)} s/page`,
  );
}
