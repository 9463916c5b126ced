// The task page's view switch: shows either the plain side-by-side text or the comparison view, never both
// (without this script both are shown). Opens on the comparison view when the address ends in #comparison
// (the share page links there) or when the reader chose it last time (remembered in localStorage). Either view
// shows each measure's 牵头 and 配合 units (MeasureUnits.astro), so the remembered choice never hides them.
// Loaded as a bundled module, not inline, so it runs under a strict CSP.
const STORAGE_KEY = "policy-explorer:task-view";
const COMPARISON = "comparison";

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === COMPARISON;
  } catch {
    return false; // storage blocked: the switch still works for this page
  }
}

function store(comparison: boolean): void {
  try {
    if (comparison) localStorage.setItem(STORAGE_KEY, COMPARISON);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* storage blocked */
  }
}

const toggle = document.querySelector<HTMLButtonElement>("[data-comparison-toggle]");
const views = [...document.querySelectorAll<HTMLElement>("[data-task-view]")];

function show(comparison: boolean): void {
  for (const view of views) view.hidden = (view.dataset["taskView"] === COMPARISON) !== comparison;
  toggle?.setAttribute("aria-pressed", String(comparison));
}

// Only with both views present: a page without a comparison keeps its plain text and no switch.
if (toggle && views.some((v) => v.dataset["taskView"] === COMPARISON) && views.some((v) => v.dataset["taskView"] !== COMPARISON)) {
  const wanted = () => location.hash === `#${COMPARISON}`;
  show(wanted() || readStored());
  const box = toggle.closest<HTMLElement>("[data-view-switch]")!;
  for (const el of box.children) (el as HTMLElement).hidden = el.hasAttribute("data-view-jump");
  toggle.addEventListener("click", () => {
    const comparison = toggle.getAttribute("aria-pressed") !== "true";
    show(comparison);
    store(comparison);
  });
  addEventListener("hashchange", () => {
    if (wanted()) show(true);
  });
}

export {}; // a module: its names stay out of the other scripts’ global scope
