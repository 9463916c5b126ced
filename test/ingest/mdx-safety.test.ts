// The MDX written for a task cannot be hijacked by its text: parsed as MDX it holds no ESM, no expression,
// no element but <Upper>/<Local>, and, compiled and run, it shows exactly the source's characters.
import { evaluate } from "@mdx-js/mdx";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { mdxFromMarkdown } from "mdast-util-mdx";
import { mdxjs } from "micromark-extension-mdxjs";
import { describe, expect, it } from "vitest";
import { itemToMdx } from "../../src/render/mdx.ts";
import type { Document } from "../../src/model/schema.ts";
import { allItems, bundled, parseFixture } from "./helpers.ts";

const body = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, "");

function nodeTypes(node: Nodes, into: Set<string> = new Set()): Set<string> {
  into.add(node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement" ? `${node.type}:${node.name}` : node.type);
  if ("children" in node) for (const child of node.children) nodeTypes(child as Nodes, into);
  return into;
}

/** A JSX runtime that records elements instead of rendering them, so the test sees what MDX would show. */
type Element = { type: unknown; props: { children?: unknown; n?: string } };
const runtime = {
  Fragment: "fragment",
  jsx: (type: unknown, props: Element["props"]): Element => ({ type, props }),
  jsxs: (type: unknown, props: Element["props"]): Element => ({ type, props }),
};
function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (node && typeof node === "object" && "props" in node) {
    const el = node as Element;
    const inner = textOf(el.props.children);
    return el.type === "p" ? inner + "\n" : inner;
  }
  return "";
}

async function rendered(mdx: string): Promise<{ upper: string; local: string[] }> {
  const found = { upper: "", local: [] as string[] };
  const Upper = (props: Element["props"]) => ((found.upper = textOf(props.children).trimEnd()), null);
  const Local = (props: Element["props"]) => ((found.local[Number(props.n) - 1] = textOf(props.children).trimEnd()), null);
  const mod = await evaluate(body(mdx), { ...runtime, development: false });
  const content = mod.default({ components: { Upper, Local } }) as Element;
  // Call the component functions the tree refers to, as a renderer would.
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === "object" && "type" in node) {
      const el = node as Element;
      if (typeof el.type === "function") el.type(el.props);
      walk(el.props.children);
    }
  };
  walk(content);
  return found;
}

function check(doc: Document) {
  return allItems(doc).map((item) => ({ item, mdx: itemToMdx(doc, doc.chapters.find((c) => c.items.includes(item))!, item) }));
}

describe("MDX from untrusted text", () => {
  const parsed = (name: string) => {
    const r = parseFixture(name);
    if (!r.ok) throw new Error(`the ${name} fixture must parse`);
    return r.document;
  };
  const hostile = parsed("hostile");
  // A table with a superior column, hostile text in a paragraph list, and every other layout.
  const cases = [hostile, parsed("hostile-paragraphs"), bundled(), ...["layout-b-table", "layout-c-label-lines", "layout-d-parenthesis", "layout-e-first-listed"].map(parsed)].flatMap(check);

  it("parses to only the two components (<Upper> only where the list prints a superior measure), paragraphs and text", () => {
    for (const { item, mdx } of cases) {
      const tree = fromMarkdown(body(mdx), { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
      const expected = ["mdxJsxFlowElement:Local", ...(item.upper !== undefined ? ["mdxJsxFlowElement:Upper"] : []), "paragraph", "root", "text"];
      expect([...nodeTypes(tree)].sort()).toEqual(expected);
    }
  });

  it("runs no source text as code and shows it literally", async () => {
    for (const { item, mdx } of cases) {
      const out = await rendered(mdx);
      expect(out.upper).toBe(item.upper ?? "");
      expect(out.local).toEqual(item.local.map((m) => m.text));
    }
  });

  it("keeps the hostile strings in the frontmatter as plain JSON strings", () => {
    const { item, mdx } = check(hostile)[0];
    expect(item.title).toBe("{process.exit(1)}。");
    expect(mdx).toContain(`title: ${JSON.stringify(item.title)}\n`);
  });
});
