// Search contract shared by the indexed pages, the search page and its script: filter names and choices.
import type { SearchSite } from "./config.ts";
import type { Document } from "../model/schema.ts";
import { departmentLabel } from "../ingest/government.ts";
import { chapterLabel } from "./view.ts";
import { CJK, exactQuery, phrasePieces } from "./search-text.ts";
import { chineseNumeral } from "../ingest/markers.ts";

/**
 * Past this many chapters in all, the search page does not list them (src/components/search/SearchPanel.astro):
 * the script fills the chapter select with the chosen list's, from the index.
 */
export const CHAPTER_OPTIONS_INLINE = 300;

/** CHAPTER_OPTIONS_INLINE, or SEARCH_CHAPTER_OPTIONS when set (a test builds a small library past it). */
export function chapterOptionsInline(env: Record<string, string | undefined> = process.env): number {
  const set = Number(env["SEARCH_CHAPTER_OPTIONS"]);
  return Number.isInteger(set) && set >= 0 && env["SEARCH_CHAPTER_OPTIONS"]?.trim() ? set : CHAPTER_OPTIONS_INLINE;
}

/** The number a chapter's label opens with (一、 → 1, 十二、 → 12, 二十、 → 20); Infinity without one. */
export function chapterOrdinal(label: string): number {
  const m = /^([一二三四五六七八九十百〇零两]+)、/u.exec(label);
  return m ? chineseNumeral(m[1]!) : Infinity;
}

/** Pagefind filters, in the order the search page shows them (data-pagefind-filter names). */
export const searchFilterKeys = ["chapter", "lead", "support", "document", "plan", "status"] as const;
export type SearchFilterKey = (typeof searchFilterKeys)[number];

/**
 * The site filter, shown when other sites are searched too (SEARCH_SITES). No page is tagged with it: each index
 * gets it as Pagefind's mergeFilter, this site's with the site name of the config, another's with its 名称.
 */
export const siteFilterKey = "site" as const;
export type SiteFilterKey = typeof siteFilterKey;

/** Page kinds, set as data-pagefind-meta="type:…" on indexed pages. */
export type SearchPageType = "task" | "unit";

/** Filters from URL parameters: only known keys (the site filter too) with a non-empty value. */
export function filtersFromParams(params: URLSearchParams): Partial<Record<SearchFilterKey | SiteFilterKey, string>> {
  const filters: Partial<Record<SearchFilterKey | SiteFilterKey, string>> = {};
  for (const key of [...searchFilterKeys, siteFilterKey]) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

// ---- Other sites (SEARCH_SITES, validated at build time by src/site/config.ts) ----

/** Where another site's Pagefind bundle is: the folder the build writes, under the site's address. */
export function pagefindBundle(site: SearchSite): string {
  return new URL("pagefind/", site.url).href;
}

// ---- The index in parts (scripts/search-index.ts) ----
// Pagefind holds every page it is given until it writes the index (about 220 KB a page, 5.8 GB at a thousand
// lists), so a large site's index is written in parts of at most SEARCH_INDEX_PAGES pages each: the first in
// pagefind/, the others in pagefind/part-2/, pagefind/part-3/… (inside pagefind/, so the CORS rule other sites
// set on pagefind/ covers them), and pagefind/parts.json names them. The search page merges them (mergeIndex).

/** The parts file, inside the first part's folder. */
export const SEARCH_PARTS_FILE = "parts.json";

/** The folder of part n (2, 3, …) inside pagefind/. */
export function searchPartFolder(n: number): string {
  return `part-${n}/`;
}

/** The parts file's body: the other parts' folders, relative to pagefind/ (none when the index is one part). */
export function searchPartsJson(count: number): string {
  return `${JSON.stringify({ parts: Array.from({ length: count - 1 }, (_, i) => searchPartFolder(i + 2)) })}\n`;
}

/**
 * The other parts' bundle addresses from a parts file under `bundle` (an address ending in pagefind/). Another
 * site's file is not trusted: only part-N/ folders are taken, so no address can leave the bundle. A missing or
 * malformed file is an index in one part (a site built before parts, too).
 */
export function searchPartsFromJson(json: string | undefined, bundle: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json ?? "{}");
  } catch {
    return [];
  }
  const parts = (value as { parts?: unknown } | null)?.parts;
  if (!Array.isArray(parts)) return [];
  const folders = parts.filter((p): p is string => typeof p === "string" && /^part-[1-9][0-9]{0,3}\/$/.test(p));
  return [...new Set(folders)].map((folder) => new URL(folder, bundle).href);
}

