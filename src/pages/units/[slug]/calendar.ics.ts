// A department's deadlines as an iCalendar feed (units/<slug>/calendar.ics), for 订阅到日历 on its page: every dated
// deadline of the measures it leads or cooperates on, across all lists.
import type { APIRoute, GetStaticPaths } from "astro";
import { calendarFeed, taskUrlOn } from "../../../site/calendar.ts";
import { libraryPages, loadLibrary, withCacheKeys } from "../../../site/content.ts";
import { departmentDue, departmentHasDue } from "../../../site/library.ts";
import { strings } from "../../../site/strings.ts";

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  // A department with no dated deadline gets no feed (RFC 5545 wants at least one component) and its page no
  // subscribe link. The feed itself is made when it is written (the props carry only the slug).
  return withCacheKeys(
    "department",
    libraryPages(library.departments)
      .filter((d) => departmentHasDue(library, d))
      .map((d) => ({ params: { slug: d.slug } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const library = await loadLibrary();
  const department = library.department(params.slug!)!;
  const body = calendarFeed({
    name: department.label,
    description: `${department.label}：${strings.units.dueIntro}`,
    events: departmentDue(library, department),
    siteUrl: import.meta.env.SITE,
    taskUrl: taskUrlOn(import.meta.env.SITE, import.meta.env.BASE_URL),
  });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
};
