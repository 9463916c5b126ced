// The superior-vs-local comparison of a document: aligned rows per task, their kinds, inline diffs and the
// share of local text copied word for word. Part of the Document model (schema.ts) and of its JSON download.
import { z } from "zod";

const Offset = z.number().int().nonnegative();

export const SuperiorSpan = z
  .object({
    start: Offset.describe("offset of the first character in the task's superior text (upper), JavaScript string index"),
    end: Offset.describe("offset after the last character"),
    text: z.string().min(1).describe("upper.slice(start, end)"),
  })
  .strict();

export const LocalSpan = z
  .object({
    measure: z.number().int().nonnegative().describe("index of the local measure in the task's local list"),
    start: Offset.describe("offset of the first character in that measure's text, JavaScript string index"),
    end: Offset.describe("offset after the last character"),
    text: z.string().min(1).describe("local[measure].text.slice(start, end)"),
  })
  .strict();

export const DiffPart = z
  .object({
    kind: z.enum(["same", "ins", "del"]).describe("same: in both; del: superior only; ins: local only"),
    text: z.string().min(1),
    mark: z
      .enum(["number", "punctuation"])
      .optional()
      .describe("number: a changed number (500 → 10); punctuation: a difference of punctuation or spacing only"),
  })
  .strict();

export const RowKind = z
  .enum(["identical", "changed", "added", "omitted"])
  .describe(
    "identical: the same words (punctuation may differ, see diff); changed: a pair that differs in words; added: local only; omitted: superior only (left out)",
  );

export const ComparisonRow = z
  .object({
    kind: RowKind,
    superior: SuperiorSpan.nullable().describe("null for an added row"),
    local: LocalSpan.nullable().describe("null for an omitted row"),
    similarity: z.number().min(0).max(1).nullable().describe("similarity of the pair (0…1); null for added and omitted rows"),
    diff: z
      .array(DiffPart)
      .describe("superior → local, character by character (numbers whole); empty for added, omitted and exactly equal rows"),
  })
  .strict();

export const CopiedShare = z
  .object({
    localCharacters: z.number().int().nonnegative().describe("non-space characters of the local text"),
    copiedCharacters: z.number().int().nonnegative().describe("of these, copied word for word from the superior text"),
    share: z.number().min(0).max(1).describe("copiedCharacters / localCharacters, 4 decimals (0 when there is no local text)"),
  })
  .strict();

export const TaskComparison = z
  .object({
    item: z.number().int().positive().describe("the task's number"),
    rows: z.array(ComparisonRow).describe("in reading order of the local text; a left-out superior text where it would have stood"),
    counts: z.object({ identical: z.number().int(), changed: z.number().int(), added: z.number().int(), omitted: z.number().int() }).strict(),
    share: CopiedShare,
  })
  .strict();

export const Comparison = z
  .object({
    method: z
      .object({
        similarity: z.string().describe("name of the similarity that pairs sentences"),
        threshold: z.number().describe("pairs below this similarity are not pairs"),
        longSentence: z.number().int().describe("sentences longer than this (characters) are also compared clause by clause"),
        minCopiedRun: z.number().int().describe("shortest run of common letters and digits that counts as copied"),
      })
      .strict(),
    share: CopiedShare.describe("over the whole document"),
    tasks: z.array(TaskComparison),
  })
  .strict();

export type SuperiorSpan = z.infer<typeof SuperiorSpan>;
export type LocalSpan = z.infer<typeof LocalSpan>;
export type DiffPart = z.infer<typeof DiffPart>;
export type RowKind = z.infer<typeof RowKind>;
export type ComparisonRow = z.infer<typeof ComparisonRow>;
export type CopiedShare = z.infer<typeof CopiedShare>;
export type TaskComparison = z.infer<typeof TaskComparison>;
export type Comparison = z.infer<typeof Comparison>;
