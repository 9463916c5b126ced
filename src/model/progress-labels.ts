// The progress scale's words as the site and the downloads print them (the terms 督查 tables use). Kept apart from
// the zod schema (progress.ts), as location-format.ts is, so the browser scripts that read the site's strings do
// not pull zod in.
import type { ProgressStatus } from "./progress.ts";

export const STATUS_LABELS = { done: "已完成", "on-track": "序时推进", behind: "滞后", unknown: "未标明" } as const satisfies Record<ProgressStatus, string>;
