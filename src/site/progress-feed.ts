// A department's progress updates as an Atom feed (RFC 4287): one entry per report per measure it leads, newest
// first. Written by hand through the shared XML escape (src/render/svg.ts): the feed library on the registry wants
// absolute URLs everywhere, and a site built without SITE_URL has only paths. Reproducible: no clock; each entry's
// id is its list, task, measure and report date (a tag: URI), its updated time the report's date.
import { escapeXml } from "../render/svg.ts";
import type { Document } from "../model/schema.ts";
import { paths, withBase } from "./paths.ts";
import { strings } from "./strings.ts";
import { taskTitle } from "./view.ts";

export interface FeedInput {
  title: string;
  /** The feed's own address and its department page's, absolute with SITE_URL, else paths under the base. */
  self: string;
  page: string;
  siteUrl: string | undefined;
  base: string;
  /** The lists with reports and, per list, the names under which the department leads there. */
  lists: Array<{ doc: Pick<Document, "id" | "title" | "chapters" | "progress">; names: Set<string> }>;
}

const stamp = (date: string) => `${date}T00:00:00Z`;

/** The progress entries of the measures the department leads (under the names it has in each list). */
function* ledEntries(lists: FeedInput["lists"]) {
  for (const { doc, names } of lists) {
    const progress = doc.progress;
    if (!progress) continue;
    const items = new Map(doc.chapters.flatMap((c) => c.items.map((i) => [i.number, i] as const)));
    for (const entry of progress.entries) {
      const item = items.get(entry.task);
      const m = item?.local[entry.measure];
      if (item && m && [...m.lead, ...m.responsible].some((n) => names.has(n))) yield { doc, progress, item, entry };
    }
  }
}

/** Whether the department's feed has an entry (it is built only then): the first one found answers. */
export function hasProgressUpdates(lists: FeedInput["lists"]): boolean {
  return !ledEntries(lists).next().done;
}

export function progressFeed(input: FeedInput): string | undefined {
  const host = input.siteUrl ? new URL(input.siteUrl).hostname : "policy-explorer.invalid";
  const url = (path: string) => (input.siteUrl ? new URL(withBase(input.base, path), input.siteUrl).href : withBase(input.base, path));
  const entries: Array<{ id: string; date: string; title: string; link: string; summary: string }> = [];
  for (const { doc, progress, item, entry: e } of ledEntries(input.lists)) {
    const report = progress.reports[e.report];
    const state = strings.progress.states[e.status] + (e.overdue ? `，${strings.progress.overdue}` : "");
    entries.push({
      id: `tag:${host},${report.date}:${doc.id}/t${e.task}/m${e.measure + 1}`,
      date: report.date,
      title: `【${state}】${strings.task.taskNumber(item.number)} ${taskTitle(item)}${item.local.length > 1 ? `（${strings.progress.measureN(e.measure + 1)}）` : ""}`,
      link: url(paths.task(doc.id, item.number)),
      summary: `${doc.title}\n${report.title || report.source}（${report.date}）\n${e.text}`,
    });
  }
  if (entries.length === 0) return undefined;
  entries.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const x = escapeXml;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>tag:${x(host)},2000:${x(input.self)}</id>`,
    `  <title>${x(input.title)}</title>`,
    `  <updated>${stamp(entries[0].date)}</updated>`,
    `  <link rel="self" href="${x(input.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(input.page)}"/>`,
    `  <author><name>${x(input.title)}</name></author>`,
    ...entries.flatMap((e) => [
      "  <entry>",
      `    <id>${x(e.id)}</id>`,
      `    <title>${x(e.title)}</title>`,
      `    <updated>${stamp(e.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${x(e.link)}"/>`,
      `    <summary>${x(e.summary)}</summary>`,
      "  </entry>",
    ]),
    "</feed>",
  ];
  return lines.join("\n") + "\n";
}
