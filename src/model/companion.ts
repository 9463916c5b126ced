// The JSON companions of the sources (seeds/<stem>.settings.json, <stem>.overrides.json, unit-aliases.json): parsed
// and checked against their zod schema, a problem reported at the line of the key it concerns. Pure: text in.
import type { z } from "zod";

export interface CompanionProblem {
  file: string;
  line: number;
  message: string;
}

export type CompanionResult<T> = { ok: true; value: T } | { ok: false; problems: CompanionProblem[] };

/** 1-based line of the first occurrence of `needle` in `text`; 1 when absent. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split("\n").length;
}

/**
 * 1-based line where the value at `path` (keys and array indices) starts in the JSON `text`, or of its nearest
 * ancestor that is there (a missing key: its object). Walks the text itself, as JSON.parse keeps no positions; an
 * array's 3rd entry is found, where searching for its key would find the 1st entry's. `text` must be valid JSON.
 */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number {
  let i = 0;
  const blanks = () => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const skipString = () => {
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    i++;
  };
  const skipValue = () => {
    blanks();
    let depth = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        skipString();
        if (depth === 0) return;
        continue;
      }
      if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        if (depth === 0) return;
        if (--depth === 0) return void i++;
      } else if (depth === 0 && (c === "," || " \t\r\n".includes(c))) return;
      i++;
    }
  };
  /** Moves to the entry's value; false when the object or array has none such. */
  const enter = (step: PropertyKey): boolean => {
    blanks();
    const open = text[i];
    if ((open === "{") !== (typeof step === "string") || (open !== "{" && open !== "[")) return false;
    i++;
    for (let n = 0; ; n++) {
      blanks();
      if (text[i] === "}" || text[i] === "]" || i >= text.length) return false;
      let found = n === step;
      if (open === "{") {
        const start = i;
        skipString();
        found = JSON.parse(text.slice(start, i)) === step;
        blanks();
        i++; // the colon
      }
      if (found) return true;
      skipValue();
      blanks();
      if (text[i] === ",") i++;
    }
  };
  let line = lineAt(text, (blanks(), i));
  for (const step of path) {
    if (!enter(step)) break;
    blanks();
    line = lineAt(text, i);
  }
  return line;
}

const lineAt = (text: string, at: number) => text.slice(0, at).split("\n").length;

/** `expected` is the shape the message shows after each problem ({ "government": "六安市" }). */
export function parseCompanion<S extends z.ZodType>(file: string, text: string, schema: S, expected: string): CompanionResult<z.output<S>> {
  const body = text.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const line = /line (\d+)/.exec((e as Error).message)?.[1];
    return { ok: false, problems: [{ file, line: line ? Number(line) : 1, message: `not valid JSON (${(e as Error).message}); expected ${expected}` }] };
  }
  const checked = schema.safeParse(data);
  if (checked.success) return { ok: true, value: checked.data };
  return {
    ok: false,
    problems: checked.error.issues.map((issue) => {
      return { file, line: lineOfPath(body, issue.path), message: `at ${issue.path.join(".") || "top level"}: ${issue.message}; expected ${expected}` };
    }),
  };
}
