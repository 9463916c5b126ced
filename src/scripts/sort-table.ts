// Sortable tables (progressive enhancement): every column header of a table[data-sortable] gets a button that
// sorts the rows by that column, ascending then descending, and says so in aria-sort and a status message.
// Number columns (th[data-sort-type="number"]) sort by the cells' data-sort keys, cells without one last;
// ties keep the source order. Buttons are native, so Tab, Enter and Space work.
const collator = new Intl.Collator("zh-CN", { numeric: true });

type Key = number | string | undefined;

function keyOf(cell: HTMLTableCellElement | undefined, numeric: boolean): Key {
  if (!cell) return undefined;
  if (!numeric) return (cell.textContent ?? "").trim();
  const raw = cell.dataset["sort"];
  return raw === undefined || raw === "" || Number.isNaN(Number(raw)) ? undefined : Number(raw);
}

function compare(a: Key, b: Key, ascending: boolean): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1; // blanks last either way
  const order = typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
  return ascending ? order : -order;
}

function enhance(table: HTMLTableElement): void {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  const body = table.tBodies[0];
  if (!body || headers.length === 0) return;
  const sourceOrder = new Map([...body.rows].map((row, i) => [row, i]));
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  table.after(status);

  headers.forEach((th, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.append(...th.childNodes);
    th.append(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      for (const other of headers) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = th.dataset["sortType"] === "number";
      const rows = [...body.rows].map((row) => ({ row, key: keyOf(row.cells[column], numeric), order: sourceOrder.get(row) ?? 0 }));
      rows.sort((a, b) => compare(a.key, b.key, ascending) || a.order - b.order);
      body.append(...rows.map((r) => r.row));
      const template = table.dataset[ascending ? "sortedAscending" : "sortedDescending"] ?? "";
      status.textContent = template.replace("{column}", button.textContent ?? "");
    });
  });
}

for (const table of document.querySelectorAll<HTMLTableElement>("table[data-sortable]")) enhance(table);

export {}; // a module: its names stay out of the global scope
