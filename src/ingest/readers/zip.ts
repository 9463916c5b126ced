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

/** Gets one entry's inflated bytes as they come; returning true ends the whole walk (the caller has its answer). */
export type EntryVisitor = (chunk: Uint8Array, final: boolean) => boolean | void;

export type WalkResult = { ok: true; names: string[]; stopped: boolean } | { ok: false; problems: Problem[] };

/** Ends the walk from inside fflate's callbacks, as a visitor asked. */
const STOPPED = new Error("stopped by the visitor");

/**
 * Walks the container entry by entry, inflating only the entries `visit` gives a visitor for, every byte counted
 * against the limits as it comes.
 * @param kind what the container should be, for messages ("a Word .docx file")
 */
export function walkZip(bytes: Uint8Array, kind: string, visit: (name: string, packedSize: number | undefined) => EntryVisitor | undefined): WalkResult {
  const fail = (entry: string, message: string): WalkResult => ({ ok: false, problems: [{ at: { entry }, message }] });
  if (bytes.length > LIMITS.fileBytes) return fail("(file)", `the file is ${mebibytes(bytes.length)}; expected ${kind} of at most ${mebibytes(LIMITS.fileBytes)}`);
  if (isOleCompoundFile(bytes)) {
    return fail("(file)", `this is an old-format (.doc/.xls) or password-protected Office file, not ${kind}; expected ${kind} without a password (open it and save it as .docx or .xlsx)`);
  }
  if (!isZip(bytes)) return fail("(file)", `not a zip container; expected ${kind} (a zip of XML parts)`);

  const names: string[] = [];
  let total = 0;
  const unzip = new Unzip((file: UnzipFile) => {
    names.push(file.name);
    if (names.length > LIMITS.zipEntries) throw new ZipRefusal(file.name, `more than ${LIMITS.zipEntries} entries in the container; expected ${kind} (a few dozen parts)`);
    const visitor = visit(file.name, file.size);
    if (!visitor) return;
    let size = 0;
    file.ondata = (err, data, final) => {
      if (err) throw err instanceof ZipRefusal || err === STOPPED ? err : new ZipRefusal(file.name, `the entry cannot be inflated (${err.message}); expected ${kind} that is not damaged`);
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
      if (visitor(data, final) === true) throw STOPPED;
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
    if (e === STOPPED) return { ok: true, names, stopped: true };
    if (e instanceof ZipRefusal) return fail(e.entry, e.message);
    return fail("(file)", `the zip container is damaged (${(e as Error).message}); expected ${kind}`);
  }
  return { ok: true, names, stopped: false };
}

/**
 * Inflates the entries `wanted` accepts (by name) and lists every entry's name.
 * @param kind what the container should be, for messages ("a Word .docx file")
 */
export function readZip(bytes: Uint8Array, kind: string, wanted: (name: string) => boolean): ZipResult {
  const entries = new Map<string, Uint8Array>();
  const walked = walkZip(bytes, kind, (name) => {
    if (!wanted(name)) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    return (chunk, final) => {
      chunks.push(chunk);
      size += chunk.length;
      if (final) entries.set(name, concat(chunks, size));
    };
  });
  return walked.ok ? { ok: true, entries, names: walked.names } : walked;
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
