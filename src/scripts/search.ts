// Search page enhancement: runs the query and filters from the form through Pagefind's JS API and lists the
// results. Only text and <mark> reach the page (see appendExcerpt).
//
// Typing: once Pagefind is loaded every input searches at once, and only the latest query's answer is shown (each
// run has a generation number; an older run stops at its next step). Before it is loaded, focusing the box or
// typing starts loading it and the query runs as soon as it is ready. While an input method composes (pinyin
// letters in the box) nothing is searched; the committed text is, on compositionend.
//
// Phrases: a Chinese word of the query is matched as typed, by the index: each is asked as Pagefind's exact phrase
// of its characters, which the indexer made words of their own (src/site/search-text.ts); the words of a query are
// searched apart and a page is a result when it holds all of them (searchPlan, combineResults). The count is exact
// from the first answer, and only the fragments of the results shown are loaded, ten at a time.
//
// Synonyms (src/site/synonyms.json, carried by the form's data-search-synonyms): a Chinese word of the query is
// held by a result that holds it or one of its synonyms (奖补: 奖励, 补助…); each is one more exact search of the
// word's group, and the status line names the synonyms used. A search that finds nothing
// suggests the nearest words the site knows (search/terms.json, fetched then) as ordinary search links.
//
// Other sites (SEARCH_SITES, carried by the form's data-search-sites): this site's index loads on its own and
// answers at once; a second Pagefind instance merges this site's index with each other site's (Pagefind's
// mergeIndex, each index tagged with the site filter through mergeFilter) and, once every site has answered or
// been given up after SITE_TIMEOUT_MS, takes over and the latest search runs again. A site that does not answer
// (down, 404, refused by CORS or the CSP, too slow) is left out of the merge and named in a polite live region;
// the results of the others still show. Results are labelled with their site (by their absolute address).
//
// The form records what ran, for tests and benchmarks: data-search-query-count (searches started),
// data-last-query (the query of the latest one) and, with other sites, data-search-merged (the other sites whose
// indexes answered the latest search announced, comma-separated; empty when this site's answered alone).
import { searchStrings } from "../site/strings.ts";
import {
  CHAPTER_SEPARATOR,
  chapterOrdinal,
  combineResults,
  filtersFromParams,
  pagefindBundle,
  phraseExcerpt,
  queryTerms,
  SEARCH_PARTS_FILE,
  searchFilterKeys,
  searchPartsFromJson,
  searchPlan,
  searchSitesFromData,
  siteFilterKey,
  siteOfUrl,
  synonymsFromData,
  synonymsUsed,
} from "../site/search.ts";
import type { SearchFilterKey, SiteFilterKey } from "../site/search.ts";
import { unspaced } from "../site/search-text.ts";
import type { SearchSite } from "../site/config.ts";
import { paths, withBase } from "../site/paths.ts";

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
type PagefindResult = { id: string; score: number; data(): Promise<PagefindResultData> };
interface PagefindSearch {
  results: PagefindResult[];
}
/** One Pagefind instance: the module's own, or one made with createInstance (both run in Pagefind's worker). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearch | null>;
  mergeIndex(bundle: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}
interface PagefindModule extends Pagefind {
  createInstance(options?: Record<string, unknown>): Pagefind;
}

// Each shown result costs one fragment request; ten fill a phone screen and keep the first answer quick.
const PAGE_SIZE = 10;
// Another site that has not answered (its index merged) in this long is given up for this page view and named.
const SITE_TIMEOUT_MS = 4000;
const base = import.meta.env.BASE_URL;
const s = searchStrings;

const form = document.querySelector<HTMLFormElement>("[data-search-form]");
const input = document.querySelector<HTMLInputElement>("[data-search-input]");
const status = document.querySelector<HTMLElement>("[data-search-status]");
const list = document.querySelector<HTMLOListElement>("[data-search-results]");
const notice = document.querySelector<HTMLElement>("[data-search-sites-notice]");
const suggestions = document.querySelector<HTMLElement>("[data-search-suggestions]");
const selects = new Map<SearchFilterKey | SiteFilterKey, HTMLSelectElement>();
for (const key of [...searchFilterKeys, siteFilterKey]) {
  const select = document.querySelector<HTMLSelectElement>(`[data-search-filter="${key}"]`);
  if (select) selects.set(key, select);
}
/** This site's name and the other sites searched with it (none: this site alone, as without SEARCH_SITES). */
const siteName = form?.dataset["searchSiteName"] ?? "";
const otherSites: SearchSite[] = searchSitesFromData(form?.dataset["searchSites"]);
/** The synonym table (src/site/synonyms.json): a query word also finds its synonyms. */
const synonyms = synonymsFromData(form?.dataset["searchSynonyms"]);
// The index stores root-relative URLs; results must point under BASE_PATH. With other sites, this site's
// results carry the site filter too.
const ownOptions = { baseUrl: base, ...(otherSites.length ? { mergeFilter: { [siteFilterKey]: siteName } } : {}) };

