// Site configuration: the one place a web team edits before publishing (name, footer record numbers).
// Validated by a zod schema so a mistake fails the build with the field's name.
import { z } from "zod";

const optionalText = z.string().trim().default("");

export const SiteConfig = z
  .object({
    /** Shown in the header and in every <title>. */
    name: z.string().trim().min(1),
    footer: z
      .object({
        organizer: optionalText.describe("主办单位"),
        siteCode: optionalText.describe("网站标识码"),
        icp: optionalText.describe("ICP备案号"),
        /** Where the ICP number links to (the MIIT record search). */
        icpUrl: z.url().default("https://beian.miit.gov.cn/"),
        psb: optionalText.describe("公安备案号"),
        /** Where the public-security record number links to. */
        psbUrl: z.url().default("https://beian.mps.gov.cn/"),
      })
      .strict(),
  })
  .strict();

export type SiteConfig = z.infer<typeof SiteConfig>;

export const siteConfig: SiteConfig = SiteConfig.parse({
  name: "任务和责任清单查询",
  footer: {
    organizer: "",
    siteCode: "",
    icp: "",
    psb: "",
  },
});
