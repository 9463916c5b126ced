// The header's links to the per-document pages: 目标与指标 straight to the figures page when the site holds one
// document, else to the home page, where each document links its own; 政策找寻 to the finder over every list.
import { paths } from "./paths.ts";

export interface DocumentNav {
  figures: string;
  support: string;
}

export function documentNav(docIds: readonly string[]): DocumentNav {
  const [only] = docIds;
  const support = paths.supportAll();
  if (docIds.length !== 1 || only === undefined) return { figures: paths.home(), support };
  return { figures: paths.figures(only), support };
}
