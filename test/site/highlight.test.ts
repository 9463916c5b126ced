// Task-page highlighting: measure texts cut into plain and quantity segments without losing a character.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/model/schema.ts";
import { assertSameText, joinSegments, segmentText, taskHighlights, visibleCharacters } from "../../src/site/highlight.ts";
import type { QuantityRef, Span } from "../../src/site/highlight.ts";

const doc = Document.parse(JSON.parse(readFileSync("content/luan-zjtx-2022.json", "utf8")));
const ref = (id: string): QuantityRef => ({ id, kind: "target", path: `d/figures/#q-${id}` });
const span = (start: number, end: number, id = `q${start}`): Span => ({ start, end, quantity: ref(id) });

describe("segmentText", () => {
  it("cuts around each span and keeps the text between", () => {
    const text = "每年培育2000家，遴选500家。";
    expect(segmentText(text, [span(12, 16, "b"), span(4, 9, "a")])).toEqual([
      [{ text: "每年培育" }, { text: "2000家", quantity: ref("a") }, { text: "，遴选" }, { text: "500家", quantity: ref("b") }, { text: "。" }],
    ]);
  });

  it("splits paragraphs at line breaks, also inside a span", () => {
    const paragraphs = segmentText("甲10家\n乙", [span(1, 6, "x")]);
    expect(paragraphs).toEqual([[{ text: "甲" }, { text: "10家", quantity: ref("x") }], [{ text: "乙", quantity: ref("x") }]]);
    expect(joinSegments(paragraphs)).toBe("甲10家\n乙");
  });

  it("leaves a span that overlaps an earlier one unmarked and rejects one outside the text", () => {
    expect(segmentText("100万元", [span(0, 5, "a"), span(3, 5, "b")]).flat().map((s) => s.quantity?.id)).toEqual(["a"]);
    expect(() => segmentText("10家", [span(1, 9, "z")])).toThrow(/z: span 1–9 lies outside its text/);
  });

  it("treats markup-like source text as text", () => {
    const text = "<script>alert(1)</script>10家";
    const [paragraph] = segmentText(text, [span(25, 28)]);
    expect(paragraph?.[0]).toEqual({ text: "<script>alert(1)</script>" });
  });
});

describe("taskHighlights of the bundled document", () => {
  const highlights = taskHighlights(doc);
  const items = doc.chapters.flatMap((c) => c.items);

  it("gives every measure's text back exactly", () => {
    for (const item of items) {
      const h = highlights.get(item.number)!;
      expect(joinSegments(h.upper!)).toBe(item.upper);
      expect(h.local.map(joinSegments)).toEqual(item.local.map((m) => m.text));
    }
  });

  it("marks every quantity once, with its printed text, linked to its row on the figures page", () => {
    const marked = [...highlights.values()].flatMap((h) => [h.upper ?? [], ...h.local].flat(2)).filter((s) => s.quantity);
    expect(marked).toHaveLength(doc.figures.quantities.length);
    expect([...highlights.values()].reduce((sum, h) => sum + h.count, 0)).toBe(doc.figures.quantities.length);
    const byId = new Map(marked.map((s) => [s.quantity!.id, s]));
    for (const q of doc.figures.quantities) expect(byId.get(q.id)?.text, q.id).toBe(q.printed);
    expect(byId.get("t2-s-4")?.quantity?.path).toBe("luan-zjtx-2022/figures/#q-t2-s-4");
  });

  it("task 2's superior measure marks 2000家, 500家, 80万元, 100万元, 200万元 in order", () => {
    const printed = highlights.get(2)!.upper!.flat().filter((s) => s.quantity).map((s) => s.text);
    expect(printed.slice(0, 5)).toEqual(["2000家", "500家", "80万元", "100万元", "200万元"]);
  });
});

describe("the MDX body check", () => {
  it("reads the characters a reader sees in rendered HTML", () => {
    expect(visibleCharacters('<p>a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#x27;</p>\n<p>e</p>')).toBe(`a<b>&"c"'d'e`);
  });

  it("accepts the same text and names the task and place where it differs", () => {
    const paragraphs = segmentText("甲10家\n乙", [span(1, 4)]);
    expect(() => assertSameText("<p>甲10家</p>\n<p>乙</p>", paragraphs, "task 1 <Upper>")).not.toThrow();
    expect(() => assertSameText("<p>甲11家</p><p>乙</p>", paragraphs, "task 1 <Upper>")).toThrow(/task 1 <Upper>: .* at character 2/);
  });
});
