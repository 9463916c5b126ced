// seeds/contacts.json: how an enterprise reaches a department (咨询电话, 地址, 申报入口), which no list prints. Optional;
// the web team writes it, so every field is checked here: the text is shown on pages and the 申报入口 is a link the
// reader follows, so only http(s) addresses pass (never javascript: or data:). The ingest matches each entry to a
// department of the lists and writes the entries with the department's name across lists (canonical) to content/.
import { z } from "zod";
import { GovernmentName } from "./schema.ts";

const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .refine((t) => !/[\u0000-\u001f\u007f]/.test(t), `${what} holds a control character`);

/** 0564-3377001, (0564)3377001 转 8001, 3377001、3377002, 3377001/3377002. */
const Phone = text("phone", 60).refine((t) => /^[0-9 \-、/()（）转]+$/u.test(t) && /\d{3}/.test(t), {
  message: "expected digits with spaces, -, 、, /, parentheses or 转, such as 0564-3377001 转 8001",
});

/** An address of the open web the reader's browser opens: http or https, with a host, nothing else. */
export function isWebAddress(value: string): boolean {
  if (/[\s"'<>\\]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const Apply = text("apply", 500).refine(isWebAddress, { message: "expected an http:// or https:// address (no javascript:, data: or other schemes)" });

const entryShape = {
  government: GovernmentName.describe("the government whose department it is (六安市)"),
  name: text("name", 40).describe("the department as a list of that government prints it, or another of its names (市经信局, 市经济和信息化局)"),
  phone: Phone.optional().describe("咨询电话, as it should be printed"),
  address: text("address", 120).optional().describe("地址"),
  apply: Apply.optional().describe("申报入口: the address where an application is made (http or https)"),
  hours: text("hours", 60).optional().describe("办公时间 (工作日 8:30-12:00)"),
};

const saysSomething = (e: { phone?: string; address?: string; apply?: string; hours?: string }) => Boolean(e.phone || e.address || e.apply || e.hours);
// Only once the fields are valid: an empty address is reported as such, not also as an entry saying nothing.
const SAYS_SOMETHING = { message: "gives nothing to show; expected a phone, address, apply or hours", when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

export const ContactEntry = z.object(entryShape).strict().refine(saysSomething, SAYS_SOMETHING);
export type ContactEntry = z.infer<typeof ContactEntry>;

/** The file in seeds/. */
export const ContactsFile = z
  .object({
    $comment: z.string().optional(),
    departments: z.array(ContactEntry).min(1, "lists no department").max(5000, "lists more than 5000 departments"),
  })
  .strict();
export type ContactsFile = z.infer<typeof ContactsFile>;

export const CONTACTS_SHAPE =
  '{ "departments": [{ "government": "六安市", "name": "市经信局", "phone": "0564-3377001", "address": "…", "apply": "https://…", "hours": "工作日 8:30-12:00" }] }';

/** What the ingest writes to content/ and the site reads: each entry with the department's name across lists. */
export const ContactsContent = z
  .object({
    departments: z.array(
      z
        .object({ ...entryShape, canonical: z.string().min(1).describe("the department's name across the government's lists (市经信局)") })
        .strict()
        .refine(saysSomething, SAYS_SOMETHING),
    ),
  })
  .strict();
export type ContactsContent = z.infer<typeof ContactsContent>;
export type Contact = ContactsContent["departments"][number];
