// The content store's module rewritten with its one string in pieces (src/site/data-store-pieces.ts): the module
// gives the same value, in pieces of the length asked, and modules of any other shape are left alone.
import { describe, expect, it } from "vitest";
import { storeInPieces } from "../../src/site/data-store-pieces.ts";

/** What `export default <expression>` evaluates to. */
const valueOf = (code: string): unknown => new Function(`return ${code.replace(/^export default /, "")}`)();

const store = JSON.stringify({ documents: [{ id: "luan-zjtx-2022", title: "六安市贯彻落实…任务和责任清单", text: 'quotes " and \\ and \u2028, 𠀀 (a pair)' }] });
const astroModule = `export default JSON.parse(${JSON.stringify(store)})`;

describe("storeInPieces", () => {
  it("gives the same value from literals of at most the length asked, cut outside escapes", () => {
    for (const length of [6, 7, 64, astroModule.length - 40]) {
      const code = storeInPieces(astroModule, length)!;
      expect(code).toMatch(/^export default JSON\.parse\(\[".*\]\.join\(""\)\)$/s);
      expect(valueOf(code)).toEqual(JSON.parse(store));
      const sources = code.slice("export default JSON.parse([".length, -'].join(""))'.length).split(",\n");
      expect(sources.length).toBeGreaterThan(1);
      // Each piece is a literal of its own (a cut inside \" or \uXXXX would not parse).
      for (const source of sources) {
        expect(source.length - 2).toBeLessThanOrEqual(length);
        expect(typeof JSON.parse(source)).toBe("string");
      }
    }
  });

  it("cuts a character outside the BMP in two and joins it whole again", () => {
    const literal = JSON.stringify(store);
    const code = storeInPieces(astroModule, literal.indexOf("𠀀"))!;
    expect((valueOf(code) as { documents: { text: string }[] }).documents[0]!.text).toContain("𠀀 (a pair)");
  });

  it("leaves a short store, and modules of another shape, as they are", () => {
    expect(storeInPieces(astroModule, astroModule.length)).toBeUndefined();
    expect(storeInPieces(`export default JSON.parse("a" + "b")`, 6)).toBeUndefined();
    expect(storeInPieces("export default new Map()", 1)).toBeUndefined();
    expect(storeInPieces(`export default JSON.parse(someName)`, 1)).toBeUndefined();
    expect(storeInPieces(`export default JSON.parse("escaped end\\")`, 6)).toBeUndefined();
    expect(storeInPieces(`export default{"documents":[(await import("x"))]}`, 1)).toBeUndefined();
  });
});
