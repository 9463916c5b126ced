// Document → the files the ingest writes for it, as a path → content map (pure; the CLI does the I/O).
import type { Document } from "../model/schema.ts";
import { itemToMdx } from "../render/mdx.ts";

export type FilePlan = Map<string, string>;

export function itemFileName(number: number): string {
  return `${String(number).padStart(2, "0")}.mdx`;
}

export function planDocument(doc: Document): FilePlan {
  const plan: FilePlan = new Map();
  plan.set(`${doc.id}.json`, JSON.stringify(doc, null, 2) + "\n");
  for (const chapter of doc.chapters)
    for (const item of chapter.items) plan.set(`${doc.id}/${itemFileName(item.number)}`, itemToMdx(doc, chapter, item));
  return plan;
}
