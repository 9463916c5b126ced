// Deadlines → an iCalendar feed (RFC 5545) that officials subscribe to: one all-day event per dated deadline
// (DueEntry), on the last day it allows. Built with ical-generator, which escapes TEXT values and folds lines at
// 75 octets. Pure and reproducible: no clock, no randomness — the same entries give byte-identical output, and
// each event keeps its UID from build to build, so a subscribed calendar updates its events instead of adding copies.
// Undated deadlines (长期坚持, kind "ongoing") never reach here: a DueEntry is always a dated one.
import ical from "ical-generator";
import { byNewest, type DueEntry } from "./library.ts";
import { paths, withBase } from "./paths.ts";
import { strings } from "./strings.ts";

export interface CalendarFeedInput {
  /** Whose deadlines: a department's name, or everyone's (X-WR-CALNAME is this + 到期事项). */
  name: string;
  /** X-WR-CALDESC. */
  description?: string;
  events: DueEntry[];
  /** The site's origin (Astro's `site`); its host ends every UID. Undefined without SITE_URL: UIDs without a host. */
  siteUrl: string | undefined;
  /** The address of a task page: absolute with SITE_URL, else its path (then the events carry no URL property). */
  taskUrl: (docId: string, task: number) => string;
}

/** Fixed, so a feed's bytes depend on its data only. */
export const PRODID = "//policy-explorer//任务和责任清单//ZH";

/** The words of the feed a reader sees that the site's strings do not hold yet. */
export const calendarStrings = strings.calendar;

/** A task page's absolute address: the site's origin, the base ("/" or "/zjtx/") and the task's path. */
export function taskUrlOn(siteUrl: string | undefined, base: string): (docId: string, task: number) => string {
  return (docId, task) => (siteUrl ? new URL(withBase(base, paths.task(docId, task)), siteUrl).href : withBase(base, paths.task(docId, task)));
}

/** How many characters of a measure's first line the event's title shows. */
export const SUMMARY_LENGTH = 60;

/** A day's events are refreshed by subscribers once a day (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const TTL_SECONDS = 24 * 60 * 60;

/** The event's title: the measure's first line, whitespace collapsed, cut at SUMMARY_LENGTH characters with "…". */
export function eventSummary(text: string): string {
  const line = (text.split("\n").find((l) => l.trim() !== "") ?? "").replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length > SUMMARY_LENGTH ? chars.slice(0, SUMMARY_LENGTH).join("") + "…" : line;
}

/** The event's body: the list, the task, the deadline as printed, the units, the measure's whole text, the link. */
export function eventDescription(e: DueEntry, url: string): string {
  const units = (names: string[]) => (names.length ? names.join("、") : strings.task.noUnits);
  const printed = e.printed + (e.source === "text" ? strings.units.fromText : "") + calendarStrings.deadlineDay(e.date);
  return [
    `${strings.units.dueList}：${e.doc.title}`,
    `${strings.task.taskNumber(e.task)}：${e.title}`,
    `${strings.task.deadline}：${printed}`,
    ...(e.overdue ? [calendarStrings.overdueLine] : []),
    `${strings.units.roleLead}：${units(e.lead)}`,
    `${strings.units.roleSupport}：${units(e.support)}`,
    `${calendarStrings.measure}：${e.text}`,
    `${calendarStrings.link}：${url}`,
  ].join("\n");
}

/**
 * The event's UID: the list, task, measure, where the date was read (column or text) and the date, at the site's
 * host — what identifies the deadline, and nothing that changes from build to build. A measure whose text names the
 * same date twice gets -2, -3 in its entries' order (the order of the phrases in the text).
 */
function uids(events: DueEntry[], host: string): string[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const key = `${e.doc.id}-t${e.task}-m${e.n}-${e.source}-${e.date}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    const id = count === 1 ? key : `${key}-${count}`;
    return host ? `${id}@${host}` : id;
  });
}

/** Date, then list (newest first, as the unit pages), task, measure, the column's deadline before the text's. */
export function byDue(a: DueEntry, b: DueEntry): number {
  return (
    a.date.localeCompare(b.date) ||
    byNewest(a.doc, b.doc) ||
    a.task - b.task ||
    a.n - b.n ||
    (a.source === b.source ? 0 : a.source === "column" ? -1 : 1) ||
    a.printed.localeCompare(b.printed)
  );
}

const day = (iso: string, plus = 0): Date => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + plus));
};

/**
 * DTSTAMP must be present (RFC 5545 §3.8.7.2) and, in a feed published without METHOD, says when the event's
 * information was last revised. The clock would make every build differ and tell subscribed clients that every
 * event changed. The information of a deadline is revised when its list is issued, so the stamp is the list's date
 * (its first day when only the month is printed) at 00:00 UTC; a list without a date uses the deadline's own day.
 */
export function eventStamp(e: DueEntry): Date {
  const listDate = /^\d{4}-\d{2}(-\d{2})?$/.test(e.doc.date) ? (e.doc.date.length === 7 ? `${e.doc.date}-01` : e.doc.date) : "";
  return day(listDate || e.date);
}

/** A TEXT value ical-generator writes as given (the calendar's name and description): RFC 5545 §3.3.11 escapes. */
const escapeText = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");

export function calendarFeed(input: CalendarFeedInput): string {
  const host = input.siteUrl ? new URL(input.siteUrl).hostname : "";
  const events = [...input.events].sort(byDue);
  const ids = uids(events, host);
  const calendar = ical({
    prodId: PRODID,
    name: escapeText(input.name + calendarStrings.nameSuffix),
    ...(input.description ? { description: escapeText(input.description) } : {}),
    ttl: TTL_SECONDS,
  });
  events.forEach((e, i) => {
    const url = input.taskUrl(e.doc.id, e.task);
    calendar.createEvent({
      id: ids[i],
      stamp: eventStamp(e),
      allDay: true,
      start: day(e.date),
      end: day(e.date, 1),
      summary: (e.overdue ? calendarStrings.overdue : "") + eventSummary(e.text),
      description: eventDescription(e, url),
      ...(input.siteUrl ? { url } : {}),
    });
  });
  // ical-generator ends the last line without its CRLF; every content line ends with one (RFC 5545 §3.1).
  return calendar.toString() + "\r\n";
}
