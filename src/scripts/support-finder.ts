// Support finder (progressive enhancement): on every change hides the cards that do not match the chosen list,
// stage, topic and level, hides topic groups left empty, and announces the count. Which stages, topics, level and
// list a card matches was decided at build time (data-stages / data-topics / data-level / data-list); this script
// only compares. The form and the count are in the page from the first paint (CSS hides the form when scripts do
// not run), so nothing shifts when this script arrives. The choice is kept in the address (?list=…&stage=…) so a
// filtered list can be shared. On a list's own page (data-support-scope) the page holds that list's cards only:
// choosing another list goes to that list's page (or to the finder over every list), keeping the other choices.
const form = document.querySelector<HTMLFormElement>("[data-support-form]");
const status = document.querySelector<HTMLElement>("[data-support-count]");
const FILTERS = { list: "list", stage: "stages", topic: "topics", level: "level" } as const;
type FilterName = keyof typeof FILTERS;
const NAMES = Object.keys(FILTERS) as FilterName[];
/** The list a list's own page is limited to; undefined on the finder over every list. */
const scope = form?.dataset["supportScope"];

function select(name: FilterName): HTMLSelectElement | null | undefined {
  return form?.querySelector<HTMLSelectElement>(`select[data-support-filter="${name}"]`);
}

function selected(name: FilterName): string {
  return select(name)?.value ?? "";
}

function matches(card: HTMLElement, name: FilterName, value: string): boolean {
  return value === "" || (card.dataset[FILTERS[name]] ?? "").split(" ").includes(value);
}

/** `base` with every chosen filter in its query; the list too when `withList` (not on a list's own page). */
function addressFor(base: string, withList: boolean): URL {
  const url = new URL(base, location.href);
  for (const name of NAMES) {
    const value = selected(name);
    if (value && (name !== "list" || withList)) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  return url;
}

function apply(): void {
  const choice = NAMES.map((name) => [name, selected(name)] as const);
  let shown = 0;
  for (const card of document.querySelectorAll<HTMLElement>("[data-support-card]")) {
    card.hidden = !choice.every(([name, value]) => matches(card, name, value));
    if (!card.hidden) shown++;
  }
  for (const group of document.querySelectorAll<HTMLElement>("[data-support-group]")) {
    group.hidden = group.querySelector("[data-support-card]:not([hidden])") === null;
  }
  if (status) status.textContent = (status.dataset["countTemplate"] ?? "{n}").replace("{n}", String(shown));
  history.replaceState(null, "", addressFor(location.href, scope === undefined));
}

/** On a list's own page, another list is another page, and so is an older list on the finder over every list: go there. */
function leaveScope(): boolean {
  const list = select("list");
  if (!list || (scope === undefined ? list.value === "" || list.selectedOptions[0]?.dataset["here"] !== undefined : list.value === scope)) return false;
  const path = list.selectedOptions[0]?.dataset["path"];
  if (!path) return false;
  location.assign(addressFor(path, false));
  return true;
}

if (form) {
  const params = new URLSearchParams(location.search);
  for (const name of NAMES) {
    const box = select(name);
    // A list's own page keeps its list chosen, whatever the address or a restored form says.
    const wanted = name === "list" && scope !== undefined ? scope : params.get(name);
    if (box && wanted && [...box.options].some((o) => o.value === wanted)) box.value = wanted;
  }
  form.addEventListener("change", () => {
    if (!leaveScope()) apply();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!leaveScope()) apply();
  });
  // "reset" fires before the selects are reset; apply once they are (the list select goes back to the page's list).
  form.addEventListener("reset", () => setTimeout(apply, 0));
  // A shared address, or a choice the browser restored (reload, back): filter now. Else the page is already right.
  const chosen = NAMES.some((name) => selected(name) !== (name === "list" ? (scope ?? "") : ""));
  // An address naming an older list (not on the finder over every list) goes to that list's page.
  if ((chosen || NAMES.some((name) => params.has(name))) && !leaveScope()) apply();
  // Back from another list's page: the page comes from the back/forward cache with that list chosen.
  addEventListener("pageshow", (event) => {
    const list = select("list");
    if (event.persisted && scope !== undefined && list && list.value !== scope) list.value = scope;
  });
}

export {}; // a module: its names stay out of the global scope
