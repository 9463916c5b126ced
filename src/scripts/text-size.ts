// Large-text switch: a class on <html> that raises the root font size (all sizes are in rem), remembered
// in localStorage. Loaded as a bundled module, not inline, so it runs under a strict CSP; the page may
// show normal size for a moment before the class is applied — accepted rather than an inline script.
const STORAGE_KEY = "policy-explorer:text-size";
const LARGE_CLASS = "large-text";

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "large";
  } catch {
    return false; // storage blocked: the switch still works for this page
  }
}

function store(large: boolean): void {
  try {
    if (large) localStorage.setItem(STORAGE_KEY, "large");
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* storage blocked */
  }
}

function apply(large: boolean): void {
  document.documentElement.classList.toggle(LARGE_CLASS, large);
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-text-size-toggle]")) {
    button.setAttribute("aria-pressed", String(large));
  }
}

apply(readStored());
for (const button of document.querySelectorAll<HTMLButtonElement>("[data-text-size-toggle]")) {
  button.hidden = false;
  button.addEventListener("click", () => {
    const large = !document.documentElement.classList.contains(LARGE_CLASS);
    apply(large);
    store(large);
  });
}