/** The other sites as the search page carries them (a JSON data- attribute); anything malformed is left out. */
export function searchSitesFromData(json: string | undefined): SearchSite[] {
  let value: unknown;
  try {
    value = JSON.parse(json ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    const { name, url } = (v ?? {}) as Record<string, unknown>;
    if (typeof name !== "string" || !name || typeof url !== "string" || !/^https?:\/\/[^/]+\/(.*\/)?$/.test(url)) return [];
    return [{ name, url }];
  });
}

/**
 * The other site a result belongs to, by its address: their results carry absolute URLs under the site's (the
 * longest address wins where one site is published under another's). None: the result is this site's.
 */
export function siteOfUrl(url: string, sites: readonly SearchSite[]): SearchSite | undefined {
  let found: SearchSite | undefined;
  for (const site of sites) if (url.startsWith(site.url) && (!found || site.url.length > found.url.length)) found = site;
  return found;
}

/** A filter's choice: the value the pages are tagged with, and the text the select shows. */
export interface FilterChoice {
  value: string;
  label: string;
}

/** The chapter filter's choices of one list, shown as an <optgroup> labelled with the list. */
export interface FilterGroup {
  label: string;
  choices: FilterChoice[];
}

export interface SearchFilterOptions {
  chapter: FilterGroup[];
  lead: string[];
  support: string[];
  document: string[];
  /** The plans the lists implement (planLabel), when any does: src/site/plans.ts. */
  plan: string[];
  /** The states the task pages' progress badges carry (src/site/progress.ts, statusFilterValues), when a list has reports. */
  status: string[];
}

/**
 * The document filter's value for a list: its title with its government, as two cities' lists of one plan
 * often share a title (关于贯彻落实《…》的通知). A title that names its government already is left as it is.
 */
export function listFilterValue(title: string, government: string): string {
  return !government || title.includes(government) ? title : `${government} · ${title}`;
}

/** Between a list and its chapter in the chapter filter's value: two lists' 一、 are two chapters. */
export const CHAPTER_SEPARATOR = " › ";

/** The chapter filter's value for a chapter (its label as printed, after its list's filter value). */
export function chapterFilterValue(listValue: string, chapterLabel: string): string {
  return `${listValue}${CHAPTER_SEPARATOR}${chapterLabel}`;
}

/**
 * The choices of each filter, computed at build time from the model (not from the index) so chapters keep
 * document order, grouped by list. Each value equals the text the task pages tag with data-pagefind-filter.
 */
export function searchFilterOptions(docs: readonly Document[], plans: readonly string[] = [], statuses: readonly string[] = []): SearchFilterOptions {
  const listValue = (doc: Document) => listFilterValue(doc.title, doc.government.name);
  const unique = (values: string[]) => [...new Set(values)];
  const units = (doc: Document, role: "lead" | "support") =>
    doc.units.filter((u) => u[role].length > 0).map((u) => departmentLabel(doc.government.name, u.canonical));
  return {
    chapter: docs
      .map((doc) => listValue(doc))
      .map((list, i) => ({
        label: list,
        choices: unique(docs[i]!.chapters.map(chapterLabel).filter(Boolean)).map((label) => ({ value: chapterFilterValue(list, label), label })),
      }))
      .filter((group) => group.choices.length > 0),
    lead: unique(docs.flatMap((d) => units(d, "lead"))),
    support: unique(docs.flatMap((d) => units(d, "support"))),
    document: unique(docs.map(listValue)),
    plan: unique([...plans]),
    status: unique([...statuses]),
  };
}

// ---- Phrase matching ----
// A Chinese word of a query is matched as typed, by the index itself: the indexer makes each Chinese character a
// word (src/site/search-text.ts) and the word is asked as Pagefind's exact phrase, so 展会 does not find 发展…大会
// and 台套 finds 首台套. The folding below is the query's side of that; it also finds the phrase in a result's
// content for its excerpt.

