// The words reports print for a measure's state, folded to one scale. A status cell must say one of them (anything
// else is refused at its cell); a report without a status column is read from its text only where the text says so
// in so many words (已完成…), and is otherwise unknown: nothing is guessed.
import type { ProgressStatus } from "../model/progress.ts";

const WORDS: Array<[Exclude<ProgressStatus, "unknown">, readonly string[]]> = [
  ["done", ["已完成", "完成", "已办结", "办结", "提前完成", "全面完成", "已全面完成", "已全部完成", "全部完成", "已完成并长期坚持"]],
  ["on-track", ["序时推进", "按序时推进", "正常推进", "有序推进", "按计划推进", "达进度", "达到序时进度", "超进度", "超序时进度", "序时进度"]],
  ["behind", ["滞后", "进度滞后", "滞后序时进度", "欠进度", "未达序时进度", "未达进度", "进展缓慢"]],
];

const BY_WORD = new Map(WORDS.flatMap(([status, words]) => words.map((w) => [w, status] as const)));

/** The accepted words, for a refusal's message. */
export const STATUS_WORDS = WORDS.map(([, words]) => words.slice(0, 4).join("/")).join("；");

const fold = (text: string) => text.normalize("NFKC").replace(/[\s\u3000。.，,；;！!]+/gu, "");

/** A status cell: its status, "unknown" for an empty cell, undefined for words that are no status. */
export function foldStatus(cell: string): ProgressStatus | undefined {
  const folded = fold(cell);
  if (folded === "") return "unknown";
  return BY_WORD.get(folded);
}

// Only plain statements: 已完成 at the head of a clause, not 尚未完成 or 完成率.
const DONE_IN_TEXT = /(?:^|[，。；;,、])\s*((?:目前|现)?已(?:全面|全部|提前)?(?:完成|办结))(?![率度])/u;
const BEHIND_IN_TEXT = /(进度滞后|滞后于序时进度|未达序时进度|进展缓慢)/u;
const ON_TRACK_IN_TEXT = /((?:按|正)?序时推进|正常推进|有序推进)/u;
const NEGATED = /(未|尚未|没有|未能)(?:全面|全部)?完成/u;

/** The status a progress text states plainly, with the words it was read from; undefined when it states none. */
export function statusInText(text: string): { status: Exclude<ProgressStatus, "unknown">; words: string } | undefined {
  const behind = BEHIND_IN_TEXT.exec(text);
  if (behind) return { status: "behind", words: behind[1] };
  const done = DONE_IN_TEXT.exec(text);
  if (done && !NEGATED.test(text)) return { status: "done", words: done[1] };
  const onTrack = ON_TRACK_IN_TEXT.exec(text);
  if (onTrack) return { status: "on-track", words: onTrack[1] };
  return undefined;
}

const RANK: Record<ProgressStatus, number> = { unknown: 0, done: 1, "on-track": 2, behind: 3 };

/** A measure reported on several rows: behind if any row is, done only when every row with a status is. */
export function combineStatus(statuses: readonly ProgressStatus[]): ProgressStatus {
  return statuses.reduce<ProgressStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), "unknown");
}