let modulePromise: Promise<PagefindModule> | undefined;
function loadModule(): Promise<PagefindModule> {
  modulePromise ??= import(/* @vite-ignore */ withBase(base, paths.pagefind())) as Promise<PagefindModule>;
  modulePromise.catch(() => (modulePromise = undefined));
  return modulePromise;
}

/**
 * The other parts of the index in the bundle at `bundle` (a large site's index is written in parts; see
 * src/site/search.ts): none when its parts file says so or is missing (a site built before parts). Revalidated,
 * so a cached file never names parts a rebuild removed.
 */
async function partsOf(bundle: string, signal?: AbortSignal): Promise<string[]> {
  const response = await fetch(new URL(SEARCH_PARTS_FILE, bundle), { cache: "no-cache", signal });
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`${bundle}${SEARCH_PARTS_FILE}: ${response.status}`);
  return searchPartsFromJson(await response.text(), bundle);
}

const ownBundle = new URL(withBase(base, paths.pagefindBundle()), location.href).href;
let ownPartsPromise: Promise<string[]> | undefined;
function ownParts(): Promise<string[]> {
  ownPartsPromise ??= partsOf(ownBundle);
  ownPartsPromise.catch(() => (ownPartsPromise = undefined));
  return ownPartsPromise;
}

/** Merges this site's other parts into an instance, so that every search of it covers the whole index. */
async function mergeOwnParts(instance: Pagefind): Promise<void> {
  for (const part of await ownParts()) await instance.mergeIndex(part, ownOptions);
}

/** This site's index alone: it answers whatever the other sites do. */
let pagefindPromise: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const pagefind = await loadModule();
    await pagefind.options(ownOptions);
    await pagefind.init();
    await mergeOwnParts(pagefind);
    // The other sites load once this site's index is on its way (never before it, so its results never wait).
    if (otherSites.length) void loadMerged();
    return pagefind;
  })();
  // A failed load is retried by the next search rather than remembered.
  pagefindPromise.catch(() => (pagefindPromise = undefined));
  return pagefindPromise;
}

// ---- Other sites ----

/** The instance holding this site's index and every other site's that answered; set once it is ready. */
let merged: Pagefind | undefined;
let mergedPromise: Promise<Pagefind | undefined> | undefined;
/** The other sites in `merged`. */
let mergedSites: SearchSite[] = [];
/** Other sites that did not answer (named in the notice), left out of the merge for this page view. */
const unanswered = new Set<string>();
/** Whether the latest run was answered by this site's index alone while other sites were still loading. */
let lastRunLocal = false;
/**
 * Filter choices from the address that this site's index does not have: another site's may (its choices join the
 * selects once it is merged). Until then they filter as they are, so this site's index answers none.
 */
