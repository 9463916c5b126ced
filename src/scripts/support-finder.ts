// Support finder (progressive enhancement): shows the form, then on every change hides the cards that do not
// match the chosen stage, topic and level, hides topic groups left empty, and announces the count. Which
// stages, topics and level a card matches was decided at build time (data-stages / data-topics / data-level);
// this script only compares. The choice is kept in the address (?stage=…) so a filtered list can be shared.
const form = document.querySelector<HTMLFormElement>("[data-support-form]");
const status = document.querySelector<HTMLElement>("[data-support-count]");
const FILTERS = { stage: "stages", topic: "topics", level: "level" } as const;
type FilterName = keyof typeof FILTERS;

function selected(name: FilterName): string {
  return form?.querySelector<HTMLSelectElement>(`[data-support-filter="${name}"]`)?.value ?? "";
}

function matches(card: HTMLElement, name: FilterName, value: string): boolean {
  return value === "" || (card.dataset[FILTERS[name]] ?? "").split(" ").includes(value);
}

function apply(): void {
  const names = Object.keys(FILTERS) as FilterName[];
  const choice = names.map((name) => [name, selected(name)] as const);
  let shown = 0;
  for (const card of document.querySelectorAll<HTMLElement>("[data-support-card]")) {
    card.hidden = !choice.every(([name, value]) => matches(card, name, value));
    if (!card.hidden) shown++;
  }
  for (const group of document.querySelectorAll<HTMLElement>("[data-support-group]")) {
    group.hidden = group.querySelector("[data-support-card]:not([hidden])") === null;
  }
  if (status) status.textContent = (status.dataset["countTemplate"] ?? "{n}").replace("{n}", String(shown));
  const url = new URL(location.href);
  for (const [name, value] of choice) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  history.replaceState(null, "", url);
}

if (form) {
  const params = new URLSearchParams(location.search);
  for (const select of form.querySelectorAll<HTMLSelectElement>("select[data-support-filter]")) {
    const wanted = params.get(select.name);
    if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  // "reset" fires before the selects are reset; apply once they are.
  form.addEventListener("reset", () => setTimeout(apply, 0));
  if (params.has("stage") || params.has("topic") || params.has("level")) apply();
}

export {}; // a module: its names stay out of the global scope
