// How cards and department pages get a department's contacts and a policy's source: phone numbers as tel: links,
// contacts found by the department's slug within its government, nothing for a department the contacts do not
// name; on the cards, the list's 文号 and, for the superior level's support, the superior document it implements.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readContacts } from "../../src/ingest/contacts.ts";
import { unitFolding } from "../../src/ingest/unit-folding.ts";
import { contactDirectory, noContacts, phoneLinks } from "../../src/site/contacts.ts";
import { buildLibrary } from "../../src/site/library.ts";
import { supportView, type SupportView } from "../../src/site/support.ts";
import { FIXTURES, ingestFiles } from "../ingest/helpers.ts";

const documents = await ingestFiles(["seeds/luan-zjtx-2022.txt", "test/fixtures/contacts/yunling-fuwu-2025.txt"]);
const library = buildLibrary(documents);
const read = readContacts("contacts.json", readFileSync(join(FIXTURES, "contacts", "contacts.json"), "utf8"), documents, unitFolding());
if (!read.ok) throw new Error(read.problems.map((p) => p.message).join("\n"));
const contactOf = contactDirectory(library.departments, read.value);
const cardsOf = (view: SupportView) => view.groups.flatMap((g) => [...g.named, ...g.open]);

describe("phoneLinks", () => {
  it("one tel: link per number, digits only, an extension after the dialling pause", () => {
    expect(phoneLinks("0564-3370001 转 8001、0564-3370002")).toEqual([
      { text: "0564-3370001 转 8001", href: "tel:05643370001,8001" },
      { text: "0564-3370002", href: "tel:05643370002" },
    ]);
    expect(phoneLinks("(0871)6660001/6660002")).toEqual([
      { text: "(0871)6660001", href: "tel:08716660001" },
      { text: "6660002", href: "tel:6660002" },
    ]);
  });
});

describe("contactDirectory", () => {
  it("finds a department by its slug within its government; another government's namesake has none", () => {
    expect(contactOf("lu-an-shi-shi-jing-xin-ju")).toEqual({
      phones: phoneLinks("0564-3370001 转 8001、0564-3370002"),
      address: "六安市示例路1号<b>二楼</b>",
      hours: "工作日 8:30-12:00",
      apply: "https://zwfw.example.gov.cn/apply?dept=jxj&from=site",
    });
    expect(contactOf("yun-ling-shi-shi-jing-xin-ju")).toBeUndefined();
    // Only what the file gives: no address, hours or 申报入口 keys for a phone-only entry.
    expect(contactOf("yun-ling-shi-shi-shang-wu-ju")).toEqual({ phones: [{ text: "(0871)6660001", href: "tel:08716660001" }] });
    expect(contactDirectory(library.departments, undefined)).toBe(noContacts);
  });
});

describe("the support cards' contacts and sources", () => {
  const view = supportView(documents, documents, library, undefined, contactOf);
  const cards = cardsOf(view);

  it("a card led by a department with contacts carries them; others none; without the file, none at all", () => {
    const led = cards.filter((c) => c.contact.some((u) => u.slug === "lu-an-shi-shi-jing-xin-ju"));
    expect(led.length).toBeGreaterThan(0);
    for (const c of led) expect(c.contacts.map((x) => x.unit.slug)).toContain("lu-an-shi-shi-jing-xin-ju");
    const others = cards.filter((c) => c.contact.every((u) => contactOf(u.slug) === undefined));
    expect(others.length).toBeGreaterThan(0);
    for (const c of others) expect(c.contacts).toEqual([]);
    expect(cardsOf(supportView(documents, documents, library)).every((c) => c.contacts.length === 0)).toBe(true);
    expect(led[0]!.contact[0]!.label).toBe("六安市 · 市经信局");
  });

  it("the list's 文号 where known; the superior level's cards cite the document the list implements", () => {
    const yunling = cards.filter((c) => c.list.id === "yunling-fuwu-2025");
    expect(yunling.length).toBeGreaterThan(0);
    for (const c of yunling) expect([c.listNumber, c.cites]).toEqual(["云政办〔2025〕3号", undefined]);
    const luan = cards.filter((c) => c.list.id === "luan-zjtx-2022");
    const superior = luan.filter((c) => c.superior);
    expect(superior.length).toBeGreaterThan(0);
    for (const c of superior) expect(c.cites).toEqual({ title: "安徽省人民政府办公厅关于印发安徽省专精特新中小企业倍增行动方案的通知", number: "皖政办〔2022〕2号" });
    for (const c of luan) expect("listNumber" in c).toBe(false);
    // The city's own support cites no superior document.
    expect(luan.filter((c) => !c.superior && c.cites === undefined).length).toBeGreaterThan(0);
  });
});
