// The built scripts and styles run on the Chromium 110-based browsers government offices use (信创) and on Firefox
// ESR: Vite's target (astro.config.mjs) lowers the syntax, and this checks the output, not the setting: every
// script parses as ES2022 (Chromium 110 and Firefox 115 have all of it, and none of ES2024's regex v flag), no
// script calls a built-in those browsers lack, and no stylesheet uses CSS nesting (Chromium 112).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { listFiles } from "./support/dist.ts";
import { sites } from "./support/site.ts";

/** Built-ins newer than Chromium 110 / Firefox 115, which no syntax lowering supplies. */
const NEWER_BUILTINS = ["Object.groupBy", "Map.groupBy", "Promise.withResolvers", "Array.fromAsync", "URL.canParse", ".union(", ".isSubsetOf("];

describe("the site's own scripts and styles", () => {
  const dir = () => sites().root.dir;
  const files = (ext: string) => listFiles(dir()).filter((f) => f.startsWith("_astro/") && f.endsWith(ext));

  it("parse as ES2022 and call no built-in newer than Chromium 110", () => {
    const scripts = files(".js");
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    const problems: string[] = [];
    for (const file of scripts) {
      const code = readFileSync(join(dir(), file), "utf8");
      try {
        parse(code, { ecmaVersion: 2022, sourceType: "module" });
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
      for (const name of NEWER_BUILTINS) if (code.includes(name)) problems.push(`${file}: ${name}`);
    }
    expect(problems).toEqual([]);
  });

  it("the check fails on what an unlowered build would hold", () => {
    expect(() => parse("const re = /[\\p{L}--[a-z]]/v;", { ecmaVersion: 2022, sourceType: "module" })).toThrow();
    expect(() => parse("class A { static { this.x = 1; } }", { ecmaVersion: 2022, sourceType: "module" })).not.toThrow();
  });

  it("use no CSS nesting", () => {
    const sheets = files(".css");
    expect(sheets.length).toBeGreaterThanOrEqual(1);
    for (const file of sheets) expect(readFileSync(join(dir(), file), "utf8"), file).not.toMatch(/[{;]\s*&/);
  });
});
