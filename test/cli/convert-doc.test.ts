// .doc/.wps → .docx through LibreOffice: a real Word 97 file comes out as a docx holding its table's text, and
// every way it can fail (no LibreOffice, not a document, too slow) is a message, never an exception.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { convertToDocx } from "../../src/cli/convert-doc.ts";
import { findSoffice, installAdvice } from "../../src/cli/tools.ts";

const DOC = join(import.meta.dirname, "..", "fixtures", "format-doc", "input.doc");
const scratch = mkdtempSync(join(tmpdir(), "convert-doc-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The text of each paragraph of word/document.xml (a table cell's text is its paragraphs). */
function paragraphs(docx: Uint8Array): string[] {
  const files = unzipSync(docx);
  const xml = files["word/document.xml"];
  if (!xml) throw new Error(`no word/document.xml in the docx (entries: ${Object.keys(files).join(", ")})`);
  return [...strFromU8(xml).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

const convertTemps = () => readdirSync(tmpdir()).filter((name) => name.startsWith("convert-doc-") && !name.startsWith("convert-doc-test-"));

describe("convertToDocx", () => {
  it("finds LibreOffice here (npm test installs it through scripts/test-tools.ts)", () => {
    expect(findSoffice(), installAdvice(["soffice"])).toBeTruthy();
  });

  it("turns the LibreOffice-made .doc into a docx with the table's text", () => {
    const result = convertToDocx(DOC);
    if (!result.ok) throw new Error(result.message);
    const [zip0, zip1] = result.bytes;
    expect([zip0, zip1]).toEqual([0x50, 0x4b]);
    const text = paragraphs(result.bytes);
    expect(text).toContain("某县优化营商环境重点任务责任清单");
    for (const header of ["序号", "重点任务", "工作措施", "牵头单位", "配合单位", "完成时限"]) expect(text).toContain(header);
    for (const task of ["清理涉企收费", "压缩审批时限", "强化要素保障", "开展专项检查2次", "新增工业用地500亩", "2025年6月底前"]) {
      expect(text).toContain(task);
    }
    for (const unit of ["县发改委", "县财政局", "县数据资源局", "县市场监管局、县税务局", "县自然资源局", "县经信局"]) expect(text).toContain(unit);
  });

  it("reads a .wps the way WPS Writer saves one (the Word 97 format under a .wps name)", () => {
    const wps = join(scratch, "清单 副本.wps");
    copyFileSync(DOC, wps);
    const result = convertToDocx(wps);
    if (!result.ok) throw new Error(result.message);
    expect(paragraphs(result.bytes)).toContain("清理涉企收费");
  });

  it("leaves no temporary folders behind", () => {
    const before = convertTemps().length;
    convertToDocx(DOC);
    expect(convertTemps().length).toBe(before);
  });

  it("without LibreOffice, names the install command and the Word/WPS way out", () => {
    const debian = convertToDocx(DOC, { findSoffice: () => undefined, system: { platform: "linux", packageManager: "apt", root: false } });
    expect(debian).toEqual({ ok: false, message: expect.stringContaining("sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui") });
    const mac = convertToDocx(DOC, { findSoffice: () => undefined, system: { platform: "darwin", packageManager: undefined, root: false } });
    expect(mac.ok ? "" : mac.message).toContain("brew install --cask libreoffice");
    const here = convertToDocx(DOC, { findSoffice: () => undefined });
    expect(here.ok ? "" : here.message).toContain(installAdvice(["soffice"]));
    expect(here.ok ? "" : here.message).toMatch(/open the file in Word or WPS and save it as \.docx/);
  });

  it("with PATH emptied, still finds LibreOffice in its install folder or says how to install it", () => {
    const found = findSoffice({ PATH: "" });
    const result = convertToDocx(DOC, { findSoffice: () => findSoffice({ PATH: "" }) });
    if (found) expect(result.ok).toBe(true);
    else expect(result.ok ? "" : result.message).toContain("LibreOffice is needed");
  });

  it("refuses a file that is not an Office document, with a message and no exception", () => {
    const text = join(scratch, "notes.doc");
    writeFileSync(text, "这不是Word文件，只是文本。\n");
    const result = convertToDocx(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(/^not a Word or WPS document/);

    const empty = join(scratch, "empty.wps");
    writeFileSync(empty, "");
    expect(convertToDocx(empty)).toEqual({ ok: false, message: expect.stringContaining("empty") });
    expect(convertToDocx(join(scratch, "missing.doc"))).toEqual({ ok: false, message: expect.stringContaining("ENOENT") });
    expect(convertToDocx(scratch)).toEqual({ ok: false, message: expect.stringContaining("not a file") });
  });

  it("says so when LibreOffice cannot load a damaged .doc", () => {
    const damaged = join(scratch, "damaged.doc");
    // An OLE header that promises sectors the cut copy no longer has.
    writeFileSync(damaged, readFileSync(DOC).subarray(0, 3000));
    const result = convertToDocx(damaged);
    expect(result.ok ? "" : result.message).toMatch(/^LibreOffice could not read the file/);
  });

  it("stops a conversion that runs past the timeout", () => {
    const result = convertToDocx(DOC, { timeoutMs: 50 });
    expect(result.ok ? "" : result.message).toMatch(/^LibreOffice took more than 50 ms .* was stopped/);
  });
});
