// The lists in a content folder (the ingest's output): one model JSON each, named by the list's id. Read by the
// collections' config (which files a shard loads) and by the build's shard steps.
import { readdirSync } from "node:fs";

/** The ids of the lists in a content folder, in code-unit order. */
export function listIds(contentDir: string): string[] {
  return readdirSync(contentDir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.replace(/\.json$/, ""))
    .sort();
}
