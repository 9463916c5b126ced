// The ingest command's shell: reads files, prints problems as FILE:LINE: message, writes atomically.
// All decisions about content are made by the pure parse and plan modules.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, relative } from "node:path";
import { formatProblem } from "../ingest/blocks.ts";
import { buildDocument, readOptionsOf, type ParseResult } from "../ingest/parse.ts";
import { ACCEPTED_EXTENSIONS, CONVERTED, formatOf, readSource } from "../ingest/readers/index.ts";
import type { ReadDocument } from "../ingest/blocks.ts";
import { isReport, withProgress, type ReportSource } from "../progress/reports.ts";
import { describeBlocks, describeLayout } from "../ingest/explain.ts";
import { reportName } from "../progress/report-name.ts";
import { LIMITS, mebibytes } from "../ingest/readers/limits.ts";
import { planDocument, type FilePlan } from "../ingest/plan.ts";
import { slugify } from "../ingest/slug.ts";
import { SITE_FOLDERS } from "../site/paths.ts";
import { CONTACTS_FILE, PLANS_FILE, SITE_FILES_FOLDER } from "../site/content-files.ts";
import { plansOf } from "../plans/plans.ts";
import type { PlanSource } from "../plans/group.ts";
import { readContacts, type ContactsSeen } from "../ingest/contacts.ts";
import type { ContactsContent } from "../model/contacts.ts";
import { SeedSettings, SETTINGS_SHAPE, sourceSettings } from "../ingest/settings.ts";
import { LocalAliases, unitFolding } from "../ingest/unit-folding.ts";
import { parseCompanion, type CompanionProblem } from "../model/companion.ts";
import type { z } from "zod";
import type { Document } from "../model/schema.ts";

export const SEEDS_DIR = "seeds";
export const CONTENT_DIR = "content";

