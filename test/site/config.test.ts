// Site config and the helpers around it: footer fields, base paths.
import { describe, expect, it } from "vitest";
import { SiteConfig } from "../../src/site/config.ts";
import { footerEntries } from "../../src/site/footer.ts";
import { paths, withBase } from "../../src/site/paths.ts";

describe("footer", () => {
  it("hides empty fields and links the record numbers", () => {
    const config = SiteConfig.parse({ name: "x", footer: { organizer: "六安市经济和信息化局", icp: "皖ICP备00000000号" } });
    expect(footerEntries(config)).toEqual([
      { label: "主办单位", value: "六安市经济和信息化局" },
      { label: "ICP备案号", value: "皖ICP备00000000号", url: "https://beian.miit.gov.cn/" },
    ]);
  });
  it("rejects an unknown field by name", () => {
    expect(() => SiteConfig.parse({ name: "x", footer: { icpNumber: "1" } })).toThrow(/icpNumber/);
  });
});

describe("withBase", () => {
  it.each([
    ["/", paths.task("d", 3), "/d/tasks/3/"],
    ["/zjtx/", paths.task("d", 3), "/zjtx/d/tasks/3/"],
    ["/zjtx", paths.home(), "/zjtx/"],
    ["/zjtx/", paths.pagefind(), "/zjtx/pagefind/pagefind.js"],
  ])("%s + %s → %s", (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});
