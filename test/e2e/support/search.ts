// Drives the search page and reads what a visitor sees: result types, task numbers, excerpts.
import type { Page } from "playwright-core";

export interface SeenResult {
  type: string;
  href: string;
  title: string;
  /** The line naming the government and list a task result comes from ("" on unit results). */
  source: string;
  excerptHtml: string;
}

/** Waits until the status line reports an outcome, then reads the result list. */
export async function readResults(page: Page): Promise<SeenResult[]> {
  await page.waitForFunction(() => {
    const text = document.querySelector("[data-search-status]")?.textContent ?? "";
    return /找到|没有找到|失败/.test(text);
  });
  return page.$$eval("[data-search-results] > li.search-result", (items) =>
    items.map((li) => ({
      type: (li as HTMLElement).dataset["resultType"] ?? "",
      href: li.querySelector("a")?.getAttribute("href") ?? "",
      title: li.querySelector("a")?.textContent ?? "",
      source: li.querySelector(".search-result__source")?.textContent ?? "",
      excerptHtml: li.querySelector(".search-result__excerpt")?.innerHTML ?? "",
    })),
  );
}

/** Task numbers of the task-page results, sorted. */
export function taskNumbers(results: SeenResult[], docId: string): number[] {
  const pattern = new RegExp(`/${docId}/tasks/(\\d+)/$`);
  return results
    .filter((r) => r.type === "task")
    .map((r) => Number(pattern.exec(r.href)?.[1] ?? NaN))
    .sort((a, b) => a - b);
}