export interface IngestOptions {
  files: string[];
  out?: string;
  json: boolean;
  check: boolean;
  /** Print the blocks as read and how the layout was chosen, for one file; write nothing. */
  explain?: boolean;
  help: boolean;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

const USAGE = `usage:
  npm run ingest                        every source in ${SEEDS_DIR}/ (${ACCEPTED_EXTENSIONS.join(" ")}) → ${CONTENT_DIR}/
  npm run ingest -- FILE... [--out DIR] the given files → DIR (default ${CONTENT_DIR}/)
  npm run ingest -- --json FILE         print the document's JSON to stdout; write nothing
  npm run ingest -- --check             exit 1 when ${CONTENT_DIR}/ differs from what ${SEEDS_DIR}/ produce
  npm run ingest -- --explain FILE      print the file's blocks as read and how its layout was chosen; write nothing`;

export function documentId(file: string): string {
  return slugify(basename(file, extname(file)));
}

/** Files in seeds/ that accompany the sources rather than being one: notes for people, corrections, hidden files. */
const COMPANION = /^(\.|readme(\.|$)|unit-aliases\.json$|contacts\.json$)|\.(md|overrides\.json|settings\.json)$/i;

/**
 * Every source file in seeds/. A file of another format is returned too, so the ingest refuses it by name
 * (a web team that drops a .pdf there must hear that it was not read, not find it silently missing).
 */
export function seedFiles(dir = SEEDS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !COMPANION.test(name) && statSync(join(dir, name)).isFile())
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

const companionLines = (problems: readonly CompanionProblem[]) => problems.map((p) => `${p.file}:${p.line}: ${p.message}`);

/** A companion JSON file beside the sources, if present: validated, or the problems as FILE:LINE lines. */
function readCompanion<S extends z.ZodType>(path: string, schema: S, shape: string): { ok: true; value?: z.output<S> } | { ok: false; lines: string[] } {
  if (!existsSync(path)) return { ok: true };
  const read = parseCompanion(path, readFileSync(path, "utf8"), schema, shape);
  return read.ok ? read : { ok: false, lines: companionLines(read.problems) };
}

/** A city's unit aliases, seeds/unit-aliases.json beside the sources. */
export function readAliases(dir: string) {
  return readCompanion(join(dir, ALIASES_FILE), LocalAliases, '{ "same": [["市数据资源局", "市数据资源管理局"]], "separate": ["…"] }');
}

/** What the web team says about one source: seeds/<stem>.settings.json. */
export function settingsFile(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.settings.json`);
}

const ALIASES_FILE = "unit-aliases.json";
const CONTACTS_SEED = "contacts.json";

/**
 * The departments' contacts beside the sources (seeds/contacts.json; with files given, contacts.json in their
 * folders), matched to the departments of the lists read with them. Undefined when no folder has one.
 */
export function contactsOf(dirs: readonly string[], documents: readonly Document[]): { ok: true; value?: ContactsContent } | { ok: false; lines: string[] } {
  const lines: string[] = [];
  const seen: ContactsSeen = new Map();
  let value: ContactsContent | undefined;
  for (const dir of new Set(dirs)) {
    const path = join(dir, CONTACTS_SEED);
    if (!existsSync(path)) continue;
    const aliases = readAliases(dir);
    const read = readContacts(path, readFileSync(path, "utf8"), documents, unitFolding(aliases.ok ? aliases.value : undefined), seen);
    if (!read.ok) lines.push(...companionLines(read.problems));
    else value = { departments: [...(value?.departments ?? []), ...read.value.departments] };
  }
  return lines.length ? { ok: false, lines } : { ok: true, value };
}

type Parsed = { ok: true; documents: { file: string; document: Document; encoding: string }[] } | { ok: false; lines: string[] };

/** `--explain`: the file read (LibreOffice first for .doc/.wps), its blocks and the layout's view of them, then the outcome. */
async function explainFile(file: string, log: (l: string) => void, error: (l: string) => void): Promise<number> {
  const extension = extname(file).toLowerCase();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    error(`${file}:1: cannot read the file (${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message})`);
    return 1;
  }
  const settings = readCompanion(settingsFile(file), SeedSettings, SETTINGS_SHAPE);
  if (!settings.ok) {
    settings.lines.forEach((l) => error(l));
    return 1;
  }
  const source = sourceSettings(settings.value, { id: documentId(file), file: basename(file) });
  let read;
  if (CONVERTED[extension]) {
    const docx = (await import("./convert-doc.ts")).convertToDocx(file);
    if (!docx.ok) {
      error(`${file}:1: ${docx.message}`);
      return 1;
    }
    read = await readSource(".docx", docx.bytes);
  } else read = await readSource(extension, bytes, readOptionsOf(source));
  if (!read.ok) {
    read.problems.forEach((p) => error(formatProblem(file, p)));
    return 1;
  }
  log(`${file}: read as ${formatOf(CONVERTED[extension] ? ".docx" : extension) ?? extension} (${read.encoding}), ${read.blocks.length} blocks${read.title ? `; title outside the body: ${read.title}` : ""}`);
  if (settings.value) log(`settings: ${basename(settingsFile(file))} gives ${Object.keys(settings.value).filter((k) => k !== "$comment").join(", ") || "nothing"}${source.pages ? ` (pages ${source.pages.from}–${source.pages.to} read)` : ""}`);
  describeBlocks(read.blocks).forEach((l) => log(l));
  if (isReport(read)) {
    log("kind: a progress report (its header names 进展情况 or 完成情况, with something under it)");
    return 0;
  }
  describeLayout(read, source).forEach((l) => log(l));
  const result = buildDocument(read, source);
  if (result.ok) log(`outcome: built, layout ${LAYOUT_NAMES[result.document.layout]}: ${summary(result.document)}`);
  else result.problems.forEach((p) => log(`outcome: refused: ${formatProblem(file, p)}`));
  return result.ok ? 0 : 1;
}

/** A list, or a progress report on one (read, and joined to its list once every list is read). */
type FileResult = ParseResult | { ok: true; report: ReadDocument };

/** Reads one source file of any accepted format; .doc and .wps go through LibreOffice first. */
async function parseFile(
  file: string,
  bytes: Uint8Array,
  id: string,
  overrides: ReturnType<typeof readOverrides>,
  aliases: LocalAliases | undefined,
  settings: SeedSettings | undefined,
): Promise<FileResult> {
  const extension = extname(file).toLowerCase();
  const converted = CONVERTED[extension];
  if (!converted && !formatOf(extension)) {
    return { ok: false, problems: [{ at: { line: 1 }, message: `${extension ? `${extension} files are` : "a file without an extension is"} not a format the ingest reads; expected one of ${ACCEPTED_EXTENSIONS.join(", ")}` }] };
  }
  if (bytes.length > LIMITS.fileBytes) {
    return { ok: false, problems: [{ at: { line: 1 }, message: `the file is ${mebibytes(bytes.length)}; expected a source of at most ${mebibytes(LIMITS.fileBytes)}` }] };
  }
  const source = sourceSettings(settings, { id, file: basename(file), overrides, aliases });
  let read;
  if (converted) {
    const docx = (await import("./convert-doc.ts")).convertToDocx(file);
    if (!docx.ok) return { ok: false, problems: [{ at: { line: 1 }, message: docx.message }] };
    read = await readSource(".docx", docx.bytes);
  } else read = await readSource(extension, bytes, readOptionsOf(source));
  if (!read.ok) return read;
  // A report names 进展情况 or 完成情况 in its header, which no list does; a list is built from the same blocks.
  if (reportName(basename(file)) || isReport(read)) return { ok: true, report: read };
  return buildDocument(read, { ...source, format: converted ?? formatOf(extension)! });
}

export async function parseFiles(files: string[]): Promise<Parsed> {
  const lines: string[] = [];
  const documents: { file: string; document: Document; encoding: string }[] = [];
  const reports: ReportSource[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) throw new Error("it is a folder");
      // Refused before it is read: a hostile 50 MB page never reaches memory.
      if (stat.size > LIMITS.fileBytes) {
        lines.push(`${file}:1: the file is ${mebibytes(stat.size)}; expected a source of at most ${mebibytes(LIMITS.fileBytes)}`);
        continue;
      }
      bytes = readFileSync(file);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
      lines.push(`${file}:1: cannot read the file (${reason}); expected a source file (${ACCEPTED_EXTENSIONS.join(", ")})`);
      continue;
    }
    const id = documentId(file);
    if (reportName(basename(file))) {
      const read = await parseFile(file, bytes, id, undefined, undefined, undefined);
      if (!read.ok) lines.push(...read.problems.map((p) => formatProblem(file, p)));
      else if ("report" in read) reports.push({ file, name: basename(file), read: read.report });
      continue;
    }
    if (ids.has(id)) {
      lines.push(`${file}:1: its document id "${id}" is also the id of ${ids.get(id)}; expected distinct file names`);
      continue;
    }
    ids.set(id, file);
    if ((SITE_FOLDERS as readonly string[]).includes(id)) {
      lines.push(`${file}:1: its document id "${id}" is the name of one of the site's own folders (${SITE_FOLDERS.join(", ")}); expected another file name`);
      continue;
    }
    const aliases = readAliases(dirname(file));
    if (!aliases.ok) {
      if (!lines.some((l) => l === aliases.lines[0])) lines.push(...aliases.lines);
      continue;
    }
    const settings = readCompanion(settingsFile(file), SeedSettings, SETTINGS_SHAPE);
    if (!settings.ok) {
      lines.push(...settings.lines);
      continue;
    }
    const result = await parseFile(file, bytes, id, readOverrides(file), aliases.value, settings.value);
    if (!result.ok) lines.push(...result.problems.map((p) => formatProblem(file, p)));
    else if ("report" in result) reports.push({ file, name: basename(file), read: result.report });
    else documents.push({ file, document: result.document, encoding: result.encoding });
  }
  if (lines.length) return { ok: false, lines };
  if (reports.length === 0) return { ok: true, documents };
  const joined = withProgress(documents.map((d) => d.document), reports);
  if (!joined.ok) return joined;
  return { ok: true, documents: documents.map((d, i) => ({ ...d, document: joined.documents[i] })) };
}

