// File name → the reader for its format. Adding a format touches this table and one reader module.
// Each reader is loaded when a file of its format is read: a run over text files never loads exceljs, the XML
// parser or the PDF library (loading every reader was most of the bundled list's ingest: 0.65 s of 1.1 s).
import type { Format } from "../../model/schema.ts";
import type { ReadOptions, ReadResult } from "../blocks.ts";

type Reader = (bytes: Uint8Array, options?: ReadOptions) => ReadResult | Promise<ReadResult>;

const READERS: Record<string, { format: Format; load: () => Promise<Reader> }> = {
  ".txt": { format: "txt", load: async () => (await import("./text.ts")).readText },
  ".text": { format: "txt", load: async () => (await import("./text.ts")).readText },
  ".docx": { format: "docx", load: async () => (await import("./docx/read.ts")).readDocx },
  ".xlsx": { format: "xlsx", load: async () => (await import("./xlsx.ts")).readXlsx },
  ".html": { format: "html", load: async () => (await import("./html.ts")).readHtml },
  ".htm": { format: "html", load: async () => (await import("./html.ts")).readHtml },
  ".pdf": { format: "pdf", load: async () => (await import("./pdf.ts")).readPdf },
  ".ofd": { format: "ofd", load: async () => (await import("./ofd.ts")).readOfd },
};

/** Formats LibreOffice turns into .docx first (the CLI does the conversion: it runs a program). */
export const CONVERTED: Record<string, Format> = { ".doc": "doc", ".wps": "wps" };

export const ACCEPTED_EXTENSIONS = [...Object.keys(READERS), ...Object.keys(CONVERTED)];

/** The format a file name's extension is read as, or undefined for one no reader takes. */
export function formatOf(extension: string): Format | undefined {
  return READERS[extension.toLowerCase()]?.format;
}

export async function readSource(extension: string, bytes: Uint8Array, options?: ReadOptions): Promise<ReadResult> {
  const reader = READERS[extension.toLowerCase()];
  if (!reader) {
    return { ok: false, problems: [{ at: { line: 1 }, message: `the format ${extension || "(no extension)"} is not one the ingest reads; expected one of ${ACCEPTED_EXTENSIONS.join(", ")}` }] };
  }
  return (await reader.load())(bytes, options);
}
