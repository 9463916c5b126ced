// Reads the content collections; the only module that touches astro:content besides the task pages' render().
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getCollection } from "astro:content";
import type { z } from "zod";
import { ContactsContent } from "../model/contacts.ts";
import { PlansContent } from "../model/plans.ts";
import type { Document } from "../model/schema.ts";
import { CONTACTS_FILE, PLANS_FILE, contentDir } from "./content-files.ts";
import { contactDirectory, type ContactOf } from "./contacts.ts";
import { buildLibrary, type Library, type LibrarySource } from "./library.ts";
import { listIndexPages } from "./lists.ts";
import { planOfList, type PlanRef } from "./plans.ts";
import { buildShard, libraryInShard, listInShard } from "./shard.ts";
import { pageKey, viewKey } from "./cache-keys.ts";

let last: { data: readonly unknown[]; documents: readonly Document[] } | undefined;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The documents this build holds whole (every one, or in a list shard its own), in id order (code units, so every
 * machine sorts alike). Every page's header asks, so the sorted list is kept while the collection holds the same
 * entries: sorting a thousand lists on each of a hundred thousand pages was a cost that grew with the library.
 */
export async function loadDocuments(): Promise<readonly Document[]> {
  const data = (await getCollection("documents")).map((e) => e.data);
  if (last && last.data.length === data.length && data.every((d, i) => d === last!.data[i])) return last.documents;
  const documents = [...data].sort(byId);
  last = { data, documents };
  return documents;
}

// One library per list of sources: unsharded, the documents and the library's sources are the same array, so the
// pages that ask for either get the one built.
const libraries = new WeakMap<readonly LibrarySource[], Library<LibrarySource>>();
function libraryOf<D extends LibrarySource>(sources: readonly D[]): Library<D> {
  let library = libraries.get(sources) as Library<D> | undefined;
  if (!library) libraries.set(sources, (library = buildLibrary(sources)));
  return library;
}

/** The library over the documents this build holds whole, built once while they stay the same (each page asks). */
export async function loadLibrary(): Promise<Library> {
  return libraryOf(await loadDocuments());
}

let index: readonly LibrarySource[] | undefined;

/**
 * Every list of the site as the library needs it (ids, titles, dates, units), in id order. A sharded build gives
 * each shard the library index (LIBRARY_INDEX, written by scripts/build.ts from every model), as a list shard
 * holds only its own lists whole; unsharded, the documents themselves.
 */
export async function loadLibrarySources(): Promise<readonly LibrarySource[]> {
  const file = process.env["LIBRARY_INDEX"];
  if (!file) return loadDocuments();
  index ??= (JSON.parse(readFileSync(file, "utf8")) as LibrarySource[]).sort(byId);
  return index;
}

const shard = buildShard();

/** The lists whose own pages this build renders, whole: every document, or a list shard's (src/site/shard.ts). */
export async function loadOwnLists(): Promise<Document[]> {
  return (await loadDocuments()).filter((doc) => listInShard(doc.id, shard));
}

/** The library's pages (departments, the lists index's pages): all, unsharded or in the library shard; else none. */
export function libraryPages<T>(items: readonly T[]): T[] {
  return libraryInShard(shard) ? [...items] : [];
}

/** The library over every list as the library index gives them (the department links and names of any list). */
export async function loadLibraryOfSources(): Promise<Library<LibrarySource>> {
  return libraryOf(await loadLibrarySources());
}

/** The lists index's further pages (2, 3, …) as routes: the lists index and the figures chooser both page by it. */
export async function listIndexRoutes() {
  const routes = libraryPages(listIndexPages(await loadLibrary()))
    .slice(1)
    .map((view) => ({ params: { page: String(view.page) }, props: { view } }));
  return withCacheKeys("every list", routes);
}

let plans: { content: PlansContent | undefined } | undefined;

/**
 * The plans the lists implement (content/_site/plans.json, written by the ingest), checked against their schema;
 * undefined when no list implements a superior document. Small enough for every shard to read: ids and numbers.
 */
export function loadPlans(): PlansContent | undefined {
  plans ??= { content: readSiteFile(PLANS_FILE, PlansContent) };
  return plans.content;
}

/**
 * One of the library's own files in content/_site/, checked against its schema like the lists: a hand-edited or
 * stale file fails the build. Undefined when the ingest wrote none.
 */
function readSiteFile<T>(name: string, schema: z.ZodType<T>): T | undefined {
  const file = join(contentDir(), name);
  if (!existsSync(file)) return undefined;
  const checked = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!checked.success) throw new Error(`${file}: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}; run the ingest again`);
  return checked.data;
}

let plansByList: ((listId: string) => PlanRef | undefined) | undefined;

/** The plan a list implements, if it is one of a plan's (its pages link the plan and tag the search filter). */
export function planOfListId(listId: string): PlanRef | undefined {
  plansByList ??= planOfList(loadPlans());
  return plansByList(listId);
}

let contacts: ContactOf | undefined;

/**
 * The departments' contacts (content/_site/contacts.json, when seeds/contacts.json gave them), by department slug
 * over every list.
 */
export async function loadContacts(): Promise<ContactOf> {
  if (contacts) return contacts;
  const content = readSiteFile(CONTACTS_FILE, ContactsContent);
  return (contacts = contactDirectory((await loadLibraryOfSources()).departments, content));
}

/** Which data a route's pages read, for their cacheKey (src/site/cache-keys.ts). */
export type KeyedBy = "list" | "department" | "every list";

/**
 * A route's getStaticPaths with each page's cacheKey added, so an incremental build (experimental.incrementalBuild)
 * copies the page from the last build while what it reads is unchanged: a list's pages by their params.doc, a
 * department's by params.slug, the pages over every list by every model.
 */
export async function withCacheKeys<R extends { params: Record<string, string | undefined> }>(by: KeyedBy, routes: readonly R[]): Promise<(R & { cacheKey: string })[]> {
  const sources = await loadLibrarySources();
  const documents = await loadDocuments();
  const byId = new Map(documents.map((d) => [d.id, d]));
  const model = (id: string) => {
    const doc = byId.get(id);
    if (!doc) throw new Error(`cache key: list "${id}" is not held whole by this build`);
    return doc;
  };
  const library = by === "department" ? await loadLibrary() : undefined;
  const everyList = by === "every list" ? pageKey(sources, documents) : undefined;
  const key = (route: R): string => {
    if (everyList !== undefined) return everyList;
    if (by === "list") return pageKey(sources, [model(route.params["doc"]!)]);
    const department = library!.department(route.params["slug"]!);
    if (!department) throw new Error(`cache key: no department "${route.params["slug"]}"`);
    return pageKey(sources, department.lists.map((l) => model(l.doc.id)));
  };
  return routes.map((route) => ({ ...route, cacheKey: key(route) }));
}

/**
 * A route's getStaticPaths from `pages` (what tells its pages apart): each page's route and a cacheKey made from the
 * view it lays out (`viewOf`, the function the page renders from). A plan's pages, which show parts of many lists,
 * are so rendered again only when what they show changed. The view is made here and again when the page is rendered,
 * not kept: a thousand lists' plan views are 72 MB as JSON.
 */
export async function withViewKeys<P, R extends { params: Record<string, string | undefined> }>(
  pages: readonly P[],
  routeOf: (page: P) => R,
  viewOf: (page: P) => unknown,
): Promise<(R & { cacheKey: string })[]> {
  const sources = await loadLibrarySources();
  return pages.map((page) => ({ ...routeOf(page), cacheKey: viewKey(sources, viewOf(page)) }));
}