let pendingParams: Record<string, string> = {};
let mergedRebuilt = false;

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timed out")), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Merges the other sites' indexes into a second instance. Each mergeIndex that fails or takes longer than
 * SITE_TIMEOUT_MS names its site; since Pagefind keeps a failed index among those every search waits for, that
 * instance is dropped and a new one merges the sites that answered.
 */
function loadMerged(): Promise<Pagefind | undefined> {
  mergedPromise ??= (async () => {
    const pagefind = await loadModule();
    let sites = otherSites.filter((site) => !unanswered.has(site.name));
    while (sites.length) {
      const instance = pagefind.createInstance(ownOptions);
      try {
        // An empty query returns once this site's index is loaded, so the time limit counts the other sites only.
        await mergeOwnParts(instance);
        await instance.search("");
      } catch {
        void instance.destroy();
        mergedPromise = undefined;
        return undefined;
      }
      const answered = await Promise.all(
        sites.map((site) =>
          within(SITE_TIMEOUT_MS, mergeSite(instance, site)).then(
            () => true,
            () => false,
          ),
        ),
      );
      const failed = sites.filter((_, i) => !answered[i]);
      if (failed.length === 0) {
        merged = instance;
        mergedSites = sites;
        await onMerged(instance);
        return instance;
      }
      void instance.destroy();
      noteUnanswered(failed);
      sites = sites.filter((_, i) => answered[i]);
    }
    return undefined;
  })();
  return mergedPromise;
}

/** Merges another site's index, every part of it, into an instance. */
async function mergeSite(instance: Pagefind, site: SearchSite): Promise<void> {
  const bundle = pagefindBundle(site);
  const options = { baseUrl: site.url, mergeFilter: { [siteFilterKey]: site.name } };
  const parts = await partsOf(bundle, AbortSignal.timeout(SITE_TIMEOUT_MS));
  for (const index of [bundle, ...parts]) await instance.mergeIndex(index, options);
}

/** The merged instance is ready: the other sites' filter choices join the selects, and the latest search runs again. */
async function onMerged(instance: Pagefind): Promise<void> {
  const choices = await within(SITE_TIMEOUT_MS, instance.filters()).catch(() => ({}) as Record<string, Record<string, number>>);
  for (const key of searchFilterKeys) {
    const select = selects.get(key);
    // A large library's chapters come with the chosen list (fillChapters), the other sites' too.
    if (!select || (key === "chapter" && chaptersByList)) continue;
    const have = new Set([...select.options].map((o) => o.value));
    for (const value of Object.keys(choices[key] ?? {})) {
      if (have.has(value)) continue;
      appendChoice(select, key, value);
      have.add(value);
    }
    const wanted = pendingParams[key];
    if (wanted && have.has(wanted)) select.value = wanted;
  }
  // A choice no site has is dropped, as the page does without other sites.
  pendingParams = {};
  // Not while the reader is in the results (a "more" pressed): the next search includes the other sites.
  if (lastRunLocal && !list?.contains(document.activeElement)) void run();
}

/** Another site's filter choice joins a select; a chapter goes under its list, as this site's chapters do. */
function appendChoice(select: HTMLSelectElement, key: SearchFilterKey, value: string): void {
  const at = key === "chapter" ? value.indexOf(CHAPTER_SEPARATOR) : -1;
  if (at < 0) return void select.append(new Option(value, value));
  const list = value.slice(0, at);
  let group = [...select.querySelectorAll("optgroup")].find((g) => g.label === list);
  if (!group) {
    group = document.createElement("optgroup");
    group.label = list;
    select.append(group);
  }
  group.append(new Option(value.slice(at + CHAPTER_SEPARATOR.length), value));
}

function noteUnanswered(sites: readonly SearchSite[]): void {
  for (const site of sites) unanswered.add(site.name);
  if (!notice || unanswered.size === 0) return;
  const message = document.createElement("p");
  message.className = "notice";
  message.textContent = s.sitesUnanswered([...unanswered]);
  notice.replaceChildren(message);
}