/**
 * A list's model holds its reports: a list given alone is read with the reports beside it, and a report given alone
 * with its list (by the file name's id), so a run on one file never drops or lacks the other.
 */
export function withCompanionSources(files: readonly string[]): string[] {
  const given = new Set(files.map((f) => join(dirname(f), basename(f))));
  const extra: string[] = [];
  const stems = new Set(files.filter((f) => !reportName(basename(f))).map((f) => join(dirname(f), basename(f, extname(f)))));
  // A folder's listing read once, however many of the given files lie in it.
  const listings = new Map<string, string[]>();
  const siblingsOf = (dir: string) => listings.get(dir) ?? listings.set(dir, existsSync(dir) ? seedFiles(dir) : []).get(dir)!;
  for (const file of files) {
    const dir = dirname(file);
    const named = reportName(basename(file));
    const siblings = siblingsOf(dir);
    if (named && !stems.has(join(dir, named.listStem))) {
      const list = siblings.find((s) => basename(s, extname(s)) === named.listStem && !reportName(basename(s)));
      if (list && !given.has(list)) extra.push(list);
      stems.add(join(dir, named.listStem));
    }
    if (!named) {
      const stem = basename(file, extname(file));
      for (const s of siblings) if (reportName(basename(s))?.listStem === stem && !given.has(s)) extra.push(s);
    }
  }
  return [...new Set([...files, ...extra])];
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

/** A file replaced in one step: written beside its place, then renamed over it. */
function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const staging = `${path}.staging`;
  writeFileSync(staging, content);
  renameSync(staging, path);
}

