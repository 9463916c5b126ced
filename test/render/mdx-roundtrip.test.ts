// Every committed task MDX in content/, parsed back the way the site's MDX integration parses it (remark-parse with
// remark-mdx; GFM and smartypants are off in astro.config.mjs), holds nothing but <Upper>/<Local> with paragraphs of
// plain text, and that text is the model's, character for character. test/ingest/mdx-safety.test.ts shows the writer
// escapes hostile fixtures; this shows that what is actually shipped came from that writer and matches its model —
// a hand edit, a stale file or a writer change that was never re-run all show up here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Nodes, Root } from "mdast";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement } from "mdast-util-mdx";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { itemFileName } from "../../src/ingest/plan.ts";
import { Document, type Chapter, type Item } from "../../src/model/schema.ts";
import { itemToMdx } from "../../src/render/mdx.ts";
import { listIds } from "../../src/site/content-files.ts";

const CONTENT = join(import.meta.dirname, "..", "..", "content");

type MdxFile = { name: string; text: string };

/** What a reader sees of a text: mdx.ts writes one paragraph per non-empty line, so blank lines are not carried. */
const paragraphs = (text: string): string[] => text.split("\n").filter((p) => p !== "");

function describeNode(node: Nodes): string {
  switch (node.type) {
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      return `element <${node.name ?? ""}>`;
    case "mdxFlowExpression":
    case "mdxTextExpression":
      return `expression {${node.value}}`;
    case "mdxjsEsm":
      return `ESM ${JSON.stringify(node.value)}`;
    default:
      return node.type;
  }
}

function describeAttribute(a: MdxJsxAttribute | MdxJsxExpressionAttribute): string {
  if (a.type === "mdxJsxExpressionAttribute") return `spread attribute {${a.value}}`;
  if (a.value === null || a.value === undefined) return `attribute ${a.name} without a value`;
  return typeof a.value === "string" ? `attribute ${a.name}=${JSON.stringify(a.value)}` : `attribute ${a.name}={${a.value.value}}`;
}

/** Where two paragraph lists first part, so a failure names the character rather than dumping both texts. */
function firstDifference(found: string[], model: string[]): string {
  if (found.length !== model.length) return `${found.length} paragraphs, the model ${model.length}`;
  const i = found.findIndex((p, k) => p !== model[k]);
  const [a, b] = [Array.from(found[i]!), Array.from(model[i]!)];
  let j = 0;
  while (j < a.length && a[j] === b[j]) j++;
  const near = (cs: string[]) => JSON.stringify(cs.slice(j, j + 10).join(""));
  return `paragraph ${i + 1}, character ${j + 1}: ${near(a)}, the model ${near(b)}`;
}

/**
 * The frontmatter as mdx.ts writes it: `key: <JSON>` lines, which YAML reads as the same values. The body keeps the
 * frontmatter's lines as blank ones, so the parser's positions (and its error messages) are the file's lines.
 */
function splitFrontmatter(file: string, text: string): { fields: Map<string, unknown>; body: string } | string {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return `${file}: does not open with a --- frontmatter block`;
  const fields = new Map<string, unknown>();
  for (const line of match[1]!.split("\n")) {
    const kv = /^([A-Za-z]\w*): (.*)$/.exec(line);
    if (!kv) return `${file}: frontmatter line ${JSON.stringify(line)} is not "key: value"`;
    if (fields.has(kv[1]!)) return `${file}: frontmatter has ${kv[1]} twice`;
    try {
      fields.set(kv[1]!, JSON.parse(kv[2]!));
    } catch {
      return `${file}: frontmatter ${kv[1]} is not a JSON value: ${kv[2]}`;
    }
  }
  return { fields, body: "\n".repeat(match[0].split("\n").length - 1) + text.slice(match[0].length) };
}

