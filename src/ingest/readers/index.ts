// File name → the reader for its format. Adding a format touches this table and one reader module.
import type { Format } from "../../model/schema.ts";
import type { ReadOptions, ReadResult } from "../blocks.ts";
import { readDocx } from "./docx/read.ts";
import { readHtml } from "./html.ts";
import { readText } from "./text.ts";
import { readXlsx } from "./xlsx.ts";
import { readPdf } from "./pdf.ts";
import { readOfd } from "./ofd.ts";

type Reader = (bytes: Uint8Array, options?: ReadOptions) => ReadResult | Promise<ReadResult>;

const READERS: Record<string, { format: Format; read: Reader }> = {
  ".txt": { format: "txt", read: readText },
  ".text": { format: "txt", read: readText },
  ".docx": { format: "docx", read: readDocx },
  ".xlsx": { format: "xlsx", read: readXlsx },
  ".html": { format: "html", read: readHtml },
  ".htm": { format: "html", read: readHtml },
  ".pdf": { format: "pdf", read: readPdf },
  ".ofd": { format: "ofd", read: readOfd },
};

/** Formats LibreOffice turns into .docx first (the CLI does the conversion: it runs a program). */
export const CONVERTED: Record<string, Format> = { ".doc": "doc", ".wps": "wps" };

export const ACCEPTED_EXTENSIONS = [...Object.keys(READERS), ...Object.keys(CONVERTED)];

export function readerFor(extension: string): { format: Format; read: Reader } | undefined {
  return READERS[extension.toLowerCase()];
}

export function readSource(extension: string, bytes: Uint8Array, options?: ReadOptions): Promise<ReadResult> | ReadResult {
  const reader = readerFor(extension);
  if (!reader) {
    return { ok: false, problems: [{ at: { line: 1 }, message: `the format ${extension || "(no extension)"} is not one the ingest reads; expected one of ${ACCEPTED_EXTENSIONS.join(", ")}` }] };
  }
  return reader.read(bytes, options);
}