/** Asks each merged site for its entry file; those that do not answer are named. */
async function checkSites(): Promise<void> {
  const down = await Promise.all(
    mergedSites.map((site) =>
      fetch(new URL("pagefind-entry.json", pagefindBundle(site)), { cache: "no-store", signal: AbortSignal.timeout(SITE_TIMEOUT_MS) }).then(
        (response) => !response.ok,
        () => true,
      ),
    ),
  );
  noteUnanswered(mergedSites.filter((_, i) => down[i]));
}

/** A search of the merged instance failed: this site answers alone, and the sites that still answer are merged again (once). */
function dropMerged(): void {
  merged = undefined;
  mergedPromise = undefined;
  if (mergedRebuilt) return noteUnanswered(mergedSites);
  mergedRebuilt = true;
  void checkSites().then(() => loadMerged());
}

/**
 * The instance to search: the merged one when ready; before, this site's, unless the filters ask for what only
 * the other sites have (their site, or a choice from the address this site lacks): then the merged one once
 * the other sites have answered or been given up.
 */
async function instanceFor(filters: Record<string, string>): Promise<Pagefind> {
  const local = await loadPagefind();
  if (merged || !otherSites.length) return merged ?? local;
  const site = filters[siteFilterKey];
  if ((site && site !== siteName && !unanswered.has(site)) || Object.keys(pendingParams).length) return (await loadMerged()) ?? local;
  return local;
}

function currentFilters(): Record<string, string> {
  const filters: Record<string, string> = { ...pendingParams };
  for (const [key, select] of selects) if (select.value) filters[key] = select.value;
  return filters;
}

/** Keeps the address bar in step with the form, so a search can be bookmarked or reloaded. */
function syncUrl(query: string, filters: Record<string, string>): void {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [key, value] of Object.entries(filters)) params.set(key, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

/**
 * Copies Pagefind's excerpt (HTML with <mark>) as text nodes and <mark> elements only, unspaced: as one text, with a
 * control character where the nodes meet, so a space the indexer put beside a mark's edge goes too.
 */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html");
  const nodes = [...parsed.body.childNodes];
  const texts = unspaced(nodes.map((node) => (node.textContent ?? "").replaceAll("\u0001", "")).join("\u0001")).split("\u0001");
  nodes.forEach((node, i) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = texts[i] ?? "";
      target.append(mark);
    } else {
      target.append(document.createTextNode(texts[i] ?? ""));
    }
  });
}

