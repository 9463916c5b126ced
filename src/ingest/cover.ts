// The cover letter before the table: title (often split over lines), addressees, preamble paragraphs,
// the attachment line, the date, and the attached list's own title. Lists without a cover letter
// have only a title, or nothing, before the table.
import { trimBlanks } from "./cells.ts";

export interface Cover {
  title: string;
  listTitle: string;
  addressees: string;
  paragraphs: string[];
  attachment: string;
  date: string;
  datePrinted: string;
}

const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})?\s*日)?$/;
const ATTACHMENT = /^附\s*件\s*\d*\s*[：:]?/;
const ADDRESSEES = /[：:]$/;

function isoDate(match: RegExpMatchArray): string {
  const [, year, month, day] = match;
  const mm = month.padStart(2, "0");
  return day ? `${year}-${mm}-${day.padStart(2, "0")}` : `${year}-${mm}`;
}

export function parseCover(prelude: { line: number; text: string }[]): Cover {
  const lines = prelude.map((l) => trimBlanks(l.text)).filter((t) => t !== "");
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
    // No letter at all: whatever precedes the table is the list's title.
    listTitle = before.filter((t) => !ATTACHMENT.test(t) || t.replace(ATTACHMENT, "") !== "").join("");
  } else {
    title = before.slice(0, bodyEnd).join("");
  }
  const attachment = attachmentAt >= 0 ? before.slice(attachmentAt).join("") : "";
  // After the date the attachment repeats: a bare "附件：" line, then the list's title over several lines.
  const afterTitle = after.filter((t) => t.replace(ATTACHMENT, "") !== "").join("");
  if (afterTitle) listTitle = afterTitle;
  if (!listTitle && attachment) listTitle = attachment.replace(ATTACHMENT, "");
  if (!title) title = listTitle;

  const dateMatch = dateAt >= 0 ? lines[dateAt].match(DATE) : null;
  return {
    title,
    listTitle,
    addressees,
    paragraphs,
    attachment,
    date: dateMatch ? isoDate(dateMatch) : "",
    datePrinted: dateAt >= 0 ? lines[dateAt] : "",
  };
}
