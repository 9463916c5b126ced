// Every list's dated deadlines, whoever is named, as one iCalendar feed (calendar.ics).
import type { APIRoute } from "astro";
import { calendarFeed, calendarStrings, taskUrlOn } from "../site/calendar.ts";
import { loadDocuments } from "../site/content.ts";
import { dueOf } from "../site/library.ts";

export const GET: APIRoute = async () => {
  const body = calendarFeed({
    name: calendarStrings.everyone,
    description: calendarStrings.everyoneDescription,
    events: (await loadDocuments()).flatMap((doc) => dueOf(doc)),
    siteUrl: import.meta.env.SITE,
    taskUrl: taskUrlOn(import.meta.env.SITE, import.meta.env.BASE_URL),
  });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
};
