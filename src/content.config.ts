// Content collections: the ingest's output in content/ — one model JSON per document, one MDX per task item.
// The document schema is the model's own zod schema, so a stale or hand-edited JSON fails the build.
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "zod";
import { Document, SourceSpan } from "./model/schema.ts";
import { contentDir as contentFolder, listIds } from "./site/content-files.ts";
import { buildShard, collectionPatterns } from "./site/shard.ts";

// CONTENT_DIR lets a build read another ingest's output (the scale bench, the hostile-input test); default content/.
const contentDir = contentFolder();

// A shard (SHARD=I/K, src/site/shard.ts) loads only what its pages read: the library shard every list's model and no
// task item, a list shard its own lists' models and task items (what a build holds grows with them).
const patterns = collectionPatterns(listIds(contentDir), buildShard());

const documents = defineCollection({
  loader: glob({ pattern: patterns.documents, base: contentDir, generateId: ({ entry }) => entry.replace(/\.json$/, "") }),
  schema: Document,
});

/** The frontmatter the ingest writes (src/render/mdx.ts). */
export const TaskFrontmatter = z.object({
  document: z.string(),
  chapter: z.number().int().nonnegative(),
  item: z.number().int().positive(),
  title: z.string(),
  at: SourceSpan,
});

const tasks = defineCollection({
  loader: glob({ pattern: patterns.tasks, base: contentDir, generateId: ({ entry }) => entry.replace(/\.mdx$/, "") }),
  schema: TaskFrontmatter,
});

export const collections = { documents, tasks };
