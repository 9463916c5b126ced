// A sharded build's parts: each shard's folder carries a manifest (.shard.json) saying which shard it is and what
// it was built from; merging checks the manifests (every shard once, the same content and settings) and copies
// the folders into one, where a file two shards both wrote (assets, pages of the whole library) must be the same
// bytes. Used by scripts/build.ts (--shard, --shards, --merge).
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import { siteFiles } from "./checksums.ts";
import { briefSource } from "../src/site/library.ts";
import type { LibrarySource } from "../src/site/library.ts";
import { listIds } from "../src/site/content-files.ts";
import { paths } from "../src/site/paths.ts";
import { libraryInShard, listInShard, parseShard } from "../src/site/shard.ts";
import type { Shard } from "../src/site/shard.ts";

export const MANIFEST = ".shard.json";
/** The digest of what a shard was built from (shardInputs), beside its manifest: an unchanged shard is not rebuilt. */
export const INPUTS = ".shard-inputs";

/** What every shard of one site must agree on. */
const Settings = z.strictObject({
  base: z.string(),
  site: z.string(),
  searchSites: z.string(),
  /** sha256 over content/'s file names and bytes. */
  content: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ShardSettings = z.infer<typeof Settings>;

const Manifest = z.strictObject({ shard: z.string(), ...Settings.shape });

/** A digest of a content folder (the ingest's output): names and bytes of every file, in a fixed order. */
export function contentDigest(dir: string): string {
  const hash = createHash("sha256");
  for (const file of siteFiles(dir)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(dir, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** The files of the code a shard's pages come from: a change to any of them rebuilds every shard. */
const CODE = ["src", "public", "astro.config.mjs", "package-lock.json", "scripts/build.ts", "scripts/shards.ts"];

/** A digest of the project's code (CODE), names and bytes. */
export function codeDigest(root: string): string {
  const hash = createHash("sha256");
  for (const entry of CODE) {
    const path = join(root, entry);
    const files = statSync(path).isDirectory() ? siteFiles(path).map((f) => `${entry}/${f}`) : [entry];
    for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

/**
 * What shard `shard` is built from, as one digest: the code, the settings every shard shares, the library index,
 * the build day, and the content it reads (every file for the library shard; a list shard's own lists' models and
 * task items and the library's own files). Equal to the digest its folder was last built from, the folder is kept.
 */
export function shardInputs(shard: Shard, parts: { code: string; settings: ShardSettings; libraryIndex: string; day: string; contentDir: string }): string {
  const hash = createHash("sha256");
  // The settings' content digest covers every list: the library shard's input, not a list shard's.
  const { content, ...shared } = parts.settings;
  const library = libraryInShard(shard);
  hash.update(`${shard.index}/${shard.count}\0${parts.code}\0${JSON.stringify(shared)}\0${library ? content : ""}\0${parts.day}\0`);
  hash.update(readFileSync(parts.libraryIndex));
  if (!library) {
    const own = new Set(listsOf(parts.contentDir, shard));
    for (const file of siteFiles(parts.contentDir)) {
      const first = file.split("/")[0]!.replace(/\.json$/, "");
      if (own.has(first) || file.startsWith("_")) hash.update(`${file}\0`).update(readFileSync(join(parts.contentDir, file))).update("\0");
    }
  }
  return hash.digest("hex");
}

/** Whether the shard folder `dir` was built from `inputs`. */
export function builtFrom(dir: string, inputs: string): boolean {
  const file = join(dir, INPUTS);
  return existsSync(file) && readFileSync(file, "utf8") === inputs;
}

export function writeManifest(dir: string, shard: Shard, settings: ShardSettings): void {
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify({ shard: `${shard.index}/${shard.count}`, ...settings }, null, 2)}\n`);
}

interface ShardFolder {
  dir: string;
  shard: Shard;
  settings: ShardSettings;
}

/** Reads a shard folder's manifest; throws "DIR/.shard.json: message". */
function readShardFolder(dir: string): ShardFolder {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) throw new Error(`${file}: missing; is ${dir} the output of \`build.ts --shard I/K\`?`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".") || "manifest"}: ${issue.message}`);
  }
  const { shard, ...settings } = parsed.data;
  return { dir, shard: parseShard(shard, `${file}: shard`), settings };
}

const SETTING_NAMES: Record<keyof ShardSettings, string> = {
  base: "BASE_PATH",
  site: "SITE_URL",
  searchSites: "SEARCH_SITES",
  content: "content (the lists ingested)",
};

/** Checks that the folders are the K shards of one build, each once; returns them by shard index. */
export function checkShards(dirs: readonly string[]): ShardFolder[] {
  if (dirs.length === 0) throw new Error("--merge: name the shard folders to merge");
  const folders = dirs.map(readShardFolder);
  const first = folders[0]!;
  const count = first.shard.count;
  const byIndex = new Map<number, ShardFolder>();
  for (const folder of folders) {
    const where = join(folder.dir, MANIFEST);
    if (folder.shard.count !== count) throw new Error(`${where}: shard ${folder.shard.index}/${folder.shard.count}, but ${first.dir} is one of ${count}`);
    for (const key of Object.keys(SETTING_NAMES) as (keyof ShardSettings)[]) {
      if (folder.settings[key] !== first.settings[key]) {
        throw new Error(`${where}: built with another ${SETTING_NAMES[key]} than ${first.dir} (${JSON.stringify(folder.settings[key])} ≠ ${JSON.stringify(first.settings[key])}); build every shard from the same lists and settings`);
      }
    }
    const twin = byIndex.get(folder.shard.index);
    if (twin) throw new Error(`${where}: shard ${folder.shard.index}/${count} again (also ${twin.dir})`);
    byIndex.set(folder.shard.index, folder);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) throw new Error(`--merge: shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")} missing; a merge needs all ${count}`);
  return [...byIndex.values()].sort((a, b) => a.shard.index - b.shard.index);
}

/**
 * Copies the shard folders into `out` (which must not exist yet); with `link`, hard-links the files instead (folders
 * of this machine's own build, kept for the next one: Astro replaces a shard's files rather than writing into them,
 * so the site keeps its bytes). A file already there from an earlier shard is compared instead: different bytes
 * mean the shards were built from different code, and the merge stops. Returns how many files were copied and how
 * many were shared.
 */
export function mergeShards(folders: readonly ShardFolder[], out: string, link = false): { copied: number; shared: number } {
  const from = new Map<string, number>();
  let shared = 0;
  mkdirSync(out);
  for (const folder of folders) {
    for (const file of siteFiles(folder.dir)) {
      if (file === MANIFEST || file === INPUTS) continue;
      const source = join(folder.dir, file);
      const target = join(out, file);
      const earlier = from.get(file);
      if (earlier !== undefined) {
        if (!readFileSync(source).equals(readFileSync(target))) {
          throw new Error(`${source}: differs from shard ${earlier}'s ${file}; were the shards built from the same code?`);
        }
        shared++;
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      if (link) linkOrCopy(source, target);
      else copyFileSync(source, target);
      from.set(file, folder.shard.index);
    }
  }
  return { copied: from.size, shared };
}

function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target); // another file system
  }
}

/** The lists whose own pages `shard` renders. */
export function listsOf(contentDir: string, shard: Shard): string[] {
  return listIds(contentDir).filter((id) => listInShard(id, shard));
}

/**
 * The library index a list shard reads for the lists it does not hold whole (src/site/content.ts): each model's
 * id, title, source, dates, government and units, in id order; a few kilobytes a list instead of a whole model.
 */
export function writeLibraryIndex(contentDir: string, file: string): void {
  const entries: LibrarySource[] = listIds(contentDir).map((name) => briefSource(JSON.parse(readFileSync(join(contentDir, `${name}.json`), "utf8")) as LibrarySource));
  writeFileSync(file, JSON.stringify(entries));
}

/**
 * Leaves in a list shard's folder only what is its own: its lists' pages and downloads, the assets and the public
 * files every shard writes alike. The pages of the whole library it also rendered (Astro renders every page
 * without parameters), from its own lists alone, are the library shard's to give.
 */
export function keepListShardFiles(dir: string, ids: readonly string[], publicFiles: readonly string[]): number {
  const own = new Set(ids);
  const kept = new Set([...publicFiles, MANIFEST, INPUTS, ...ids.flatMap((id) => [paths.json(id), paths.csv(id), paths.quantitiesCsv(id), paths.progressCsv(id)])]);
  let removed = 0;
  for (const file of siteFiles(dir)) {
    const first = file.split("/")[0]!;
    if (first === "_astro" || own.has(first) || kept.has(file)) continue;
    rmSync(join(dir, file));
    removed++;
  }
  removeEmptyFolders(dir);
  return removed;
}

function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && removeEmptyFolders(join(dir, entry.name))) rmSync(join(dir, entry.name), { recursive: true });
    else empty = false;
  }
  return empty;
}

// `node scripts/shards.ts prepare CONTENT INDEX`: writes the library index and prints the content's digest, in a
// process of its own: reading a thousand models grows a heap that would otherwise stay with the build's process
// through the rest of the build, the search index included.
if (import.meta.main) {
  const [command, contentDir, file] = process.argv.slice(2);
  if (command !== "prepare" || !contentDir || !file) {
    console.error("usage: node scripts/shards.ts prepare CONTENT_DIR INDEX_FILE");
    process.exit(2);
  }
  writeLibraryIndex(contentDir, file);
  console.log(contentDigest(contentDir));
}
