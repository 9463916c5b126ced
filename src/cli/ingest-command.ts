// The ingest command's shell: reads files, prints problems as FILE:LINE: message, writes atomically.
// All decisions about content are made by the pure parse and plan modules.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, relative } from "node:path";
import { formatProblem } from "../ingest/errors.ts";
import { parseDocument } from "../ingest/parse.ts";
import { planDocument, type FilePlan } from "../ingest/plan.ts";
import { slugify } from "../ingest/slug.ts";
import type { Document } from "../model/schema.ts";

export const SEEDS_DIR = "seeds";
export const CONTENT_DIR = "content";
const SOURCE_EXTENSIONS = new Set([".txt", ".text"]);

export interface IngestOptions {
  files: string[];
  out?: string;
  json: boolean;
  check: boolean;
  help: boolean;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

const USAGE = `usage:
  npm run ingest                        every file in ${SEEDS_DIR}/ → ${CONTENT_DIR}/
  npm run ingest -- FILE... [--out DIR] the given files → DIR (default ${CONTENT_DIR}/)
  npm run ingest -- --json FILE         print the document's JSON to stdout; write nothing
  npm run ingest -- --check             exit 1 when ${CONTENT_DIR}/ differs from what ${SEEDS_DIR}/ produce`;

export function documentId(file: string): string {
  return slugify(basename(file, extname(file)));
}

export function seedFiles(dir = SEEDS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => SOURCE_EXTENSIONS.has(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(dir, name));
}

/** The human corrections of a document's target alignment, if any: seeds/<stem>.overrides.json. */
export function overridesFile(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.overrides.json`);
}

function readOverrides(file: string): { file: string; text: string } | undefined {
  const path = overridesFile(file);
  return existsSync(path) ? { file: path, text: readFileSync(path, "utf8") } : undefined;
}

type Parsed = { ok: true; documents: { file: string; document: Document; encoding: string }[] } | { ok: false; lines: string[] };

export function parseFiles(files: string[]): Parsed {
  const lines: string[] = [];
  const documents: { file: string; document: Document; encoding: string }[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      if (statSync(file).isDirectory()) throw new Error("it is a folder");
      bytes = readFileSync(file);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
      lines.push(`${file}:1: cannot read the file (${reason}); expected a text file`);
      continue;
    }
    const id = documentId(file);
    if (ids.has(id)) {
      lines.push(`${file}:1: its document id "${id}" is also the id of ${ids.get(id)}; expected distinct file names`);
      continue;
    }
    ids.set(id, file);
    const result = parseDocument(bytes, { id, file: basename(file), overrides: readOverrides(file) });
    if (result.ok) documents.push({ file, document: result.document, encoding: result.encoding });
    else lines.push(...result.problems.map((p) => formatProblem(file, p)));
  }
  return lines.length ? { ok: false, lines } : { ok: true, documents };
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split("\\").join("/"))
    .sort();
}

/** Writes a document's files into a temporary folder first, then swaps them in, so a failure leaves the old ones. */
function writeDocument(out: string, id: string, plan: FilePlan): void {
  const staging = join(out, `.staging-${id}`);
  rmSync(staging, { recursive: true, force: true });
  for (const [path, content] of plan) {
    const target = join(staging, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  rmSync(join(out, id), { recursive: true, force: true });
  rmSync(join(out, `${id}.json`), { force: true });
  for (const entry of readdirSync(staging)) renameSync(join(staging, entry), join(out, entry));
  rmSync(staging, { recursive: true, force: true });
}

function summary(doc: Document): string {
  const items = doc.chapters.flatMap((c) => c.items);
  const measures = items.reduce((n, i) => n + i.local.length, 0);
  const pct = ((100 * doc.coverage.covered) / doc.coverage.characters).toFixed(2);
  const pairs = doc.figures.targetPairs;
  const byOverride = pairs.filter((p) => p.source === "override").length;
  const figures = `${doc.figures.quantities.length} quantities, ${doc.figures.subsidies.length} subsidies, ${pairs.length} target pairs (${pairs.length - byOverride} by rule, ${byOverride} by override)`;
  return `${doc.chapters.length} chapters, ${items.length} tasks, ${measures} measures, ${doc.units.length} units; coverage ${pct}% of ${doc.coverage.characters} characters; ${figures}`;
}

export function runIngest(options: IngestOptions): number {
  const log = options.log ?? ((l: string) => console.log(l));
  const error = options.error ?? ((l: string) => console.error(l));
  if (options.help) {
    log(USAGE);
    return 0;
  }
  const out = options.out ?? CONTENT_DIR;
  const allSeeds = options.files.length === 0;
  const files = allSeeds ? seedFiles() : options.files;
  if (files.length === 0) {
    error(allSeeds ? `${SEEDS_DIR}/: no source documents (*.txt) found\n${USAGE}` : USAGE);
    return 1;
  }
  if (options.json && files.length !== 1) {
    error(`--json takes exactly one FILE\n${USAGE}`);
    return 1;
  }
  const parsed = parseFiles(files);
  if (!parsed.ok) {
    parsed.lines.forEach((l) => error(l));
    error(`ingest: ${parsed.lines.length} problem(s); nothing written`);
    return 1;
  }
  if (options.json) {
    process.stdout.write(JSON.stringify(parsed.documents[0].document, null, 2) + "\n");
    return 0;
  }
  const plans = parsed.documents.map((d) => ({ ...d, plan: planDocument(d.document) }));

  if (options.check) {
    const expected = new Map<string, string>();
    for (const { plan } of plans) for (const [p, c] of plan) expected.set(p, c);
    const actual = listFiles(out);
    const stale: string[] = [];
    for (const [p, c] of expected) {
      const path = join(out, p);
      if (!existsSync(path)) stale.push(`${path}: missing`);
      else if (readFileSync(path, "utf8") !== c) stale.push(`${path}: differs from what ${SEEDS_DIR}/ produce`);
    }
    for (const p of actual) if (!expected.has(p) && allSeeds) stale.push(`${join(out, p)}: not produced by any source`);
    if (stale.length) {
      stale.forEach((l) => error(l));
      error(`ingest --check: ${stale.length} file(s) out of date; run \`npm run ingest\` and commit ${out}/`);
      return 1;
    }
    log(`ingest --check: ${out}/ is up to date (${expected.size} files from ${files.length} source(s))`);
    return 0;
  }

  mkdirSync(out, { recursive: true });
  for (const { file, document, encoding, plan } of plans) {
    writeDocument(out, document.id, plan);
    log(`${file} → ${relative(".", join(out, document.id))}.json + ${plan.size - 1} MDX [${encoding}]: ${summary(document)}`);
  }
  if (allSeeds) {
    // A full run mirrors seeds/: documents whose source is gone are removed.
    const ids = new Set(plans.map((p) => p.document.id));
    for (const entry of readdirSync(out)) {
      const id = entry.replace(/\.json$/, "");
      if (!ids.has(id)) rmSync(join(out, entry), { recursive: true, force: true });
    }
  }
  return 0;
}