function renderResult(data: PagefindResultData, phrases: string[]): HTMLLIElement {
  const item = document.createElement("li");
  const type = data.meta["type"] === "unit" ? "unit" : "task";
  item.className = "search-result";
  item.dataset["resultType"] = type;
  const link = document.createElement("a");
  link.href = data.url;
  link.className = "search-result__link";
  if (type === "task" && data.meta["number"]) {
    const number = document.createElement("span");
    number.className = "task-number";
    number.textContent = data.meta["number"];
    link.append(number, " ");
  }
  const title = data.meta["title"] ?? data.url;
  link.append(title);
  const heading = document.createElement("h2");
  heading.className = "search-result__title";
  heading.append(link);
  if (type === "unit") {
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = s.typeUnit;
    heading.append(" ", badge);
  }
  if (otherSites.length) {
    const site = siteOfUrl(data.url, otherSites)?.name ?? siteName;
    item.dataset["resultSite"] = site;
    const label = document.createElement("span");
    label.className = "badge search-result__site";
    const hint = document.createElement("span");
    hint.className = "visually-hidden";
    hint.textContent = s.siteLabel;
    label.append(hint, site);
    heading.append(" ", label);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  // A phrase query marks the phrase where it stands (Pagefind would mark its characters wherever they are).
  // The title opens the content (a long one cut short with an ellipsis): the excerpt prefers a place after it.
  const head = title.replace(/…$/u, "");
  const titleAt = head ? data.content.indexOf(head) : -1;
  const parts = phrases.length
    ? phraseExcerpt(data.content, phrases, { ellipsis: s.excerptEllipsis, after: titleAt >= 0 ? titleAt + head.length : 0 })
    : [];
  if (parts.length === 0) appendExcerpt(excerpt, data.excerpt);
  for (const part of parts) {
    if (part.mark) {
      const mark = document.createElement("mark");
      mark.textContent = part.text;
      excerpt.append(mark);
    } else {
      excerpt.append(document.createTextNode(part.text));
    }
  }
  // Which government's list the result comes from: two cities' lists share titles and department names.
  const source = [data.meta["government"], data.meta["list"]].filter((x): x is string => Boolean(x)).join(" · ");
  if (source) {
    const from = document.createElement("p");
    from.className = "search-result__source muted";
    from.textContent = source;
    item.append(heading, from, excerpt);
  } else item.append(heading, excerpt);
  return item;
}

/**
 * A search's results, every one known from the start (the index decided them), their fragments loaded a page at a
 * time as they are shown. A fragment that cannot be loaded (another site gone since its index was merged) drops
 * its result from the page and the count.
 */
class ResultPages {
  /** How many results have been loaded (shown or dropped). */
  read = 0;
  /** How many of them could not be loaded. */
  unloaded = 0;

  constructor(
    private readonly results: PagefindResult[],
    /** Each Chinese word of the query with its synonyms: what a result's excerpt marks. */
    readonly terms: string[][],
  ) {}

  /** Every phrase of the query's words, synonyms included. */
  get phrases(): string[] {
    return this.terms.flat();
  }

  get count(): number {
    return this.results.length - this.unloaded;
  }

  get hasMore(): boolean {
    return this.read < this.results.length;
  }

  /** The next page of results, as the index gives them back (unspaced). */
  async next(): Promise<PagefindResultData[]> {
    const batch = this.results.slice(this.read, this.read + PAGE_SIZE);
    this.read += batch.length;
    const loaded = await Promise.all(batch.map((r) => r.data().then(readable, () => undefined)));
    const data = loaded.filter((d): d is PagefindResultData => d !== undefined);
    this.unloaded += loaded.length - data.length;
    return data;
  }
}

/**
 * A result as the page shows it: its content without the spaces the indexer put in (its metadata come from
 * attributes, never spaced; the excerpt is HTML, whose text nodes appendExcerpt unspaces).
 */
function readable(data: PagefindResultData): PagefindResultData {
  return { ...data, content: unspaced(data.content) };
}

let generation = 0;
let searches = 0;
/** The query and filters of the latest run, so an input that changes nothing (an IME's last event) is not rerun. */
let lastKey: string | undefined;

function announce(pages: ResultPages): void {
  if (!status) return;
  const found = pages.count === 0 ? s.empty : s.count(pages.count);
  const also = synonymsUsed(pages.terms);
  status.textContent = also.length && pages.count > 0 ? `${found}${s.withSynonyms(also)}` : found;
}

/** The plan's searches (searchPlan) run on one instance, their results combined. Null when it gave no answer. */
async function searchPlanned(pagefind: Pagefind, plan: (string | null)[][], filters: Record<string, string>): Promise<PagefindResult[] | null> {
  const answers = await Promise.all(plan.map((group) => Promise.all(group.map((q) => pagefind.search(q, { filters })))));
  if (answers.some((group) => group.some((search) => !search))) return null;
  return combineResults(answers.map((group) => group.map((search) => search!.results)));
}

let suggesterPromise: Promise<(query: string) => string[]> | undefined;
/**
 * The nearest-word finder over the words the site knows (search/terms.json), loaded, with its code, the first time
 * a search finds nothing: most searches find something and never pay for it.
 */
function suggester(): Promise<(query: string) => string[]> {
  const url = form?.dataset["searchTerms"];
  suggesterPromise ??= (async () => {
    const { nearestTerms, termsFromJson } = await import("../site/suggest.ts");
    const text = url ? await fetch(url).then((r) => (r.ok ? r.text() : ""), () => "") : "";
    const terms = termsFromJson(text);
    return (query: string) => nearestTerms(query, terms);
  })();
  suggesterPromise.catch(() => (suggesterPromise = undefined));
  return suggesterPromise;
}

/** A search link of the suggestions: an ordinary link to the search page, so it opens, bookmarks and shares. */
function searchLink(query: string, filters: Record<string, string>, text: string): HTMLAnchorElement {
  const link = document.createElement("a");
  const params = new URLSearchParams(query ? { q: query, ...filters } : filters);
  link.href = `?${params}`;
  link.textContent = text;
  return link;
}

/** With no results: the nearest words the site knows, and the query without its filters when it has some. */
async function suggest(query: string, filters: Record<string, string>, current: () => boolean): Promise<void> {
  if (!suggestions) return;
  const near = query ? (await suggester())(query) : [];
  if (!current()) return;
  const blocks: HTMLElement[] = [];
  if (near.length) {
    const heading = document.createElement("p");
    heading.textContent = s.suggestHeading;
    const items = document.createElement("ul");
    items.className = "search-suggestions__terms";
    for (const term of near) {
      const item = document.createElement("li");
      item.append(searchLink(term, filters, term));
      items.append(item);
    }
    blocks.push(heading, items);
  }
  if (query && Object.keys(filters).length) {
    const widen = document.createElement("p");
    widen.append(searchLink(query, {}, s.suggestWithoutFilters(query)));
    blocks.push(widen);
  }
  suggestions.replaceChildren(...blocks);
  suggestions.hidden = blocks.length === 0;
}

async function run(): Promise<void> {
  if (!form || !input || !status || !list) return;
  const mine = ++generation;
  const current = () => mine === generation;
  const query = input.value.trim();
  const filters = currentFilters();
  lastKey = JSON.stringify([query, filters]);
  syncUrl(query, filters);
  if (suggestions) {
    suggestions.hidden = true;
    suggestions.replaceChildren();
  }
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    list.setAttribute("aria-busy", "false");
    status.textContent = "";
    return;
  }
  form.dataset["searchQueryCount"] = String(++searches);
  form.dataset["lastQuery"] = query;
  status.textContent = s.loading;
  list.setAttribute("aria-busy", "true");
  try {
    let pagefind = await instanceFor(filters);
    if (!current()) return;
    lastRunLocal = otherSites.length > 0 && pagefind !== merged;
    const terms = queryTerms(query, synonyms);
    const plan = searchPlan(query, terms);
    let results: PagefindResult[] | null;
    try {
      results = await searchPlanned(pagefind, plan, filters);
    } catch (error) {
      if (pagefind !== merged) throw error;
      dropMerged();
      pagefind = await loadPagefind();
      lastRunLocal = true;
      results = await searchPlanned(pagefind, plan, filters);
    }
    if (!current() || !results) return;
    const pages = new ResultPages(results, terms);
    const first = await pages.next();
    if (!current()) return;
    list.replaceChildren(...first.map((d) => renderResult(d, pages.phrases)));
    if (pages.hasMore) list.append(moreButton(pages));
    if (pages.unloaded > 0) void checkSites();
    list.setAttribute("aria-busy", "false");
    if (otherSites.length) form.dataset["searchMerged"] = pagefind === merged ? mergedSites.map((site) => site.name).join(",") : "";
    // Announced once the results are on the page (the status is a live region).
    announce(pages);
    if (pages.count === 0) void suggest(query, filters, current);
  } catch (error) {
    if (!current()) return;
    list.setAttribute("aria-busy", "false");
    status.textContent = s.failed;
    lastKey = undefined;
    throw error;
  }
}