/** What the ingest says of a list's 文号 and of the document it implements. */
function numberLine(document: Document, file: string): string {
  const own = document.number ? `number: ${document.number}` : `number: not printed (set "number" in ${relative(".", settingsFile(file))} to show it)`;
  const cited = document.implements;
  return cited ? `${own}; implements 《${cited.title}》${cited.number ? `（${cited.number}）` : ""}` : own;
}

/** The layouts as the ingest names them when it prints which one it found. */
const LAYOUT_NAMES: Record<Document["layout"], string> = {
  "superior-table": "A (table with a superior column)",
  table: "B (table, columns by role)",
  "label-lines": "C (numbered paragraphs with label lines)",
  "unit-parenthesis": "D (numbered paragraphs ending in a unit parenthesis)",
  "first-listed-lead": "E (the first unit listed leads)",
};

const GOVERNMENT_FROM: Record<Document["government"]["from"], string> = {
  settings: "from the settings file",
  title: "from the letter's title",
  signature: "from the signature",
  "list-title": "from the title's opening words",
  none: "not printed",
};

/**
 * A library's departments are its governments' (六安's 市经信局 is not 云岭's), so where the lists are more than one,
 * every list must say which government issued it. Counts the lists already in `out` that this run does not replace.
 */
function unknownGovernments(documents: { file: string; document: Document }[], out: string): string[] {
  const ids = new Set(documents.map((d) => d.document.id));
  const others = existsSync(out) ? readdirSync(out).filter((e) => e.endsWith(".json") && !ids.has(e.slice(0, -5))).length : 0;
  if (documents.length + others < 2) return [];
  return documents
    .filter((d) => d.document.government.name === "")
    .map((d) =>
      `${d.file}:1: the list does not say which government issued it (no 某某市人民政府办公室 in its title or signature, no place opening its title), and a library of several lists files each department under its government; expected "government" in ${settingsFile(d.file)}, e.g. { "government": "六安市" }`,
    );
}

/**
 * Every list the folder will hold once this run is written: the run's documents, and (when the run is given files
 * rather than all of seeds/) the models already in the folder that it does not replace. The plans are the
 * library's, not the run's.
 */
function planSources(documents: readonly Document[], out: string | undefined): PlanSource[] {
  const ids = new Set(documents.map((d) => d.id));
  const others: PlanSource[] = [];
  if (out && existsSync(out)) {
    for (const entry of readdirSync(out)) {
      if (!entry.endsWith(".json") || ids.has(entry.slice(0, -5))) continue;
      others.push(JSON.parse(readFileSync(join(out, entry), "utf8")) as PlanSource);
    }
  }
  return [...documents, ...others];
}

/** What the ingest says of a list's progress reports: each report, then the state of the measures at the newest. */
function progressLine(progress: NonNullable<Document["progress"]>): string {
  const reports = progress.reports.map((r, i) => `${r.date} (${r.source}, ${r.rows} rows, ${progress.entries.filter((e) => e.report === i).length} measures)`);
  const last = progress.reports.length - 1;
  const latest = progress.entries.filter((e) => e.report === last);
  const count = (s: string) => latest.filter((e) => e.status === s).length;
  return `progress: ${reports.join("; ")}; at ${progress.reports[last].date}: ${count("done")} done, ${count("on-track")} on track, ${count("behind")} behind, ${count("unknown")} unknown, ${latest.filter((e) => e.overdue).length} overdue`;
}

function summary(doc: Document): string {
  const items = doc.chapters.flatMap((c) => c.items);
  const measures = items.reduce((n, i) => n + i.local.length, 0);
  const pct = ((100 * doc.coverage.covered) / doc.coverage.characters).toFixed(2);
  const pairs = doc.figures.targetPairs;
  const byOverride = pairs.filter((p) => p.source === "override").length;
  const figures = `${doc.figures.quantities.length} quantities, ${doc.figures.subsidies.length} subsidies, ${pairs.length} target pairs (${pairs.length - byOverride} by rule, ${byOverride} by override)`;
  const dated = doc.dueDates.filter((d) => d.kind === "date").length;
  return `${doc.chapters.length} chapters, ${items.length} tasks, ${measures} measures, ${dated} dated deadlines, ${doc.units.length} units; coverage ${pct}% of ${doc.coverage.characters} characters; ${figures}`;
}

