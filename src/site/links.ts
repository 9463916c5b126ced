// Links as the browser needs them: a page path under the configured base (BASE_PATH).
import { anchors, paths, withBase } from "./paths.ts";

export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

export { anchors, paths };
