// A department's deadlines as an iCalendar feed (units/<slug>/calendar.ics), for 订阅到日历 on its page: every dated
// deadline of the measures it leads or cooperates on, across all lists.
import type { APIRoute, GetStaticPaths } from "astro";
import { calendarFeed, taskUrlOn } from "../../../site/calendar.ts";
import { libraryPages, loadDocuments } from "../../../site/content.ts";
import { buildLibrary, departmentPages, type DueEntry } from "../../../site/library.ts";
import { strings } from "../../../site/strings.ts";

interface Props {
  name: string;
  events: DueEntry[];
}

export const getStaticPaths = (async () => {
  const library = buildLibrary(await loadDocuments());
  // The first page holds every list's deadlines (`due` is empty on the further pages). A department with no dated
  // deadline gets no feed (RFC 5545 wants at least one component) and its page no subscribe link.
  return libraryPages(library.departments)
    .map((d) => ({ slug: d.slug, name: d.canonical, events: departmentPages(library, d)[0]!.due }))
    .filter((d) => d.events.length > 0)
    .map((d) => ({ params: { slug: d.slug }, props: { name: d.name, events: d.events } satisfies Props }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { name, events } = props as Props;
  const body = calendarFeed({
    name,
    description: `${name}：${strings.units.dueIntro}`,
    events,
    siteUrl: import.meta.env.SITE,
    taskUrl: taskUrlOn(import.meta.env.SITE, import.meta.env.BASE_URL),
  });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
};