export async function runIngest(options: IngestOptions): Promise<number> {
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
    error(allSeeds ? `${SEEDS_DIR}/: no source documents (${ACCEPTED_EXTENSIONS.join(" ")}) found\n${USAGE}` : USAGE);
    return 1;
  }
  if (options.explain) {
    if (files.length !== 1 || allSeeds) {
      error(`--explain takes exactly one FILE\n${USAGE}`);
      return 1;
    }
    return explainFile(files[0]!, log, error);
  }
  if (options.json && files.length !== 1) {
    error(`--json takes exactly one FILE\n${USAGE}`);
    return 1;
  }
  const parsed = await parseFiles(allSeeds ? files : withCompanionSources(files));
  if (!parsed.ok) {
    parsed.lines.forEach((l) => error(l));
    error(`ingest: ${parsed.lines.length} problem(s); nothing written`);
    return 1;
  }
  const unknown = options.json ? [] : unknownGovernments(parsed.documents, out);
  const contacts = options.json ? { ok: true as const } : contactsOf(allSeeds ? [SEEDS_DIR] : files.map(dirname), parsed.documents.map((d) => d.document));
  const refused = [...unknown, ...(contacts.ok ? [] : contacts.lines)];
  if (refused.length) {
    refused.forEach((l) => error(l));
    error(`ingest: ${refused.length} problem(s); nothing written`);
    return 1;
  }
  const contactsValue = contacts.ok ? contacts.value : undefined;
  if (options.json) {
    process.stdout.write(JSON.stringify(parsed.documents[0].document, null, 2) + "\n");
    return 0;
  }
  const plans = parsed.documents.map((d) => ({ ...d, plan: planDocument(d.document) }));
  const library = planSources(parsed.documents.map((d) => d.document), allSeeds ? undefined : out);
  const implemented = plansOf(library);
  // The library's own files (content/_site/): written only when there is something in them.
  const siteFiles = new Map<string, string>();
  if (contactsValue) siteFiles.set(CONTACTS_FILE, JSON.stringify(contactsValue, null, 2) + "\n");
  if (implemented.plans.length) siteFiles.set(PLANS_FILE, JSON.stringify(implemented, null, 2) + "\n");

  if (options.check) {
    const expected = new Map<string, string>();
    for (const { plan } of plans) for (const [p, c] of plan) expected.set(p, c);
    for (const [p, c] of siteFiles) expected.set(p, c);
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
    log(`${file} → ${relative(".", join(out, document.id))}.json + ${plan.size - 1} MDX [${document.format}, ${encoding}; layout ${LAYOUT_NAMES[document.layout]}]: ${summary(document)}`);
    const { name, from } = document.government;
    log(`  government: ${name ? `${name} (${GOVERNMENT_FROM[from]})` : `not printed; set "government" in ${relative(".", settingsFile(file))} before this list joins a library`}`);
    log(`  ${numberLine(document, file)}`);
    if (document.progress) log(`  ${progressLine(document.progress)}`);
    const folds = document.units.filter((u) => u.canonical !== u.name).map((u) => `${u.name} → ${u.canonical}`);
    if (folds.length) log(`  unit names folded: ${folds.join(", ")}`);
  }
  if (allSeeds) {
    // A full run mirrors seeds/: documents whose source is gone are removed, and the contacts when their file is.
    const ids = new Set(plans.map((p) => p.document.id));
    for (const entry of readdirSync(out)) {
      const id = entry.replace(/\.json$/, "");
      if (!ids.has(id) && entry !== SITE_FILES_FOLDER) rmSync(join(out, entry), { recursive: true, force: true });
    }
  }
  // Contacts come from seeds/contacts.json alone; the plans from every list in the folder, so they are always rewritten.
  for (const file of [CONTACTS_FILE, PLANS_FILE]) {
    const text = siteFiles.get(file);
    if (text) writeAtomically(join(out, file), text);
    else if ((allSeeds || file === PLANS_FILE) && existsSync(join(out, file))) rmSync(join(out, file));
  }
  if (contactsValue) log(`contacts → ${relative(".", join(out, CONTACTS_FILE))}: ${contactsValue.departments.length} department(s)`);
  for (const plan of implemented.plans) {
    const lists = plan.lists.length;
    log(`plan ${plan.number ?? plan.title} → ${relative(".", join(out, PLANS_FILE))}: ${lists} list(s), ${plan.measures.length} superior measure(s)`);
  }
  return 0;
}
