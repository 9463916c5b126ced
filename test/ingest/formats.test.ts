// One list, every format: the bundled list written as .docx (merged cells, Word's run markup), .xlsx (merged cells,
// the cover letter in rows above the table) and a government site's .html page gives the model of its text export,
// locations aside.
import { describe, expect, it } from "vitest";
import { parseSource, type ParseResult } from "../../src/ingest/parse.ts";
import type { Document } from "../../src/model/schema.ts";
import { bundledDocx, bundledHtml, bundledText, bundledXlsx } from "../support/bundled-formats.ts";

const source = { id: "luan-zjtx-2022", file: "luan-zjtx-2022" };

/** The model without what names the source: its locations, its format and its file name. */
function comparable(result: ParseResult): unknown {
  if (!result.ok) throw new Error(result.problems.map((p) => `${JSON.stringify(p.at)}: ${p.message}`).join("\n"));
  const { format: _format, source: _source, ...rest } = result.document as Document;
  return JSON.parse(JSON.stringify(rest, (key, value) => (key === "at" ? undefined : value)));
}

describe("the bundled list in every format", async () => {
  const text = comparable(await parseSource(bundledText(), ".txt", source));

  it("reads the same from a Word .docx", async () => {
    const docx = await parseSource(bundledDocx(), ".docx", source);
    expect(docx.ok && docx.document.format).toBe("docx");
    expect(comparable(docx)).toEqual(text);
  });

  it("reads the same from an Excel .xlsx", async () => {
    const xlsx = await parseSource(await bundledXlsx(), ".xlsx", source);
    expect(xlsx.ok && xlsx.document.chapters[0].items[0].at[0]).toMatchObject({ sheet: "任务清单" });
    expect(comparable(xlsx)).toEqual(text);
  });

  it("reads the same from the page on the government site", async () => {
    const html = await parseSource(bundledHtml(), ".html", source);
    expect(html.ok && html.document.chapters[0].items[0].at[0]).toHaveProperty("line");
    // A browser shows a run of spaces as one: the date line's "2022年5月  日" reads "2022年5月 日" on the page.
    expect(comparable(html)).toEqual({ ...(text as object), datePrinted: "2022年5月 日" });
  });

  it("names the place of each task in the format's own terms", async () => {
    const docx = await parseSource(bundledDocx(), ".docx", source);
    expect(docx.ok && docx.document.chapters[0].items[0].at[0]).toEqual({ table: 1, row: 3, column: 1 });
  });
});