/** The "more" button: the next page of results. */
function moreButton(pages: ResultPages): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-results__more";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = s.more;
  const mine = generation;
  button.addEventListener("click", async () => {
    if (!list) return;
    button.disabled = true;
    list.setAttribute("aria-busy", "true");
    const unloaded = pages.unloaded;
    const items = (await pages.next()).map((d) => renderResult(d, pages.phrases));
    if (mine !== generation) return;
    item.replaceWith(...items);
    if (pages.hasMore) list.append(moreButton(pages));
    list.setAttribute("aria-busy", "false");
    // Focus moves to the first new result, where the button was (or to the next button, if none could be loaded).
    (items[0]?.querySelector("a") ?? list.querySelector<HTMLButtonElement>(".search-results__more button"))?.focus();
    // A result that could not be loaded lowers the count: it is given again.
    if (pages.unloaded > unloaded) announce(pages);
  });
  item.append(button);
  return item;
}

// A large library's chapter select starts empty (src/components/search/SearchPanel.astro): it holds the chosen
// list's chapters, read from the index's chapter filter, in the list's order.
const chapterSelect = selects.get("chapter");
const chaptersByList = chapterSelect?.dataset["searchChaptersByList"] !== undefined;

/** Fills the chapter select with the chosen list's chapters (`wanted` chosen when it is one); empty without a list. */
async function fillChapters(wanted?: string): Promise<void> {
  if (!chapterSelect || !chaptersByList) return;
  const list = selects.get("document")?.value ?? "";
  const prompt = chapterSelect.options[0]!;
  chapterSelect.replaceChildren(prompt);
  if (!list) return;
  const pagefind = await instanceFor(currentFilters());
  const prefix = `${list}${CHAPTER_SEPARATOR}`;
  const values = Object.keys((await pagefind.filters())["chapter"] ?? {})
    .filter((v) => v.startsWith(prefix))
    .sort((a, b) => chapterOrdinal(a.slice(prefix.length)) - chapterOrdinal(b.slice(prefix.length)) || (a < b ? -1 : a > b ? 1 : 0));
  // Another choice may have been made while the index answered.
  if ((selects.get("document")?.value ?? "") !== list) return;
  for (const value of values) chapterSelect.append(new Option(value.slice(prefix.length), value));
  if (wanted && values.includes(wanted)) chapterSelect.value = wanted;
}

