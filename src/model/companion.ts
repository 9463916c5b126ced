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
      const key = issue.path.filter((p) => typeof p === "string").at(-1);
      return { file, line: key ? lineOf(body, `"${key}"`) : 1, message: `at ${issue.path.join(".") || "top level"}: ${issue.message}; expected ${expected}` };
    }),
  };
}
