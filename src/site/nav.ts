// The header's links to the per-document pages (目标与指标, 政策找寻): straight to them when the site holds
// one document, else to the home page, where each document links its own.
import { paths } from "./paths.ts";

export interface DocumentNav {
  figures: string;
  support: string;
}

export function documentNav(docIds: readonly string[]): DocumentNav {
  const [only] = docIds;
  if (docIds.length !== 1 || only === undefined) return { figures: paths.home(), support: paths.home() };
  return { figures: paths.figures(only), support: paths.support(only) };
}