/** Text folded for matching, with the place in the source of each folded UTF-16 unit. */
export interface FoldedText {
  text: string;
  /** start[i]: index in the source where the character giving folded unit i starts. */
  start: number[];
  /** end[i]: index in the source just after that character. */
  end: number[];
}

/**
 * Folds a text the way a query is compared with it: compatibility forms unified (full-width Ｇ or ５ as G, 5),
 * lower case, and no white space at all, so a query matches across the spaces a layout or Pagefind puts between
 * blocks and numbers (每年推动 200 家企业).
 */
export function foldText(source: string): FoldedText {
  const folded: FoldedText = { text: "", start: [], end: [] };
  for (let i = 0; i < source.length; ) {
    const char = String.fromCodePoint(source.codePointAt(i)!);
    const next = i + char.length;
    const f = char.normalize("NFKC").toLowerCase();
    if (!/^\s*$/u.test(f)) {
      folded.text += f;
      for (let k = 0; k < f.length; k++) {
        folded.start.push(i);
        folded.end.push(next);
      }
    }
    i = next;
  }
  return folded;
}

/**
 * The phrases of a query a result must hold as typed: each word (split at spaces, full-width ones too) that has a
 * Chinese, Japanese or Korean character, folded, and cut at its punctuation (phrasePieces). A query without such a
 * word (Latin letters, numbers) gives none and is left to Pagefind's own matching, with its stemming.
 */
export function phraseTerms(query: string): string[] {
  return query
    .split(/\s+/u)
    .filter((word) => CJK.test(word))
    .flatMap((word) => phrasePieces(foldText(word).text))
    .filter((word, i, all) => word && all.indexOf(word) === i);
}

/** A piece of an excerpt: plain text, or a phrase of the query (shown in <mark>). */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface ExcerptOptions {
  /** Put where the content is cut. */
  ellipsis: string;
  /** Prefer a place at or after this index (e.g. past the title, which the result shows anyway). */
  after?: number;
  /** About how many characters in all. */
  length?: number;
  /** How many characters before the place. */
  before?: number;
}

/**
 * An excerpt of a result's content around the first place it holds one of the phrases (at or after
 * `options.after` where there is one), every phrase in it marked, with an ellipsis where the content is cut.
 * Empty when the content holds none of them.
 */
export function phraseExcerpt(content: string, phrases: string[], options: ExcerptOptions): ExcerptPart[] {
  const { ellipsis, after = 0, length = 60, before = 16 } = options;
  const folded = foldText(content);
  // Every occurrence of every phrase, as source ranges, left to right; where two overlap the earlier (longer) wins.
  const hits: Array<[number, number]> = [];
  for (const phrase of phrases) {
    for (let at = folded.text.indexOf(phrase); at >= 0 && phrase; at = folded.text.indexOf(phrase, at + phrase.length)) {
      hits.push([folded.start[at]!, folded.end[at + phrase.length - 1]!]);
    }
  }
  if (hits.length === 0) return [];
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const first = hits.find(([start]) => start >= after) ?? hits[0]!;
  // Near the end of the content the window starts earlier, so it still holds about `length` characters; it does
  // not reach back before `after` when the place is past it.
  const floor = first[0] >= after ? after : 0;
  const from = Math.max(floor, Math.min(first[0] - before, content.length - length));
  const to = Math.min(content.length, Math.max(first[1], from + length));
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  let at = from;
  for (const [start, end] of hits) {
    if (start < at || start >= to) continue;
    push(content.slice(at, start), false);
    push(content.slice(start, Math.min(end, to)), true);
    at = Math.min(end, to);
  }
  push(content.slice(at, to), false);
  const head = parts[0]!;
  if (!head.mark) head.text = head.text.trimStart();
  const tail = parts.at(-1)!;
  if (!tail.mark) tail.text = tail.text.trimEnd();
  if (from > 0) {
    if (head.mark) parts.unshift({ text: ellipsis, mark: false });
    else head.text = ellipsis + head.text;
  }
  if (to < content.length) {
    if (tail.mark) parts.push({ text: ellipsis, mark: false });
    else tail.text += ellipsis;
  }
  return parts.filter((p) => p.text);
}

// ---- Synonyms (the table: src/site/synonyms.json) ----

