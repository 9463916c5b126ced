// The plans of a library (content/_site/plans.json): lists that implement one superior document, such as every
// city's list of 皖政办〔2022〕2号, and that document's measures aligned across them. Derived by the ingest from the
// lists' models (src/plans/), so that the site renders a plan without re-aligning every list on every build, and a
// list shard can name its list's plan without reading the other lists.
import { z } from "zod";

export const PlanMember = z
  .object({
    list: z.string().min(1).describe("id of a list of the plan"),
    items: z.array(z.number().int().positive()).min(1).describe("numbers of the list's tasks whose superior text is this measure's"),
    similarity: z.number().min(0).max(1).describe("how close the list's printed superior text is to the plan's (1 = the same words)"),
  })
  .strict();

export const PlanMeasure = z
  .object({
    n: z.number().int().positive().describe("1, 2, 3… in the order the lists print the measures"),
    chapter: z.string().describe("the chapter heading the lists print above it (一、梯度化培育优质企业群体), as most print it"),
    title: z.string().describe("the task title (任务事项) as most lists print it; empty when they print none"),
    text: z.string().min(1).describe("the superior measure as most lists print it (ties: the first list in plan order)"),
    members: z.array(PlanMember).min(1).describe("the lists that carry it, in plan order"),
  })
  .strict();

export const Plan = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe("path segment of the plan's pages, from its 文号 or its title"),
    number: z.string().optional().describe("the superior document's 文号, brackets folded (皖政办〔2022〕2号)"),
    title: z.string().describe("the superior document's title as the lists cite it; empty when none cites one"),
    groupedBy: z.enum(["number", "superior-text"]).describe("number: the 文号 the cover letters cite; superior-text: the superior column's texts"),
    lists: z.array(z.string().min(1)).min(1).describe("ids of the lists that implement it: by government, then oldest first"),
    measures: z.array(PlanMeasure),
  })
  .strict();

export const PlansContent = z
  .object({
    $comment: z.string().optional(),
    method: z
      .object({
        containment: z.number().describe("a text joins a measure when this share of the shorter one is common to both, in order"),
        similarity: z.number().describe("…and the two are at least this similar overall (2·LCS / total length)"),
      })
      .strict(),
    plans: z.array(Plan),
  })
  .strict();

export type PlanMember = z.infer<typeof PlanMember>;
export type PlanMeasure = z.infer<typeof PlanMeasure>;
export type Plan = z.infer<typeof Plan>;
export type PlansContent = z.infer<typeof PlansContent>;
