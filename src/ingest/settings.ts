// seeds/<stem>.settings.json: what a web team says about one source where the file itself does not say it. Each
// refusal that a setting would resolve names the setting (e.g. the issuing government of a list without a letter).
import { z } from "zod";
import { ColumnRole, GovernmentName } from "../model/schema.ts";
import { DOCUMENT_NUMBER, foldNumber } from "./doc-number.ts";

export const SeedSettings = z
  .object({
    $comment: z.string().optional(),
    government: GovernmentName.optional().describe("the government that issued the list (六安市): its departments are this government's"),
    number: z
      .string()
      .trim()
      .regex(DOCUMENT_NUMBER, { message: "expected a document number (文号) such as 六政办〔2022〕12号" })
      .transform(foldNumber)
      .optional()
      .describe("the list's own document number (文号), for a source that does not print it"),
    columns: z
      .record(z.string().trim().min(1), ColumnRole)
      .optional()
      .describe("header labels the layouts do not know, each with the role it names: { \"责任处室\": \"lead\", \"工作内容\": \"measure\" }"),
  })
  .strict();
export type SeedSettings = z.infer<typeof SeedSettings>;

/** The shape the problems show. */
export const SETTINGS_SHAPE = '{ "government": "六安市", "number": "六政办〔2022〕12号", "columns": { "责任处室": "lead" } }';
