// Footer record lines from the site config: only the fields that are filled in, in the customary order.
import type { SiteConfig } from "./config.ts";
import { strings } from "./strings.ts";

export interface FooterEntry {
  label: string;
  value: string;
  url?: string;
}

export function footerEntries(config: SiteConfig): FooterEntry[] {
  const f = config.footer;
  const all: FooterEntry[] = [
    { label: strings.footer.organizer, value: f.organizer },
    { label: strings.footer.siteCode, value: f.siteCode },
    { label: strings.footer.icp, value: f.icp, url: f.icpUrl },
    { label: strings.footer.psb, value: f.psb, url: f.psbUrl },
  ];
  return all.filter((e) => e.value !== "");
}
