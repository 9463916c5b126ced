// seeds/contacts.json → the contacts the site shows: each entry matched to a department of the lists, by its
// government and its name folded as the lists' unit names are (市经济和信息化局 → 市经信局, 六安市经信局 → 市经信局),
// within that government only. An entry that matches no department is refused at its line, so a typo (市经新局)
// is heard of rather than silently shown nowhere. Pure: the file's text and the lists in.
import { ContactsFile, CONTACTS_SHAPE, type ContactsContent } from "../model/contacts.ts";
import { lineOfPath, parseCompanion, type CompanionProblem, type CompanionResult } from "../model/companion.ts";
import type { Document } from "../model/schema.ts";
import { departmentKey, relativeName } from "./government.ts";
import type { Folding } from "./unit-folding.ts";

/** How many of a government's departments a refusal names as examples. */
const EXAMPLES = 6;

/** Where an entry was read, by its department (government and canonical name): shared by the files of one run. */
export type ContactsSeen = Map<string, { file: string; line: number }>;

export function readContacts(
  file: string,
  text: string,
  lists: readonly Pick<Document, "government" | "units">[],
  folding: Folding,
  seen: ContactsSeen = new Map(),
): CompanionResult<ContactsContent> {
  const read = parseCompanion(file, text, ContactsFile, CONTACTS_SHAPE);
  if (!read.ok) return read;
  const body = text.replace(/^\uFEFF/, "");
  // Per government: each printed name → the department's canonical name, and the canonical names.
  const byGovernment = new Map<string, { printed: Map<string, string>; canonical: Set<string> }>();
  for (const list of lists) {
    const g = list.government.name;
    let known = byGovernment.get(g);
    if (!known) byGovernment.set(g, (known = { printed: new Map(), canonical: new Set() }));
    for (const u of list.units) {
      known.printed.set(u.name, u.canonical);
      known.canonical.add(u.canonical);
    }
  }
  const problems: CompanionProblem[] = [];
  const departments: ContactsContent["departments"] = [];
  read.value.departments.forEach((entry, i) => {
    const line = lineOfPath(body, ["departments", i, "name"]);
    const known = byGovernment.get(entry.government);
    if (!known) {
      const governments = [...byGovernment.keys()].filter(Boolean);
      problems.push({ file, line, message: `no list is of ${entry.government}; expected the government of a list ingested with it${governments.length ? ` (${governments.join("、")})` : ""}` });
      return;
    }
    const canonical = known.printed.get(entry.name) ?? relativeName(folding.canonical(entry.name), entry.government);
    if (!known.canonical.has(canonical)) {
      const examples = [...known.canonical].slice(0, EXAMPLES).join("、");
      problems.push({ file, line, message: `no list names ${entry.name} of ${entry.government}; expected a department its lists name, such as ${examples}` });
      return;
    }
    const key = departmentKey(entry.government, canonical);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const where = earlier.file === file ? `line ${earlier.line}` : `${earlier.file}:${earlier.line}`;
      problems.push({ file, line, message: `${entry.name} of ${entry.government} is ${canonical}, given already at ${where}; expected one entry per department` });
      return;
    }
    seen.set(key, { file, line });
    departments.push({ ...entry, canonical });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: { departments } };
}
