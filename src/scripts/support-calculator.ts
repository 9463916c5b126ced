// 政策计算器 (progressive enhancement): the cards the enterprise ticks are listed in the calculator with their
// amounts and source sentences, summed per kind of benefit (src/site/calculator.ts), and kept for the visit
// (sessionStorage, per page). Every text is set with textContent: card text is data, never markup. "打印" prints
// the calculator alone (print.css: html[data-print="calculator"]).
import { type Claim, moneyText, sumByKind } from "../site/calculator.ts";

const box = document.querySelector<HTMLElement>("[data-support-calculator]");
const STORE = `support-claims:${location.pathname}`;

interface Labels {
  empty: string;
  item: string;
  amount: string;
  source: string;
  total: string;
  upToPrefix: string;
  oneOff: string;
  kindTotal: string;
  status: string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function claimOf(card: HTMLElement): Claim | null {
  const yuan = Number(card.dataset["yuan"]);
  if (!Number.isFinite(yuan) || yuan <= 0) return null;
  return { id: card.id, kind: card.dataset["kind"] ?? "", yuan, upTo: card.dataset["upTo"] !== undefined, oneOff: card.dataset["oneOff"] !== undefined };
}

if (box) {
  const labels = JSON.parse(box.dataset["labels"] ?? "{}") as Labels;
  const kindLabels = JSON.parse(box.dataset["kindLabels"] ?? "{}") as Record<string, string>;
  const kinds = (box.dataset["kinds"] ?? "").split(" ");
  const status = box.querySelector<HTMLElement>("[data-calculator-status]")!;
  const holder = box.querySelector<HTMLElement>("[data-calculator-table]")!;
  const ticks = [...document.querySelectorAll<HTMLInputElement>("input[data-claim]")];
  const cardOf = (tick: HTMLInputElement) => document.getElementById(tick.value);

  const render = () => {
    const chosen = ticks.filter((t) => t.checked).map(cardOf).filter((c): c is HTMLElement => c !== null);
    const claims = chosen.map(claimOf).filter((c): c is Claim => c !== null);
    sessionStorage.setItem(STORE, JSON.stringify(claims.map((c) => c.id)));
    holder.replaceChildren();
    if (claims.length === 0) {
      status.textContent = labels.empty;
      holder.hidden = true;
      return;
    }
    const sums = sumByKind(claims, kinds);
    status.textContent = labels.status.replace("{n}", String(claims.length)).replace("{total}", moneyText(sums.total.yuan, sums.total.upTo, labels.upToPrefix));
    const table = el("table", undefined, "calculator-table");
    const head = el("tr");
    for (const text of [labels.item, labels.amount]) {
      const th = el("th", text);
      th.scope = "col";
      head.append(th);
    }
    table.append(el("thead"));
    table.tHead!.append(head);
    const body = el("tbody");
    for (const sum of sums.kinds) {
      for (const claim of sum.claims) {
        const card = document.getElementById(claim.id)!;
        const row = el("tr");
        row.dataset["claimRow"] = claim.id;
        // The item, and under it its source sentence: two columns read on a phone, where three squeeze each other.
        const name = el("th");
        name.scope = "row";
        name.append(
          el("span", card.querySelector(".support-card__recipient")?.textContent ?? kindLabels[claim.kind] ?? "", "calculator-table__item"),
          el("span", `${labels.source}：${card.querySelector(".support-card__condition")?.textContent ?? ""}`, "calculator-table__source"),
        );
        const amount = el("td", undefined, "num");
        amount.append(el("span", moneyText(claim.yuan, claim.upTo, labels.upToPrefix)));
        if (claim.oneOff) amount.append(el("span", labels.oneOff, "calculator-table__note"));
        row.append(name, amount);
        body.append(row);
      }
      const subtotal = el("tr", undefined, "calculator-table__subtotal");
      subtotal.dataset["kindTotal"] = sum.kind;
      const th = el("th", labels.kindTotal.replace("{kind}", kindLabels[sum.kind] ?? sum.kind));
      th.scope = "row";
      subtotal.append(th, el("td", moneyText(sum.yuan, sum.upTo, labels.upToPrefix), "num"));
      body.append(subtotal);
    }
    const total = el("tr", undefined, "calculator-table__total");
    total.dataset["total"] = "";
    const th = el("th", labels.total);
    th.scope = "row";
    total.append(th, el("td", moneyText(sums.total.yuan, sums.total.upTo, labels.upToPrefix), "num"));
    body.append(total);
    table.append(body);
    holder.append(table);
    holder.hidden = false;
  };

  let saved: string[] = [];
  try {
    saved = JSON.parse(sessionStorage.getItem(STORE) ?? "[]") as string[];
  } catch {
    saved = [];
  }
  for (const tick of ticks) if (saved.includes(tick.value)) tick.checked = true;
  for (const tick of ticks) tick.addEventListener("change", render);
  box.querySelector("[data-calculator-clear]")?.addEventListener("click", () => {
    for (const tick of ticks) tick.checked = false;
    render();
  });
  box.querySelector("[data-calculator-print]")?.addEventListener("click", () => {
    document.documentElement.dataset["print"] = "calculator";
    addEventListener("afterprint", () => delete document.documentElement.dataset["print"], { once: true });
    print();
  });
  render();
}

export {};
