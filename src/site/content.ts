// Reads the content collections; the only module that touches astro:content besides the task pages' render().
import { getCollection } from "astro:content";
import type { Document } from "../model/schema.ts";

/** Every document in content/, in id order so builds are reproducible. */
export async function loadDocuments(): Promise<Document[]> {
  const entries = await getCollection("documents");
  return entries.map((e) => e.data).sort((a, b) => a.id.localeCompare(b.id));
}
