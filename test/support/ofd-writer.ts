// OFD fixtures: the PDF LibreOffice exports (pdf-writer.ts), its text runs and drawn lines written out as an OFD
// package (OFD.xml → Doc_0/Document.xml → Pages/Page_N/Content.xml, millimetres, y downwards), as the converters that
// make 电子公文 OFDs from Word files do. Runs and lines come from pdf.js, the reader's own source of them.
import { strToU8, zipSync } from "fflate";
import { segmentsOf } from "../../src/ingest/readers/positioned/ruling.ts";
import { escapeXml } from "./docx-writer.ts";

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const MM = 25.4 / 72;
const n = (x: number) => String(Math.round(x * 1000) / 1000);

/** The package's parts; `extra` adds or replaces parts (for hostile files). */
export async function ofdOf(pdf: Uint8Array, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = lib.getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  const files: Record<string, Uint8Array> = {};
  const pages: string[] = [];
  let width = 210;
  let height = 297;
  let id = 1;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const view = page.getViewport({ scale: 1 });
    [width, height] = [view.width * MM, view.height * MM];
    const objects: string[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!("str" in item) || item.str.trim() === "" || item.height === 0) continue;
      const chars = [...item.str];
      const size = item.height * MM;
      const advance = chars.length > 1 ? (item.width * MM - size) / (chars.length - 1) : 0;
      const top = (view.height - item.transform[5]) * MM - size;
      objects.push(
        `<ofd:TextObject ID="${id++}" Boundary="${n(item.transform[4] * MM)} ${n(top)} ${n(item.width * MM)} ${n(size * 1.3)}" Font="1" Size="${n(size)}">` +
          `<ofd:TextCode X="0" Y="${n(size)}"${chars.length > 1 ? ` DeltaX="g ${chars.length - 1} ${n(advance)}"` : ""}>${escapeXml(item.str)}</ofd:TextCode></ofd:TextObject>`,
      );
    }
    const ops = await page.getOperatorList();
    for (const s of segmentsOf(ops.fnArray, ops.argsArray, lib.OPS)) {
      const [x1, x2, y1, y2] = [s.x1 * MM, s.x2 * MM, (view.height - s.y1) * MM, (view.height - s.y2) * MM];
      objects.push(`<ofd:PathObject ID="${id++}" Boundary="0 0 ${n(width)} ${n(height)}" LineWidth="0.25"><ofd:AbbreviatedData>M ${n(x1)} ${n(y1)} L ${n(x2)} ${n(y2)}</ofd:AbbreviatedData></ofd:PathObject>`);
    }
    const name = `Pages/Page_${p - 1}/Content.xml`;
    pages.push(`<ofd:Page ID="${id++}" BaseLoc="${name}"/>`);
    files[`Doc_0/${name}`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="${id++}">${objects.join("")}</ofd:Layer></ofd:Content></ofd:Page>`);
  }
  await task.destroy();
  files["OFD.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} DocType="OFD" Version="1.0"><ofd:DocBody><ofd:DocInfo><ofd:DocID>fixture</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  files["Doc_0/Document.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${n(width)} ${n(height)}</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>${pages.join("")}</ofd:Pages></ofd:Document>`,
  );
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files);
}
