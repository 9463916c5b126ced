// The lists in a content folder (the ingest's output): one model JSON each, named by the list's id. Read by the
// collections' config (which files a shard loads) and by the build's shard steps.
import { readdirSync } from "node:fs";

/** The ingest's output the site is built from: CONTENT_DIR (the scale bench, the hostile-input test), else content/. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return env["CONTENT_DIR"] || "./content";
}

/**
 * The departments' contacts (from seeds/contacts.json), when the web team gave them. In a folder of its own whose
 * name no list's id can take (ids begin with a letter or digit), so the lists' patterns (*.json, *\/*.mdx) never
 * read it as a list.
 */
export const SITE_FILES_FOLDER = "_site";
export const CONTACTS_FILE = `${SITE_FILES_FOLDER}/contacts.json`;

/** The plans the lists implement, their superior measures aligned across the lists (src/plans/), by the ingest. */
export const PLANS_FILE = `${SITE_FILES_FOLDER}/plans.json`;

/** The ids of the lists in a content folder, in code-unit order. */
export function listIds(contentDir: string): string[] {
  return readdirSync(contentDir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.replace(/\.json$/, ""))
    .sort();
}
