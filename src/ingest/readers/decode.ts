// Bytes → text. Government exports come as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030;
// line ends may be CRLF. Anything else (empty, binary) is refused with a line number.
import type { Problem } from "../blocks.ts";

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; problem: Problem };

function decodeWith(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Line number (1-based) of a byte offset, for error messages about raw bytes. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * A UTF-8 file with a few bad bytes (cut in the middle of a character, or damaged) must not be read as
 * GB18030, which accepts almost any bytes and would turn it into plausible-looking nonsense. A GB18030
 * file read as UTF-8 fails everywhere; a damaged UTF-8 file fails in a few places only.
 */
export function damagedUtf8(bytes: Uint8Array, noun: "file" | "page" = "file"): Problem | undefined {
  const loose = new TextDecoder("utf-8").decode(bytes);
  const bad = loose.match(/\uFFFD/g)?.length ?? 0;
  const good = loose.match(/[\u0080-\uFFFC]/g)?.length ?? 0;
  if (bad === 0 || bad * 20 > good) return undefined;
  const at = loose.indexOf("\uFFFD");
  const line = loose.slice(0, at).split("\n").length;
  const cut = loose.slice(at).replace(/\uFFFD/g, "").trim() === "";
  return {
    at: { line },
    message: cut
      ? `the ${noun} ends in the middle of a UTF-8 character (was it cut short?); expected a complete ${noun}`
      : `invalid UTF-8 bytes in an otherwise UTF-8 ${noun}; expected the whole ${noun} in one encoding (UTF-8 or GB18030)`,
  };
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) {
    return { ok: false, problem: { at: { line: 1 }, message: "the file is empty; expected a task and responsibility list" } };
  }
  let text: string | undefined;
  let encoding: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = "utf-16le";
    text = decodeWith(encoding, bytes);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = "utf-16be";
    text = decodeWith(encoding, bytes);
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      return {
        ok: false,
        problem: { at: { line: lineOfByte(bytes, nul) }, message: "binary data (a NUL byte); expected plain text in UTF-8 or GB18030" },
      };
    }
    encoding = "utf-8";
    text = decodeWith(encoding, bytes);
    const damaged = text === undefined ? damagedUtf8(bytes) : undefined;
    if (damaged) return { ok: false, problem: damaged };
    if (text === undefined) {
      encoding = "gb18030";
      text = decodeWith(encoding, bytes);
    }
  }
  if (text === undefined) {
    return { ok: false, problem: { at: { line: 1 }, message: `the bytes are not valid ${encoding}; expected plain text in UTF-8 or GB18030` } };
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  // Control characters other than TAB and LF do not occur in a Word text export; many of them mean binary data.
  const control = text.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
  if (control >= 0) {
    const line = text.slice(0, control).split("\n").length;
    return { ok: false, problem: { at: { line }, message: "binary data (a control character); expected plain text in UTF-8 or GB18030" } };
  }
  if (text.trim() === "") {
    return { ok: false, problem: { at: { line: 1 }, message: "the file holds only blank lines; expected a task and responsibility list" } };
  }
  return { ok: true, text, encoding };
}
