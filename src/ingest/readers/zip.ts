// Zip containers (docx, xlsx) opened defensively: only the wanted entries are inflated, and every byte inflated
// is counted as it comes, so an entry that lies about its size (a zip bomb) is stopped at the limit instead of
// filling memory. fflate's streaming Unzip reads the local headers in order and inflates synchronously.
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from "fflate";
import type { Problem } from "../blocks.ts";
import { LIMITS, mebibytes } from "./limits.ts";

export type ZipResult = { ok: true; entries: Map<string, Uint8Array>; names: string[] } | { ok: false; problems: Problem[] };

class ZipRefusal extends Error {
  entry: string;
  constructor(entry: string, message: string) {
    super(message);
    this.entry = entry;
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: a .doc/.xls saved under a new name, or an Office file encrypted with a password. */
export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

/**
 * Inflates the entries `wanted` accepts (by name) and lists every entry's name.
 * @param kind what the container should be, for messages ("a Word .docx file")
 */
export function readZip(bytes: Uint8Array, kind: string, wanted: (name: string) => boolean): ZipResult {
  const fail = (entry: string, message: string): ZipResult => ({ ok: false, problems: [{ at: { entry }, message }] });
  if (bytes.length > LIMITS.fileBytes) return fail("(file)", `the file is ${mebibytes(bytes.length)}; expected ${kind} of at most ${mebibytes(LIMITS.fileBytes)}`);
  if (isOleCompoundFile(bytes)) {
    return fail("(file)", `this is an old-format (.doc/.xls) or password-protected Office file, not ${kind}; expected ${kind} without a password (open it and save it as .docx or .xlsx)`);
  }
  if (!isZip(bytes)) return fail("(file)", `not a zip container; expected ${kind} (a zip of XML parts)`);

  const entries = new Map<string, Uint8Array>();
  const names: string[] = [];
  let total = 0;
  const unzip = new Unzip((file: UnzipFile) => {
    names.push(file.name);
    if (names.length > LIMITS.zipEntries) throw new ZipRefusal(file.name, `more than ${LIMITS.zipEntries} entries in the container; expected ${kind} (a few dozen parts)`);
    if (!wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (err) throw err instanceof ZipRefusal ? err : new ZipRefusal(file.name, `the entry cannot be inflated (${err.message}); expected ${kind} that is not damaged`);
      size += data.length;
      total += data.length;
      const ratio = file.size ? size / file.size : 0;
      if (size > LIMITS.zipEntryBytes || total > LIMITS.zipTotalBytes || (size > 1024 * 1024 && ratio > LIMITS.zipRatio)) {
        file.terminate();
        throw new ZipRefusal(
          file.name,
          `the entry inflates past ${mebibytes(size)}${ratio > LIMITS.zipRatio ? ` (${Math.round(ratio)} times its packed size)` : ""}: a zip bomb or a damaged file; expected ${kind} whose parts inflate to at most ${mebibytes(LIMITS.zipEntryBytes)} each and ${mebibytes(LIMITS.zipTotalBytes)} in all`,
        );
      }
      chunks.push(data);
      if (final) entries.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    // Fed in small slices: fflate inflates a whole pushed slice at once, so the slice bounds the memory that one
    // step of a bomb can take (deflate expands at most ~1,032 times) before the count above stops it.
    const SLICE = 16 * 1024;
    for (let at = 0; at < bytes.length; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch (e) {
    if (e instanceof ZipRefusal) return fail(e.entry, e.message);
    return fail("(file)", `the zip container is damaged (${(e as Error).message}); expected ${kind}`);
  }
  return { ok: true, entries, names };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** An XML part as text. OOXML never declares a DOCTYPE; one here can only be an entity attack, so it is refused. */
export function xmlText(entries: Map<string, Uint8Array>, name: string): { ok: true; text: string } | { ok: false; problem: Problem } | undefined {
  const bytes = entries.get(name);
  if (!bytes) return undefined;
  let text: string;
  try {
    text = new TextDecoder(bytes[0] === 0xff || bytes[0] === 0xfe ? "utf-16" : "utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { at: { entry: name }, message: "the XML part is not valid UTF-8 or UTF-16; expected an undamaged Office file" } };
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return { ok: false, problem: { at: { entry: name }, message: "the XML part declares a DOCTYPE or entities, which Office files never do (an XML entity attack); expected plain OOXML" } };
  }
  return { ok: true, text };
}
