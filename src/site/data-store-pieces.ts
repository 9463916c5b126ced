// A Vite plugin for Astro's content store module. Astro hands the store to the pages as one module,
// `export default JSON.parse("…")`, whose one string literal holds every entry (the library shard's: 131 MB of
// JSON at a thousand lists). Node took 91 s to load that module; the same text as 140 literals joined, in one
// module, 6.7 s. The plugin writes it so: the same value, in literals of a million characters.
import type { Plugin } from "vite";

/** Astro's id for the store's module (astro/dist/content/consts.js, RESOLVED_DATA_STORE_VIRTUAL_ID). */
export const DATA_STORE_MODULE = "\0astro:data-layer-content";
export const PIECE_LENGTH = 1 << 20;

const PREFIX = "export default JSON.parse(";
const SUFFIX = ")";

/**
 * Where a piece of a string literal's body may end at or before `at`: not inside an escape (`\"`, `\\`, `\uXXXX`).
 */
function cutBefore(body: string, at: number): number {
  const backslashesBefore = (i: number) => {
    let n = 0;
    while (i - n - 1 >= 0 && body[i - n - 1] === "\\") n++;
    return n;
  };
  // A \u escape starting in the last five characters: cut before its backslash.
  for (let i = at - 1; i >= Math.max(0, at - 5); i--) {
    if (body[i] === "\\" && body[i + 1] === "u" && backslashesBefore(i) % 2 === 0) return i;
  }
  return backslashesBefore(at) % 2 === 1 ? at - 1 : at;
}

/**
 * The store module with its string literal cut into literals of at most `pieceLength` characters of source, joined at
 * load; undefined when it is not that shape (another Astro writes it otherwise: left as it is) or short enough to
 * leave whole. The literal is cut as source, never parsed: the store is the largest thing the build holds.
 */
export function storeInPieces(code: string, pieceLength = PIECE_LENGTH): string | undefined {
  if (!code.startsWith(PREFIX) || !code.endsWith(SUFFIX)) return undefined;
  const literal = code.slice(PREFIX.length, -SUFFIX.length);
  if (literal.length <= pieceLength + 2) return undefined;
  if (!literal.startsWith('"') || !literal.endsWith('"') || !closesOnlyAtEnd(literal)) return undefined;
  const body = literal.slice(1, -1);
  // At least an escape's length (\uXXXX), so that a cut moved back before an escape still moves on.
  const length = Math.max(pieceLength, 6);
  const pieces: string[] = [];
  for (let from = 0; from < body.length; ) {
    const to = from + length >= body.length ? body.length : cutBefore(body, from + length);
    pieces.push(`"${body.slice(from, to)}"`);
    from = to;
  }
  return `${PREFIX}[${pieces.join(",\n")}].join("")${SUFFIX}`;
}

/** Whether the literal's only unescaped quote marks are its first and last characters (one string, well formed). */
function closesOnlyAtEnd(literal: string): boolean {
  for (let i = 1; i < literal.length - 1; i++) {
    const c = literal[i];
    if (c === "\\") i++;
    else if (c === '"' || c === "\n" || c === "\r") return false;
  }
  // The last quote must not be escaped: an odd run of backslashes before it would escape it.
  let n = 0;
  while (literal[literal.length - 2 - n] === "\\") n++;
  return n % 2 === 0;
}

export function dataStorePieces(): Plugin {
  return {
    name: "policy-explorer:data-store-pieces",
    enforce: "post",
    transform(code, id) {
      if (id !== DATA_STORE_MODULE) return undefined;
      const pieces = storeInPieces(code);
      return pieces === undefined ? undefined : { code: pieces, map: { mappings: "" } };
    },
  };
}
