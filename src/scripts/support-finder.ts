// Support finder (progressive enhancement): on every change hides the cards that do not match the chosen
// government, stage, kind of benefit, department and words; hides groups and parts left empty, opens the groups
// that hold matches while a choice is made (as the page loads otherwise), and announces the count.
// Which stages, kinds, government and departments a card matches was decided at build time (data-*); this script
// only compares. The choices are kept in the address (?gov=…&stage=…&kind=…&unit=…&q=…), so a link opens the page
// filtered.
const form = document.querySelector<HTMLFormElement>("[data-support-form]");
const status = document.querySelector<HTMLElement>("[data-support-count]");
/** Each select's data attribute on a card (space-separated ids). */
const SELECTS = { gov: "gov", stage: "stages", kind: "kinds", unit: "units" } as const;
type SelectName = keyof typeof SELECTS;
const NAMES = Object.keys(SELECTS) as SelectName[];
const PARAMS = [...NAMES, "q"] as const;

const field = (name: string) => form?.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-support-filter="${name}"]`);
const value = (name: string) => field(name)?.value.trim() ?? "";
/** Words compared without spaces or case: 小 巨人 finds 小巨人. */
const fold = (text: string) => text.replace(/\s+/g, "").toLowerCase();

function matches(card: HTMLElement, query: string): boolean {
  for (const name of NAMES) {
    const wanted = value(name);
    if (wanted && !(card.dataset[SELECTS[name]] ?? "").split(" ").includes(wanted)) return false;
  }
  return query === "" || fold(card.textContent ?? "").includes(query);
}

function apply(): void {
  const query = fold(value("q"));
  const chosen = PARAMS.some((name) => value(name) !== "");
  let shown = 0;
  for (const card of document.querySelectorAll<HTMLElement>("[data-support-card]")) {
    card.hidden = !matches(card, query);
    if (!card.hidden) shown++;
  }
  for (const part of document.querySelectorAll<HTMLElement>("[data-support-part]")) {
    part.hidden = part.querySelector("[data-support-card]:not([hidden])") === null;
  }
  for (const group of document.querySelectorAll<HTMLDetailsElement>("[data-support-group]")) {
    const count = group.querySelectorAll("[data-support-card]:not([hidden])").length;
    group.hidden = count === 0;
    // While a choice is made every group with matches opens; without one, the groups as the page loads them.
    group.open = chosen ? count > 0 : group.dataset["defaultOpen"] !== undefined;
    const counter = group.querySelector<HTMLElement>("[data-group-count]");
    if (counter) counter.textContent = counter.textContent!.replace(/\d+/, String(count));
  }
  if (status) status.textContent = (status.dataset["countTemplate"] ?? "{n}").replace("{n}", String(shown));
  const url = new URL(location.href);
  for (const name of PARAMS) {
    if (value(name)) url.searchParams.set(name, value(name));
    else url.searchParams.delete(name);
  }
  history.replaceState(null, "", url);
}

if (form) {
  const params = new URLSearchParams(location.search);
  for (const name of PARAMS) {
    const box = field(name);
    const wanted = params.get(name);
    if (!box || !wanted) continue;
    if (box instanceof HTMLSelectElement && ![...box.options].some((o) => o.value === wanted)) continue;
    box.value = wanted;
  }
  form.addEventListener("change", apply);
  form.addEventListener("input", (event) => {
    if ((event.target as HTMLElement).matches("input[type=search]")) apply();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  // "reset" fires before the fields are reset; apply once they are.
  form.addEventListener("reset", () => setTimeout(apply, 0));
  // A shared address, or a choice the browser restored (reload, back): filter now. Else the page is already right.
  if (PARAMS.some((name) => value(name) !== "")) apply();
}

export {}; // a module: its names stay out of the global scope
