// The departments' contacts as pages show them (咨询电话 as tel: links, 地址, 办公时间, 申报入口), by the department
// page's slug. Only what the web team gave (seeds/contacts.json, checked by the ingest) is there: a department
// without an entry has no contact, and a page shows no label for what is missing. Pure.
import type { Contact, ContactsContent } from "../model/contacts.ts";
import type { Department } from "./library.ts";
import { departmentKey as key } from "../ingest/government.ts";

export interface PhoneLink {
  /** As the file prints it (0564-3377001 转 8001). */
  text: string;
  /** tel:05643377001,8001 */
  href: string;
}

export interface ContactView {
  phones: PhoneLink[];
  address?: string;
  hours?: string;
  /** 申报入口: an http(s) address (the ingest refuses any other). */
  apply?: string;
}

/** A department's contact by its page's slug; undefined when the contacts say nothing of it. */
export type ContactOf = (slug: string) => ContactView | undefined;

export const noContacts: ContactOf = () => undefined;

/**
 * One link per number: 3377001、3377002 and 3377001/3377002 are two. The dialled number is the digits alone; an
 * extension (转 8001) follows a comma, the pause phones dial before it.
 */
export function phoneLinks(phone: string): PhoneLink[] {
  return phone
    .split(/[、/]/)
    .map((part) => part.trim())
    .filter((part) => /\d/.test(part))
    .map((text) => {
      const [main, extension] = text.split("转");
      const digits = (main ?? "").replace(/\D/g, "");
      const ext = (extension ?? "").replace(/\D/g, "");
      return { text, href: `tel:${digits}${ext ? `,${ext}` : ""}` };
    });
}

function contactView(entry: Contact): ContactView {
  return {
    phones: entry.phone ? phoneLinks(entry.phone) : [],
    ...(entry.address ? { address: entry.address } : {}),
    ...(entry.hours ? { hours: entry.hours } : {}),
    ...(entry.apply ? { apply: entry.apply } : {}),
  };
}

/** The contacts of the library's departments (a department is its government's, by its name across lists). */
export function contactDirectory(departments: readonly Pick<Department, "government" | "canonical" | "slug">[], contacts: ContactsContent | undefined): ContactOf {
  if (!contacts || contacts.departments.length === 0) return noContacts;
  const byKey = new Map(contacts.departments.map((e) => [key(e.government, e.canonical), contactView(e)]));
  const bySlug = new Map<string, ContactView>();
  for (const d of departments) {
    const view = byKey.get(key(d.government, d.canonical));
    if (view) bySlug.set(d.slug, view);
  }
  return (slug) => bySlug.get(slug);
}
