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
 * The store module with its string literal cut into literals of at most `pieceLength` characters of source, joined at
 * load; undefined when it is not that shape (another Astro writes it otherwise: left as it is) or short enough to
 * leave whole. The literal is cut as source, never parsed: the store is the largest thing the build holds.
 */
export function storeInPieces(code: string, pieceLength = PIECE_LENGTH): string | undefined {
  if (!code.startsWith(PREFIX) || !code.endsWith(SUFFIX)) return undefined;
  const literal = code.slice(PREFIX.length, -SUFFIX.length);
  if (literal.length <= pieceLength + 2 || !literal.startsWith('"') || !literal.endsWith('"')) return undefined;
  const pieces = cut(literal.slice(1, -1), Math.max(pieceLength, ESCAPE_LENGTH));
  return pieces && `${PREFIX}[${pieces.map((p) => `"${p}"`).join(",\n")}].join("")${SUFFIX}`;
}

/** The longest escape a JSON string holds, \uXXXX: a piece is at least this long, so every cut moves on. */
const ESCAPE_LENGTH = 6;
const [QUOTE, LINE_FEED, CARRIAGE_RETURN, BACKSLASH, U] = ['"', "\n", "\r", "\\", "u"].map((c) => c.charCodeAt(0));

/**
 * One pass over a string literal's body, escape by escape: the pieces of at most `length` characters, each cut
 * between two escapes or characters, never inside one; undefined when the body is not one well-formed literal (an
 * unescaped quote or line break, or a last backslash that escapes the closing quote).
 */
function cut(body: string, length: number): string[] | undefined {
  const pieces: string[] = [];
  let from = 0;
  for (let at = 0; at < body.length; ) {
    const c = body.charCodeAt(at);
    if (c === QUOTE || c === LINE_FEED || c === CARRIAGE_RETURN) return undefined;
    const step = c !== BACKSLASH ? 1 : body.charCodeAt(at + 1) === U ? ESCAPE_LENGTH : 2;
    if (at + step > body.length) return undefined;
    if (at + step - from > length) {
      pieces.push(body.slice(from, at));
      from = at;
    }
    at += step;
  }
  pieces.push(body.slice(from));
  return pieces;
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
