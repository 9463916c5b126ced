// Units index (progressive enhancement): the list select shows only the departments a list names, counts them in
// a live region and keeps the choice in the address (?list=…). Which lists name a department was decided at build
// time (data-lists); this script only compares. Without JavaScript every department is shown.
const form = document.querySelector<HTMLFormElement>("[data-units-form]");
const select = form?.querySelector<HTMLSelectElement>("select[name=list]");
const status = document.querySelector<HTMLElement>("[data-units-count]");

function apply(): void {
  const list = select?.value ?? "";
  let shown = 0;
  for (const row of document.querySelectorAll<HTMLTableRowElement>("[data-units-row]")) {
    row.hidden = list !== "" && !(row.dataset["lists"] ?? "").split(" ").includes(list);
    if (!row.hidden) shown++;
  }
  if (status) status.textContent = (status.dataset["countTemplate"] ?? "{n}").replace("{n}", String(shown));
  const url = new URL(location.href);
  if (list) url.searchParams.set("list", list);
  else url.searchParams.delete("list");
  history.replaceState(null, "", url);
}

if (form && select) {
  const wanted = new URLSearchParams(location.search).get("list");
  if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  if (wanted) apply();
}

export {}; // a module: its names stay out of the global scope