/** Runs the search unless the query and filters are those of the latest run. */
function runIfChanged(): void {
  if (!input) return;
  if (JSON.stringify([input.value.trim(), currentFilters()]) !== lastKey) void run();
}

if (form && input) {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  let wantedChapter: string | undefined;
  for (const [key, value] of Object.entries(filtersFromParams(params))) {
    const select = selects.get(key as SearchFilterKey | SiteFilterKey);
    if (key === "chapter" && chaptersByList) wantedChapter = value;
    else if (select && [...select.options].some((o) => o.value === value)) select.value = value;
    else if (select && otherSites.length) pendingParams[key] = value;
  }
  // Enter after typing sends the query the box has already run: nothing changes unless the last run failed.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    runIfChanged();
  });
  // Pagefind's wasm and index load while the reader is still typing, not after the query is sent.
  input.addEventListener("focus", () => void loadPagefind().catch(() => {}), { once: true });
  let composing = false;
  input.addEventListener("compositionstart", () => {
    composing = true;
    void loadPagefind().catch(() => {});
  });
  input.addEventListener("compositionend", () => {
    composing = false;
    runIfChanged();
  });
  input.addEventListener("input", (event) => {
    // Pinyin letters in the box are not the query yet: wait for the input method to commit.
    if ((event as InputEvent).isComposing || composing) return;
    runIfChanged();
  });
  for (const [key, select] of selects) {
    select.addEventListener("change", async () => {
      delete pendingParams[key];
      // A new list, new chapters: the chapter chosen under the last one no longer applies.
      if (key === "document" && chaptersByList) await fillChapters();
      void run();
    });
  }
  if (wantedChapter !== undefined && selects.get("document")?.value) void fillChapters(wantedChapter).then(() => run());
  else if (input.value || Object.keys(currentFilters()).length > 0) void run();
}
