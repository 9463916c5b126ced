// seeds/<stem>.settings.json: what a web team says about one source where the file itself does not say it. Each
// refusal that a setting would resolve names the setting (e.g. the issuing government of a list without a letter).
import { z } from "zod";

export const SeedSettings = z
  .object({
    $comment: z.string().optional(),
    government: z
      .string()
      .regex(/^[\u4e00-\u9fff]{1,12}(?:省|自治区|市|州|盟|县|区|旗)$/u, { message: "expected a place with its level, such as 六安市, 霍山县 or 青岚区" })
      .optional()
      .describe("the government that issued the list (六安市): its departments are this government's"),
  })
  .strict();
export type SeedSettings = z.infer<typeof SeedSettings>;

/** The shape the problems show. */
export const SETTINGS_SHAPE = '{ "government": "六安市" }';
