// Content collections: the ingest's output in content/ — one model JSON per document, one MDX per task item.
// The document schema is the model's own zod schema, so a stale or hand-edited JSON fails the build.
import { readdirSync } from "node:fs";
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "zod";
import { Document, SourceSpan } from "./model/schema.ts";
import { buildShard, inShard } from "./site/shard.ts";

// CONTENT_DIR lets a build read another ingest's output (the scale bench, the hostile-input test); default content/.
const contentDir = process.env["CONTENT_DIR"] || "./content";

const documents = defineCollection({
  loader: glob({ pattern: "*.json", base: contentDir, generateId: ({ entry }) => entry.replace(/\.json$/, "") }),
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

// A shard (SHARD=I/K, src/site/shard.ts) loads, compiles and bundles only its own lists' task MDX: the task pages
// are most of the site, and what a build holds grows with them. Every shard still reads every list's model JSON,
// which the pages of the whole library (home, departments, support) are made from.
const shard = buildShard();
const shardPatterns = shard
  ? readdirSync(contentDir)
      .filter((name) => name.endsWith(".json"))
      .map((name) => name.replace(/\.json$/, ""))
      .filter((id) => inShard(id, shard))
      .map((id) => `${id}/*.mdx`)
  : undefined;
// An empty pattern list would match everything; a shard no list falls in matches nothing.
const taskPattern = shardPatterns === undefined ? "*/*.mdx" : shardPatterns.length ? shardPatterns : "no-list-in-this-shard/*.mdx";

const tasks = defineCollection({
  loader: glob({ pattern: taskPattern, base: contentDir, generateId: ({ entry }) => entry.replace(/\.mdx$/, "") }),
  schema: TaskFrontmatter,
});

export const collections = { documents, tasks };