/** The problems of one task file against the item it is written for; empty when it round-trips. */
function checkFile(file: string, text: string, doc: Document, chapter: Chapter, item: Item): string[] {
  const front = splitFrontmatter(file, text);
  if (typeof front === "string") return [front];
  const problems: string[] = [];

  const mirrored: Record<string, unknown> = { document: doc.id, chapter: chapter.number, item: item.number, title: item.title, at: item.at };
  for (const [key, value] of Object.entries(mirrored)) {
    if (!front.fields.has(key)) problems.push(`${file}: frontmatter has no ${key}`);
    else if (!isDeepStrictEqual(front.fields.get(key), value))
      problems.push(`${file}: frontmatter ${key} is ${JSON.stringify(front.fields.get(key))}, the model's ${JSON.stringify(value)}`);
  }
  for (const key of front.fields.keys()) if (!(key in mirrored)) problems.push(`${file}: frontmatter has ${key}, which mdx.ts does not write`);

  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(front.body);
  } catch (error) {
    return [...problems, `${file}: does not parse as MDX: ${String(error)}`];
  }
  const at = (node: Nodes) => `${file}:${node.position?.start.line ?? "?"}`;

  // The grammar mdx.ts writes, and nothing more: root → <Upper>/<Local> → paragraph → text. Any other node —
  // an expression, ESM, HTML-ish JSX, a heading, emphasis — means some text was taken as syntax.
  const found: { label: string; element: MdxJsxFlowElement }[] = [];
  for (const child of tree.children) {
    if (child.type !== "mdxJsxFlowElement" || (child.name !== "Upper" && child.name !== "Local")) {
      problems.push(`${at(child)}: unexpected ${describeNode(child)} outside <Upper>/<Local>`);
      continue;
    }
    let label = `<${child.name}>`;
    if (child.name === "Upper") {
      for (const a of child.attributes) problems.push(`${at(child)}: <Upper> has ${describeAttribute(a)}`);
    } else {
      const n = child.attributes.length === 1 ? child.attributes[0]! : undefined;
      if (n?.type === "mdxJsxAttribute" && n.name === "n" && typeof n.value === "string") label = `<Local n=${JSON.stringify(n.value)}>`;
      else if (child.attributes.length === 0) problems.push(`${at(child)}: <Local> has no n`);
      else for (const a of child.attributes) problems.push(`${at(child)}: <Local> has ${describeAttribute(a)}`);
    }
    for (const p of child.children) {
      if (p.type !== "paragraph") problems.push(`${at(p)}: unexpected ${describeNode(p)} in ${label}`);
      else for (const t of p.children) if (t.type !== "text") problems.push(`${at(t)}: unexpected ${describeNode(t)} in ${label}`);
    }
    found.push({ label, element: child });
  }

  const expected = [
    ...(item.upper !== undefined ? [{ label: "<Upper>", text: item.upper }] : []),
    ...item.local.map((m, i) => ({ label: `<Local n="${i + 1}">`, text: m.text })),
  ];
  const labels = found.map((f) => f.label);
  if (!isDeepStrictEqual(labels, expected.map((e) => e.label)))
    problems.push(`${file}: components are ${labels.join(", ") || "none"}, the model's ${expected.map((e) => e.label).join(", ")}`);
  for (const e of expected) {
    const matches = found.filter((f) => f.label === e.label);
    if (matches.length !== 1) continue; // already reported as a components mismatch
    const shown = matches[0]!.element.children.flatMap((p) =>
      p.type === "paragraph" ? [p.children.map((t) => (t.type === "text" ? t.value : "")).join("")] : [],
    );
    const model = paragraphs(e.text);
    if (!isDeepStrictEqual(shown, model)) problems.push(`${file}: ${e.label} text differs: ${firstDifference(shown, model)}`);
  }
  return problems;
}

/** The problems of one list's folder of task files against its model; empty when every item round-trips. */
function checkList(dir: string, doc: Document, files: readonly MdxFile[]): string[] {
  const problems: string[] = [];
  const items = doc.chapters.flatMap((chapter) => chapter.items.map((item) => ({ chapter, item, name: itemFileName(item.number) })));
  if (files.length !== items.length) problems.push(`${dir}: ${files.length} .mdx files, the model has ${items.length} items`);
  const texts = new Map(files.map((f) => [f.name, f.text]));
  const claimed = new Set<string>();
  for (const { chapter, item, name } of items) {
    if (claimed.has(name)) {
      problems.push(`${dir}/${name}: written for more than one item (item ${item.number} again)`);
      continue;
    }
    claimed.add(name);
    const text = texts.get(name);
    if (text === undefined) problems.push(`${dir}/${name}: missing (item ${item.number})`);
    else problems.push(...checkFile(`${dir}/${name}`, text, doc, chapter, item));
  }
  for (const f of files) if (!claimed.has(f.name)) problems.push(`${dir}/${f.name}: no item of the model is written here`);
  return problems;
}

type List = { dir: string; doc: Document; files: MdxFile[]; items: number };

// A list whose folder is missing counts as having no files: the model's items would then have no pages.
function loadList(id: string): List {
  const doc = Document.parse(JSON.parse(readFileSync(join(CONTENT, `${id}.json`), "utf8")));
  const folder = join(CONTENT, id);
  const names = existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith(".mdx")).sort() : [];
  const files = names.map((name) => ({ name, text: readFileSync(join(folder, name), "utf8") }));
  return { dir: `content/${id}`, doc, files, items: doc.chapters.reduce((s, c) => s + c.items.length, 0) };
}

