// Before PDF.js sees a file: its compressed streams (page contents, object streams, fonts) are inflated here with a
// running count, so a PDF bomb (a few MB that inflate to gigabytes) is refused before any page is read. PDF.js
// inflates a stream whole when it needs it and offers no limit of its own.
import { Inflate } from "fflate";
import { LIMITS, mebibytes } from "./limits.ts";

const STREAM = /stream\r?\n/g;
/** The slice of compressed data inflated at a time: its output is at most ~1,000 times as large. */
const SLICE = 16 * 1024;

/** The bytes of each `stream … endstream` whose dictionary names FlateDecode. */
function* flateStreams(bytes: Uint8Array): Generator<Uint8Array> {
  // Latin-1 keeps one character per byte, so the offsets found in the text are the bytes'.
  const text = new TextDecoder("latin1").decode(bytes);
  STREAM.lastIndex = 0;
  for (let m = STREAM.exec(text); m; m = STREAM.exec(text)) {
    if (text.slice(Math.max(0, m.index - 3), m.index) === "end") continue;
    const dict = text.slice(Math.max(0, text.lastIndexOf("<<", m.index) - 1), m.index);
    const start = m.index + m[0].length;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const end = length ? start + Number(length[1]) : text.indexOf("endstream", start);
    if (end < start) continue;
    if (/\/FlateDecode|\/Fl\b/.test(dict)) yield bytes.subarray(start, Math.min(end, bytes.length));
    STREAM.lastIndex = Math.max(STREAM.lastIndex, Math.min(end, text.length));
  }
}

/** Why the file is refused as a bomb, or undefined when its streams inflate within the limit. */
export function inflatesTooFar(bytes: Uint8Array): string | undefined {
  let total = 0;
  for (const data of flateStreams(bytes)) {
    // A damaged stream stops counting where it breaks; PDF.js then reads (or refuses) it as it does.
    const inflate = new Inflate((chunk) => {
      total += chunk.length;
    });
    try {
      for (let at = 0; at < data.length && total <= LIMITS.pdfInflatedBytes; at += SLICE) inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
    } catch {
      continue;
    }
    if (total > LIMITS.pdfInflatedBytes) {
      return `the PDF's compressed streams inflate past ${mebibytes(LIMITS.pdfInflatedBytes)} (a PDF bomb, or a damaged file); expected a PDF saved by a word processor, whose streams inflate to a few MiB`;
    }
  }
  return undefined;
}
