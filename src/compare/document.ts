// The comparison of a whole document: every task's local measures against its superior measure.
import type { Comparison, TaskComparison } from "../model/comparison.ts";
import type { Chapter, Item } from "../model/schema.ts";
import { alignTask, DEFAULT_ALIGN_OPTIONS, type AlignOptions } from "./align.ts";
import { classify } from "./classify.ts";
import { LONG_SENTENCE } from "./sentences.ts";
import { MIN_COPIED_RUN, overallShare, taskShare } from "./share.ts";

export function compareTask(item: Pick<Item, "number" | "local"> & { upper: string }, options: AlignOptions = DEFAULT_ALIGN_OPTIONS): TaskComparison {
  const measures = item.local.map((m) => m.text);
  const rows = alignTask(item.upper, measures, options).map(classify);
  const counts = { identical: 0, changed: 0, added: 0, omitted: 0 };
  for (const row of rows) counts[row.kind]++;
  return { item: item.number, rows, counts, share: taskShare(rows, measures) };
}

/** Only the tasks that print a superior measure are compared; a list without that column has no comparison. */
export function compareDocument(chapters: readonly Pick<Chapter, "items">[]): Comparison {
  const tasks = chapters.flatMap((c) => c.items.flatMap((item) => (item.upper === undefined ? [] : [compareTask({ ...item, upper: item.upper })])));
  return {
    method: {
      similarity: DEFAULT_ALIGN_OPTIONS.similarity.name,
      threshold: DEFAULT_ALIGN_OPTIONS.threshold,
      longSentence: LONG_SENTENCE,
      minCopiedRun: MIN_COPIED_RUN,
    },
    share: overallShare(tasks.map((t) => t.share)),
    tasks,
  };
}
