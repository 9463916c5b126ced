// The site builds the browser tests run against, shared from the global setup through vitest's provide/inject.
import { inject } from "vitest";

export interface BuiltSite {
  /** Absolute path of the build output. */
  dir: string;
  /** Where it is served: "http://127.0.0.1:PORT/" or "…/zjtx/". */
  url: string;
  /** The base path it was built with. */
  base: string;
}

export interface BuiltSites {
  root: BuiltSite;
  subpath: BuiltSite;
}

/** Absolute origin the test builds use for SITE_URL (sitemap, permalinks); never requested. */
export const TEST_SITE_URL = "https://www.example.gov.cn";

declare module "vitest" {
  interface ProvidedContext {
    sites: BuiltSites;
  }
}

export function sites(): BuiltSites {
  return inject("sites");
}

/** The bundled document's id, the one the facts in these tests are about. */
export const DOC_ID = "luan-zjtx-2022";
