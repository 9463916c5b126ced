// The header's links to the per-document pages: 目标与指标 straight to the figures page when the site holds one
// document, else to the chooser of lists (figures/); 政策找寻 to the finder over every list.
import { paths } from "./paths.ts";

export interface DocumentNav {
  figures: string;
  support: string;
}

export function documentNav(docIds: readonly string[]): DocumentNav {
  const [only] = docIds;
  const support = paths.supportAll();
  if (docIds.length !== 1 || only === undefined) return { figures: paths.figuresIndex(), support };
  return { figures: paths.figures(only), support };
}

/** The header's sections, in order. */
export type NavSection = "home" | "lists" | "figures" | "support" | "units" | "progress" | "search";

/**
 * The section a page belongs to, from its base-relative path, for the header's aria-current: a list's own pages
 * (its page, tasks, comparison) are under 清单, its figures and support pages under their own sections.
 */
export function navSection(path: string): NavSection | undefined {
  const [first = "", second = ""] = path.replace(/^\/+/, "").split("/");
  if (first === "" || first === "index.html") return "home";
  if (first === "lists" || first === "units" || first === "search" || first === "progress") return first;
  if (second === "progress") return "progress";
  if (first === "support" || second === "support") return "support";
  if (first === "figures" || second === "figures") return "figures";
  if (first === "404" || first === "404.html" || first === "downloads") return undefined;
  return "lists";
}
