// axe-core over a page, at the levels every browser test holds the site to (WCAG 2.1 A and AA, and best practice):
// the violations as "rule: targets" lines, so a failing test names what to fix.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