const lists = listIds(CONTENT).map(loadList);
const totalFiles = lists.reduce((s, l) => s + l.files.length, 0);
const totalItems = lists.reduce((s, l) => s + l.items, 0);

describe("committed task MDX parses back to its model", () => {
  it(`content/ holds ${lists.length} lists, ${totalFiles} .mdx files for ${totalItems} items`, () => {
    expect(lists.length).toBeGreaterThan(0);
    expect(totalItems).toBeGreaterThan(0);
    expect(totalFiles).toBe(totalItems);
  });

  for (const list of lists)
    it(`${list.dir}: ${list.files.length} files, ${list.items} items`, () => {
      expect(checkList(list.dir, list.doc, list.files)).toEqual([]);
    });
});

describe("the round-trip check fails on broken MDX", () => {
  // One real file and the item it is written for, with its first local measure's first paragraph line.
  const list = lists.find((l) => l.files.length > 0)!;
  const sample = list.files[0]!;
  const file = `${list.dir}/${sample.name}`;
  const chapter = list.doc.chapters.find((c) => c.items.some((i) => itemFileName(i.number) === sample.name))!;
  const item = chapter.items.find((i) => itemFileName(i.number) === sample.name)!;
  const lines = sample.text.split("\n");
  const open = lines.indexOf('<Local n="1">');
  const edited = (line: number, to: string) => lines.map((l, k) => (k === line ? to : l)).join("\n");

  it("takes a real file whose first <Local> opens with a paragraph line", () => {
    expect(open).toBeGreaterThan(0);
    expect(lines[open + 1]).toMatch(/^ {2}\S/);
    expect(checkFile(file, sample.text, list.doc, chapter, item)).toEqual([]);
  });

  it("reports an expression appended to a local measure's paragraph", () => {
    const text = edited(open + 1, lines[open + 1] + "{1+1}");
    expect(checkFile(file, text, list.doc, chapter, item)).toEqual([`${file}:${open + 2}: unexpected expression {1+1} in <Local n="1">`]);
  });

  it("reports one changed character as a text mismatch, naming where", () => {
    const line = lines[open + 1]!;
    const last = line.at(-1)!;
    const text = edited(open + 1, line.slice(0, -1) + (last === "。" ? "，" : "。"));
    const model = paragraphs(item.local[0]!.text)[0]!;
    const position = Array.from(model).length;
    expect(checkFile(file, text, list.doc, chapter, item)).toEqual([
      `${file}: <Local n="1"> text differs: paragraph 1, character ${position}: ${JSON.stringify(last === "。" ? "，" : "。")}, the model ${JSON.stringify(model.at(-1))}`,
    ]);
  });

  it("reports a deleted file as a count mismatch and a missing item", () => {
    const rest = list.files.filter((f) => f !== sample);
    expect(checkList(list.dir, list.doc, rest)).toEqual([
      `${list.dir}: ${rest.length} .mdx files, the model has ${list.items} items`,
      `${file}: missing (item ${item.number})`,
    ]);
  });

  it("reports an expression as the n attribute and ESM above the components", () => {
    const text = edited(open, "<Local n={1}>").replace(/\n---\n\n/, '\n---\n\nimport x from "y"\n\n');
    expect(checkFile(file, text, list.doc, chapter, item)).toEqual([
      `${file}:${lines.indexOf("---", 1) + 3}: unexpected ESM "import x from \\"y\\"" outside <Upper>/<Local>`,
      `${file}:${open + 3}: <Local> has attribute n={1}`,
      `${file}: components are ${item.upper !== undefined ? "<Upper>, " : ""}<Local>${item.local.slice(1).map((_, i) => `, <Local n="${i + 2}">`).join("")}, the model's ${item.upper !== undefined ? "<Upper>, " : ""}${item.local.map((_, i) => `<Local n="${i + 1}">`).join(", ")}`,
    ]);
  });

  // Real content/ is mostly plain Chinese prose, so also hand the checker text that needs every kind of escape:
  // it must accept what mdx.ts writes for it, or a clean run above would prove nothing about escaping.
  it("accepts hostile text as mdx.ts escapes it", () => {
    const hostile =
      "{process.exit(1)}\n<script>alert(1)</script>\n  leading and trailing spaces  \nimport a from 'b'\nexport const x = 1\n" +
      "* not a list\n# not a heading\n1. not a list\n> not a quote\n---\n&amp; \\ `code` *em* _em_ [l](u) <b> </Local>\n\n\ttab";
    const changed: Item = { ...item, title: '{x}</Local>"---', upper: hostile, local: item.local.map((m) => ({ ...m, text: hostile })) };
    expect(checkFile(file, itemToMdx(list.doc, chapter, changed), list.doc, chapter, changed)).toEqual([]);
  });
});
