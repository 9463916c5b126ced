// The cover letter before the table: title (often split over lines), addressees, preamble paragraphs,
// the attachment line, the date, and the attached list's own title. Lists without a cover letter
// have only a title, or nothing, before the table. A line holding only the list's own number (文号) may stand
// anywhere among them; it is taken out first, so it never runs into the title.
import { implementedDocument, numberOfLine, type CitedDocument } from "./doc-number.ts";
import { trimBlanks } from "./readers/text-cells.ts";

export interface Cover {
  title: string;
  listTitle: string;
  addressees: string;
  paragraphs: string[];
  attachment: string;
  date: string;
  datePrinted: string;
  /** The list's own 文号, when a line prints it (folded: see doc-number.ts). */
  number?: string;
  /** The superior document the letter says the list implements. */
  implements?: CitedDocument;
}

const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})?\s*日)?$/;
const ATTACHMENT = /^附\s*件\s*\d*\s*[：:]?/;
const ADDRESSEES = /[：:]$/;
const SENTENCE_END = /[。；！？]$/;
const NOTE = /^[（(]?(说明|注|备注)[：:]/;
const ISSUER = /^[^，。；：:]{2,30}(人民政府办公室|人民政府|办公室|委员会|局|委|办)$/;

function isoDate(match: RegExpMatchArray): string {
  const [, year, month, day] = match;
  const mm = month.padStart(2, "0");
  return day ? `${year}-${mm}-${day.padStart(2, "0")}` : `${year}-${mm}`;
}

export function parseCover(texts: string[]): Cover {
  const all = texts.map(trimBlanks).filter((t) => t !== "");
  const numberAt = all.findIndex((t) => numberOfLine(t) !== undefined);
  const number = numberAt < 0 ? undefined : numberOfLine(all[numberAt]);
  const lines = numberAt < 0 ? all : all.filter((_, i) => i !== numberAt);
  const dateAt = lines.findIndex((t) => DATE.test(t));
  const before = dateAt >= 0 ? lines.slice(0, dateAt) : lines;
  const after = dateAt >= 0 ? lines.slice(dateAt + 1) : [];

  const addresseesAt = before.findIndex((t) => ADDRESSEES.test(t) && !ATTACHMENT.test(t));
  const attachmentAt = before.findIndex((t, i) => i > addresseesAt && ATTACHMENT.test(t));
  const bodyEnd = attachmentAt >= 0 ? attachmentAt : before.length;

  let title = "";
  let addressees = "";
  let paragraphs: string[] = [];
  let listTitle = "";
  if (addresseesAt >= 0) {
    title = before.slice(0, addresseesAt).join("");
    addressees = before[addresseesAt];
    paragraphs = before.slice(addresseesAt + 1, bodyEnd);
  } else if (dateAt < 0) {
    // No letter at all: the list's title, perhaps over several lines, then notes such as 说明：… (sentences).
    const kept = before.filter((t) => !ATTACHMENT.test(t) || t.replace(ATTACHMENT, "") !== "");
    // A sentence is never a title: a page whose body opens with its preamble has its title outside the body.
    const notesAt = kept.findIndex((t) => SENTENCE_END.test(t) || NOTE.test(t));
    listTitle = (notesAt < 0 ? kept : kept.slice(0, notesAt)).join("");
    if (notesAt >= 0) paragraphs = kept.slice(notesAt);
  } else {
    // Title lines, then perhaps the issuer signing above the date (清河县人民政府办公室).
    const signedAt = before.length > 1 && ISSUER.test(before[bodyEnd - 1]) ? bodyEnd - 1 : bodyEnd;
    title = before.slice(0, signedAt).join("");
    paragraphs = before.slice(signedAt, bodyEnd);
  }
  const attachment = attachmentAt >= 0 ? before.slice(attachmentAt).join("") : "";
  // After the date the attachment repeats: a bare "附件：" line, then the list's title over several lines.
  const afterTitle = after.filter((t) => t.replace(ATTACHMENT, "") !== "").join("");
  if (afterTitle) listTitle = afterTitle;
  if (!listTitle && attachment) listTitle = attachment.replace(ATTACHMENT, "");
  if (!title) title = listTitle;

  const dateMatch = dateAt >= 0 ? lines[dateAt].match(DATE) : null;
  const cited = implementedDocument(title, paragraphs);
  return {
    title,
    listTitle,
    addressees,
    paragraphs,
    attachment,
    date: dateMatch ? isoDate(dateMatch) : "",
    datePrinted: dateAt >= 0 ? lines[dateAt] : "",
    ...(number ? { number } : {}),
    ...(cited ? { implements: cited } : {}),
  };
}
