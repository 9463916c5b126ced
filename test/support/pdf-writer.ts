// PDF fixtures as a word processor makes them: a .docx (from its readable description) exported by LibreOffice's
// writer_pdf_Export, the filter WPS and Word exports resemble, so the PDF reader is tested on real text layers with
// embedded CJK font subsets. Made when a test runs (a few seconds each), so no binary PDF is committed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSoffice } from "../../src/cli/convert-doc.ts";
import { findSoffice } from "../../src/cli/tools.ts";
import { drawPage } from "../../src/ingest/readers/pdf.ts";

/** The PDF LibreOffice exports from `docx`; `filter` adds export options (a password). */
export function pdfOf(docx: Uint8Array, filter = "pdf"): Uint8Array {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice is needed to make the PDF fixtures (node scripts/test-tools.ts installs it)");
  const work = mkdtempSync(join(tmpdir(), "pdf-fixture-"));
  try {
    writeFileSync(join(work, "input.docx"), docx);
    const { result } = runSoffice(soffice, work, ["--convert-to", filter, "--outdir", work, join(work, "input.docx")], 120_000);
    if (result.status !== 0) throw new Error(`LibreOffice did not export the PDF:\n${result.stdout}${result.stderr}`);
    return new Uint8Array(readFileSync(join(work, "input.pdf")));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A text list's lines as a Word file of plain paragraphs, one per line. */
export function paragraphsDocx(text: string, write: (spec: { blocks: Array<{ paragraph: string }> }) => Uint8Array): Uint8Array {
  return write({ blocks: text.split(/\r?\n/).filter((l) => l.trim() !== "").map((paragraph) => ({ paragraph })) });
}

/** The smallest PDF a scanner could write: `pages` pages sharing a picture's worth of drawing, and no text. */
export function textlessPdf(pages = 1): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 4} 0 R`).join(" ");
  const stream = "0.5 g 72 72 451 698 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    ...Array.from({ length: pages }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"),
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A PDF of the given objects (numbered from 1, the first the catalog), each a dictionary or a dictionary and its stream. */
function pdfOfObjects(objects: Array<string | [string, Uint8Array]>): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Uint8Array | string) => {
    const u = typeof b === "string" ? enc.encode(b) : b;
    parts.push(u);
    length += u.length;
  };
  push("%PDF-1.4\n");
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === "string") push(`${i + 1} 0 obj\n${o}\nendobj\n`);
    else {
      push(`${i + 1} 0 obj\n${o[0]}\nstream\n`);
      push(o[1]);
      push("\nendstream\nendobj\n");
    }
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A one-page PDF written byte by byte around a content stream, for the files no word processor writes: `filter`
 * names the stream's filter (its bytes already encoded so), `page` adds entries to the page's dictionary.
 */
export function rawPdf(content: Uint8Array, options: { filter?: string; page?: string } = {}): Uint8Array {
  return pdfOfObjects([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    [`<< /Length ${content.length}${options.filter ? ` /Filter /${options.filter}` : ""} >>`, content],
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R ${options.page ?? ""} >>`,
  ]);
}

/**
 * What a scanner makes of a PDF: each page drawn at `dpi` (by the reader's own drawPage), saved as a JPEG,
 * then a PDF of those pictures only, page for page the same size, with no text layer.
 */
export async function scanOf(pdf: Uint8Array, dpi = 200): Promise<Uint8Array> {
  const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = lib.getDocument({ data: new Uint8Array(pdf), verbosity: 0, disableFontFace: true });
  const doc = await task.promise;
  const objects: Array<string | [string, Uint8Array]> = ["<< /Type /Catalog /Pages 2 0 R >>", ""];
  const kids: number[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const unit = page.getViewport({ scale: 1 });
    const { canvas } = await drawPage(page, dpi / 72);
    // A JPEG, as scanners save their pages.
    const picture = new Uint8Array(canvas.toBuffer("image/jpeg", 85));
    const image = objects.length + 1;
    objects.push([`<< /Type /XObject /Subtype /Image /Width ${canvas.width} /Height ${canvas.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${picture.length} >>`, picture]);
    const content = new TextEncoder().encode(`q ${unit.width} 0 0 ${unit.height} 0 0 cm /Im0 Do Q`);
    objects.push([`<< /Length ${content.length} >>`, content]);
    kids.push(objects.length + 1);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${unit.width} ${unit.height}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${objects.length} 0 R >>`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  await task.destroy();
  return pdfOfObjects(objects);
}
