// Task item → MDX. MDX is code ({…} is JavaScript, < opens JSX, import/export lines are ESM), and the
// source text is untrusted, so the body is built as a syntax tree and serialised by mdast-util-to-markdown
// with the MDX extensions: escaping is that library's table of unsafe characters, not ours.
// The texts sit inside two fixed components, <Upper> (only in lists with a superior column) and <Local n="…">,
// which the site supplies.
import type { Root, RootContent } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx";
import { mdxToMarkdown } from "mdast-util-mdx";
import { toMarkdown } from "mdast-util-to-markdown";
import type { Chapter, Document, Item } from "../model/schema.ts";

function paragraphs(text: string): RootContent[] {
  return text
    .split("\n")
    .filter((p) => p !== "")
    .map((value) => ({ type: "paragraph", children: [{ type: "text", value }] }));
}

function element(name: string, attributes: Record<string, string>, text: string): MdxJsxFlowElement {
  return {
    type: "mdxJsxFlowElement",
    name,
    attributes: Object.entries(attributes).map(([n, value]) => ({ type: "mdxJsxAttribute", name: n, value })),
    children: paragraphs(text) as MdxJsxFlowElement["children"],
  };
}

/** Frontmatter values are written as JSON (strings, numbers, the source span's objects), which YAML reads as the same values. */
function frontmatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

export function itemToMdx(doc: Pick<Document, "id">, chapter: Chapter, item: Item): string {
  const tree: Root = {
    type: "root",
    children: [
      ...(item.upper !== undefined ? [element("Upper", {}, item.upper)] : []),
      ...item.local.map((m, i) => element("Local", { n: String(i + 1) }, m.text)),
    ],
  };
  const body = toMarkdown(tree, { extensions: [mdxToMarkdown()] });
  return frontmatter({ document: doc.id, chapter: chapter.number, item: item.number, title: item.title, at: item.at }) + "\n" + body;
}