/** Query word (folded as queries are) → the other words it also finds (folded, without itself). */
export type Synonyms = Record<string, string[]>;

// A query word expands to at most this many alternatives: each is one more exact search of the index.
const MAX_ALTERNATIVES = 16;

/**
 * The phrases that satisfy one query word (folded): itself, then the word with each table entry it holds
 * replaced by each of that entry's synonyms (研发奖补 → 研发奖励, 研发补助…). Longer entries first, so 资金支持
 * is taken whole before any shorter entry inside it.
 */
export function alternativesOf(term: string, synonyms: Synonyms): string[] {
  const found = [term];
  const keys = Object.keys(synonyms).sort((a, b) => b.length - a.length);
  for (const key of keys) {
    const at = term.indexOf(key);
    if (at < 0) continue;
    for (const other of synonyms[key]!) {
      const phrase = term.slice(0, at) + other + term.slice(at + key.length);
      if (!found.includes(phrase)) found.push(phrase);
      if (found.length >= MAX_ALTERNATIVES) return found;
    }
  }
  return found;
}

/** The synonyms as the search page carries them (a JSON data- attribute): anything malformed is left out. */
export function synonymsFromData(json: string | undefined): Synonyms {
  let value: unknown;
  try {
    value = JSON.parse(json ?? "{}");
  } catch {
    return {};
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const synonyms: Synonyms = {};
  for (const [key, words] of Object.entries(value)) {
    if (!key || !Array.isArray(words)) continue;
    const kept = words.filter((w): w is string => typeof w === "string" && w.length > 0);
    if (kept.length) synonyms[key] = kept;
  }
  return synonyms;
}

/**
 * Each Chinese word of a query (phraseTerms) with the phrases that satisfy it: itself first, then its synonyms'.
 * A result matches when it holds one phrase of every word.
 */
export function queryTerms(query: string, synonyms: Synonyms): string[][] {
  return phraseTerms(query).map((term) => alternativesOf(term, synonyms));
}

/**
 * Whether a text holds, for every word, one of its phrases: what a search must find, as the index's exact search
 * decides it (the oracle of test/e2e/search.test.ts and bench:scale).
 */
export function holdsTerms(content: string, terms: string[][]): boolean {
  const text = foldText(content).text;
  return terms.every((phrases) => phrases.some((p) => text.includes(p)));
}

/**
 * What Pagefind is asked for a query: one group per word, each a list of searches whose results together are the
 * pages holding that word. A Chinese word's group is its phrases (itself, then its synonyms') as exact queries; the
 * words without Chinese (5G, IPv6) are one plain search together, with Pagefind's stemming. A page is a result
 * when it is in every group (combineResults). An empty query (filters only) is one search of everything (null).
 */
export function searchPlan(query: string, terms: string[][]): (string | null)[][] {
  const plain = query.split(/\s+/u).filter((word) => word && !CJK.test(word));
  const groups: (string | null)[][] = terms.map((phrases) => phrases.map(exactQuery));
  if (plain.length) groups.push([plain.join(" ")]);
  return groups.length ? groups : [[null]];
}

/**
 * The results of a plan's searches (answers[group][search]) as one list: a page once, when every group found it,
 * scored by the sum over the groups of its best score in each, highest first (ties in the first group's order).
 */
export function combineResults<R extends { id: string; score: number }>(answers: readonly (readonly (readonly R[])[])[]): R[] {
  let kept: Map<string, { result: R; score: number }> | undefined;
  for (const group of answers) {
    const best = new Map<string, R>();
    for (const results of group) for (const r of results) if ((best.get(r.id)?.score ?? -Infinity) < r.score) best.set(r.id, r);
    if (!kept) {
      kept = new Map([...best].map(([id, result]) => [id, { result, score: result.score }]));
      continue;
    }
    for (const [id, entry] of kept) {
      const other = best.get(id);
      if (other) entry.score += other.score;
      else kept.delete(id);
    }
  }
  return [...(kept?.values() ?? [])].sort((a, b) => b.score - a.score).map((e) => e.result);
}

/** The synonyms of the query's words that it was also searched for, for the status line (奖励、补助). */
export function synonymsUsed(terms: string[][]): string[] {
  return [...new Set(terms.flatMap((phrases) => phrases.slice(1)))];
}
