// Old-format Word (.doc) and WPS Writer (.wps) sources → .docx bytes, through LibreOffice run headless, so the
// ingest reads only one Word format. Never throws: every failure is a message for the person running the ingest.
import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { LIMITS, mebibytes } from "../ingest/readers/limits.ts";
import { findSoffice, installAdvice } from "./tools.ts";
import type { SystemInfo } from "./tools.ts";

export type ConvertResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

export interface ConvertOptions {
  /** Where LibreOffice is; replaced in tests to play a machine without it. */
  findSoffice?: () => string | undefined;
  /** The system whose install command the "not installed" message names (default: this one). */
  system?: SystemInfo;
  timeoutMs?: number;
}

const TIMEOUT_MS = 60_000;
/** stdout and stderr kept from LibreOffice: its chatter is a few lines; more is something gone wrong. */
const OUTPUT_BYTES = 1024 * 1024;
const SAVE_AS_DOCX = "or open the file in Word or WPS and save it as .docx";

/**
 * What the file starts with, when it is something LibreOffice reads as a word-processing document: a .doc or a
 * WPS .wps is an OLE compound file; Word also saves RTF, HTML/MHT and XML under a .doc name, and a .docx is
 * sometimes renamed. Anything else LibreOffice would "convert" as plain text, so it is refused here instead.
 */
function documentKind(head: Uint8Array): string | undefined {
  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (head.length >= 8 && OLE.every((b, i) => head[i] === b)) return "ole";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "zip";
  const text = new TextDecoder("latin1").decode(head).replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart();
  if (text.startsWith("{\\rtf")) return "rtf";
  if (text.startsWith("<")) return "markup";
  if (/^MIME-Version:/i.test(text)) return "mht";
  return undefined;
}

function readHead(file: string, length: number): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const head = new Uint8Array(length);
    return head.subarray(0, readSync(fd, head, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

function hex(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join(" ");
}

/** The lines of LibreOffice's output worth showing: not the Java warning every headless run prints. */
function lastWords(stdout: string, stderr: string): string {
  const lines = `${stdout}\n${stderr}`
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !/javaldx|java may not function/i.test(line));
  return lines.slice(-3).join(" / ") || "no output";
}

/**
 * Runs LibreOffice headless with a private profile under `work` (a running LibreOffice or another conversion would
 * otherwise receive the request through the profile's pipe, or block on its lock), in its own process group so a
 * timeout ends soffice.bin too, not only the launcher that started it.
 */
export function runSoffice(soffice: string, work: string, args: string[], timeoutMs: number): { result: SpawnSyncReturns<string>; timedOut: boolean } {
  const spawnOptions: SpawnSyncOptionsWithStringEncoding & { detached?: boolean } = {
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
    maxBuffer: OUTPUT_BYTES,
    // spawnSync honours `detached` as spawn does (Node's spawn_sync.cc reads it); @types/node leaves it out.
    detached: process.platform !== "win32",
    windowsHide: true,
    stdio: ["ignore", "pipe", "pipe"],
  };
  const result = spawnSync(soffice, [`-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`, "--headless", "--norestore", ...args], spawnOptions);
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  if ((timedOut || result.signal) && result.pid && process.platform !== "win32") {
    try {
      process.kill(-result.pid, "SIGKILL");
    } catch {
      // the group is already gone
    }
  }
  return { result, timedOut };
}

export function convertToDocx(file: string, options: ConvertOptions = {}): ConvertResult {
  let work: string | undefined;
  try {
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return { ok: false, message: "not a file; expected a .doc or .wps document" };
      size = stat.size;
    } catch (error) {
      return { ok: false, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
    }
    if (size > LIMITS.fileBytes) {
      return { ok: false, message: `the file is ${mebibytes(size)}; expected a document of at most ${mebibytes(LIMITS.fileBytes)}` };
    }
    const head = readHead(file, 512);
    if (head.length === 0) return { ok: false, message: "the file is empty; expected a Word (.doc) or WPS (.wps) document" };
    if (!documentKind(head)) {
      return {
        ok: false,
        message:
          `not a Word or WPS document (it starts with bytes ${hex(head)}, not like a .doc, .wps or .rtf file); ` +
          `expected a Word 97–2003 or WPS Writer document — if it opens in Word or WPS, save it as .docx`,
      };
    }

    const soffice = (options.findSoffice ?? findSoffice)();
    if (!soffice) {
      return {
        ok: false,
        message: `LibreOffice is needed to read .doc and .wps files and is not installed; ${installAdvice(["soffice"], options.system)}, ${SAVE_AS_DOCX}`,
      };
    }

    work = mkdtempSync(join(tmpdir(), "convert-doc-"));
    const inDir = join(work, "in");
    const outDir = join(work, "out");
    mkdirSync(inDir);
    // A copy under a plain name: LibreOffice names its output after the input and drops a lock file beside it,
    // which must not land in the user's folder or trip over spaces and Chinese in the name.
    const ext = /^\.[a-z0-9]{1,5}$/i.test(extname(file)) ? extname(file).toLowerCase() : ".doc";
    const input = join(inDir, `input${ext}`);
    copyFileSync(file, input);

    const { result, timedOut } = runSoffice(soffice, work, ["--convert-to", "docx", "--outdir", outDir, input], options.timeoutMs ?? TIMEOUT_MS);
    if (timedOut) {
      const limit = options.timeoutMs ?? TIMEOUT_MS;
      const shown = limit < 1000 ? `${limit} ms` : `${Math.round(limit / 1000)} s`;
      return {
        ok: false,
        message: `LibreOffice took more than ${shown} to convert the file and was stopped (is it password-protected?); ${SAVE_AS_DOCX}`,
      };
    }
    if (result.error) return { ok: false, message: `LibreOffice (${soffice}) could not be run: ${result.error.message}` };

    const output = join(outDir, "input.docx");
    if (!existsSync(output)) {
      return {
        ok: false,
        message: `LibreOffice could not read the file (${lastWords(result.stdout ?? "", result.stderr ?? "")}); expected a Word or WPS document that is not damaged or password-protected, ${SAVE_AS_DOCX}`,
      };
    }
    const outSize = statSync(output).size;
    if (outSize > LIMITS.fileBytes) {
      return { ok: false, message: `the converted .docx is ${mebibytes(outSize)}; expected at most ${mebibytes(LIMITS.fileBytes)}` };
    }
    return { ok: true, bytes: new Uint8Array(readFileSync(output)) };
  } catch (error) {
    return { ok: false, message: `the conversion with LibreOffice failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    if (work) {
      try {
        rmSync(work, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // a leftover temp folder is not worth failing a conversion for
      }
    }
  }
}
