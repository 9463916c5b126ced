// The copied-share chart: accessible SVG, values as text, escaped strings, a table with the same figures.
import { describe, expect, it } from "vitest";
import { copiedShareChart, copiedShareData, type CopiedShareLabels } from "../../src/charts/copied-share.ts";
import { escapeXml } from "../../src/render/svg.ts";
import { allItems, bundled } from "../ingest/helpers.ts";

const labels: CopiedShareLabels = {
  title: "照抄比例（按任务）",
  description: ({ overall, most, least }) => `全文 ${overall}；最高 ${most}；最低 ${least}。`,
  axis: "照抄比例",
  overall: "全文",
  columns: { task: "任务", share: "照抄比例", copied: "照抄字数", local: "市措施字数" },
  caption: "各任务照抄比例",
};

describe("copied share chart", () => {
  const doc = bundled();
  const data = copiedShareData(doc.comparison, allItems(doc));
  const chart = copiedShareChart(data, doc.comparison.share, labels, { id: "cs" });

  it("is an image labelled by its own title and description", () => {
    expect(chart.svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="cs-title cs-desc"/);
    expect(chart.svg).toContain('<title id="cs-title">照抄比例（按任务）</title>');
    expect(chart.svg).toMatch(/<desc id="cs-desc">全文 49%；最高 18\. 强化组织保障 89%；最低 17\. 培育高素质企业家队伍 4%。<\/desc>/);
  });

  it("prints every task's share as text beside its bar (colour is not the only cue)", () => {
    expect(chart.svg.match(/<rect /g)).toHaveLength(20);
    for (const d of data) expect(chart.svg).toContain(`>${Math.round(d.share * 100)}%</text>`);
    expect(chart.svg).toContain(">9. 加大金融信贷支持力度</text>");
  });

  it("has a table with the same figures", () => {
    expect(chart.table.columns).toEqual(["任务", "照抄比例", "照抄字数", "市措施字数"]);
    expect(chart.table.rows).toHaveLength(20);
    expect(chart.table.rows[8]).toEqual({ item: 9, cells: ["9. 加大金融信贷支持力度。", "74%", String(data[8].copiedCharacters), String(data[8].localCharacters)] });
    expect(chart.table.footer[0]).toBe("全文");
    expect(chart.table.footer[1]).toBe("49%");
  });

  it("escapes hostile titles and labels", () => {
    const hostile = copiedShareChart([{ item: 1, title: `<script>alert("x")</script>&`, share: 0.5, copiedCharacters: 1, localCharacters: 2 }], { share: 0.5, copiedCharacters: 1, localCharacters: 2 }, { ...labels, title: "a</title><script>" });
    expect(hostile.svg).not.toContain("<script>");
    expect(hostile.svg).toContain("a&lt;/title&gt;&lt;script&gt;");
    expect(escapeXml(`<&>"'\u0001`)).toBe("&lt;&amp;&gt;&quot;&apos;");
  });
});
