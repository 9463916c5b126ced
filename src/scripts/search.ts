// Search page enhancement: runs the query and filters from the form through Pagefind's JS API and lists
// the results. Only text and <mark> from Pagefind's excerpts reach the page (see appendExcerpt).
import { strings } from "../site/strings.ts";
import { filtersFromParams, searchFilterKeys } from "../site/search.ts";
import type { SearchFilterKey } from "../site/search.ts";
import { paths, withBase } from "../site/paths.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: Array<{ id: string; data(): Promise<PagefindResultData> }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearch | null>;
  preload(term: string, options?: { filters?: Record<string, string> }): Promise<void>;
}

// Each shown result costs one fragment request; ten fill a phone screen and keep the first answer quick.
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;
const base = import.meta.env.BASE_URL;
const s = strings.search;

const form = document.querySelector<HTMLFormElement>("[data-search-form]");
const input = document.querySelector<HTMLInputElement>("[data-search-input]");
const status = document.querySelector<HTMLElement>("[data-search-status]");
const list = document.querySelector<HTMLOListElement>("[data-search-results]");
const selects = new Map<SearchFilterKey, HTMLSelectElement>();
for (const key of searchFilterKeys) {
  const select = document.querySelector<HTMLSelectElement>(`[data-search-filter="${key}"]`);
  if (select) selects.set(key, select);
}

let pagefindPromise: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ withBase(base, paths.pagefind()))) as Pagefind;
    // The index stores root-relative URLs; results must point under BASE_PATH.
    await pagefind.options({ baseUrl: base });
    await pagefind.init();
    return pagefind;
  })();
  return pagefindPromise;
}

function currentFilters(): Record<string, string> {
  const filters: Record<string, string> = {};
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

/** Copies Pagefind's excerpt (HTML with <mark>) as text nodes and <mark> elements only. */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html");
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(document.createTextNode(node.textContent ?? ""));
    }
  }
}

function renderResult(data: PagefindResultData): HTMLLIElement {
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
  link.append(data.meta["title"] ?? data.url);
  const heading = document.createElement("h2");
  heading.className = "search-result__title";
  heading.append(link);
  if (type === "unit") {
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = s.typeUnit;
    heading.append(" ", badge);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  appendExcerpt(excerpt, data.excerpt);
  item.append(heading, excerpt);
  return item;
}

let generation = 0;

async function run(): Promise<void> {
  if (!input || !status || !list) return;
  const mine = ++generation;
  const query = input.value.trim();
  const filters = currentFilters();
  syncUrl(query, filters);
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = s.loading;
  try {
    const pagefind = await loadPagefind();
    const search = await pagefind.search(query || null, { filters });
    if (mine !== generation || !search) return;
    list.replaceChildren();
    await showMore(search.results, 0, mine);
    // Announced once the results are on the page (the status is a live region).
    if (mine === generation) status.textContent = search.results.length === 0 ? s.empty : s.count(search.results.length);
  } catch (error) {
    if (mine !== generation) return;
    status.textContent = s.failed;
    throw error;
  }
}

async function showMore(results: PagefindSearch["results"], from: number, mine: number): Promise<void> {
  if (!list) return;
  const page = await Promise.all(results.slice(from, from + PAGE_SIZE).map((r) => r.data()));
  if (mine !== generation) return;
  list.append(...page.map(renderResult));
  const next = from + PAGE_SIZE;
  if (next < results.length) {
    const item = document.createElement("li");
    item.className = "search-results__more";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = s.more;
    button.addEventListener("click", () => {
      item.remove();
      void showMore(results, next, mine);
    });
    item.append(button);
    list.append(item);
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
function runSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), DEBOUNCE_MS);
}

if (form && input) {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  for (const [key, value] of Object.entries(filtersFromParams(params))) {
    const select = selects.get(key as SearchFilterKey);
    if (select && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  // Pagefind's wasm and index load while the reader is still typing, not after the query is sent.
  input.addEventListener("focus", () => void loadPagefind(), { once: true });
  input.addEventListener("input", () => {
    const term = input.value.trim();
    if (term) void loadPagefind().then((pagefind) => pagefind.preload(term, { filters: currentFilters() }));
    runSoon();
  });
  for (const select of selects.values()) select.addEventListener("change", () => void run());
  if (input.value || Object.keys(currentFilters()).length > 0) void run();
}
