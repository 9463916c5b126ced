// seeds/contacts.json: checked field by field (an http(s) 申报入口 only, a phone of digits and separators, trimmed and
// bounded text), each problem at its line; each entry matched to a department of the lists by government and name,
// folded as unit names are, within that government; an entry that matches none is refused at its line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readContacts } from "../../src/ingest/contacts.ts";
import { unitFolding } from "../../src/ingest/unit-folding.ts";
import { lineOfPath } from "../../src/model/companion.ts";
import type { Document } from "../../src/model/schema.ts";
import { FIXTURES, ingestFiles } from "./helpers.ts";

const FIXTURE = join(FIXTURES, "contacts", "contacts.json");
const lists = await ingestFiles(["seeds/luan-zjtx-2022.txt", "test/fixtures/contacts/yunling-fuwu-2025.txt"]);
const read = (text: string, docs: readonly Document[] = lists) => readContacts("seeds/contacts.json", text, docs, unitFolding());

/** A file of entries, one key per line, as a person writes it. */
const file = (...entries: object[]) => JSON.stringify({ departments: entries }, null, 2);
const problems = (text: string) => {
  const r = read(text);
  return r.ok ? [] : r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
};

describe("seeds/contacts.json", () => {
  it("a good file: each entry with its department's name across lists, an alias folded within its government", () => {
    const r = read(readFileSync(FIXTURE, "utf8"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.departments).toEqual([
      {
        government: "六安市",
        name: "市经济和信息化局",
        canonical: "市经信局",
        phone: "0564-3370001 转 8001、0564-3370002",
        address: "六安市示例路1号<b>二楼</b>",
        apply: "https://zwfw.example.gov.cn/apply?dept=jxj&from=site",
        hours: "工作日 8:30-12:00",
      },
      { government: "云岭市", name: "市商务局", canonical: "市商务局", phone: "(0871)6660001" },
    ]);
    // The full name with the place is the government's own department too; strings are trimmed.
    const full = read(file({ government: "六安市", name: " 六安市经济和信息化局 ", phone: " 0564-3370001 " }));
    expect(full.ok && full.value.departments[0]).toMatchObject({ name: "六安市经济和信息化局", canonical: "市经信局", phone: "0564-3370001" });
  });

  it("a 申报入口 that is not an http(s) address is refused at its line: javascript:, data:, others", () => {
    const ok = { government: "六安市", name: "市财政局", phone: "0564-1234567" };
    for (const apply of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.gov.cn/", "//example.gov.cn/", "https://exa mple.gov.cn/", "vbscript:msgbox(1)"]) {
      expect(problems(file(ok, { ...ok, name: "市商务局", apply })), apply).toEqual([
        expect.stringMatching(/^seeds\/contacts\.json:12: at departments\.1\.apply: expected an http:\/\/ or https:\/\/ address \(no javascript:, data: or other schemes\); expected \{ "departments"/),
      ]);
    }
    expect(problems(file({ ...ok, apply: "http://zwfw.example.gov.cn/a?b=1#c" }))).toEqual([]);
  });

  it("refuses a phone with other characters, empty or overlong text, a control character, an unknown key, an entry saying nothing", () => {
    const base = { government: "六安市", name: "市财政局" };
    const at = (entry: object) => problems(file(entry));
    expect(at({ ...base, phone: "0564-3377xxx" })).toEqual([expect.stringMatching(/^seeds\/contacts\.json:6: at departments\.0\.phone: expected digits/)]);
    expect(at({ ...base, phone: "<a>0564</a>" })).toEqual([expect.stringMatching(/:6: at departments\.0\.phone: expected digits/)]);
    expect(at({ ...base, address: "  " })).toEqual([expect.stringMatching(/:6: at departments\.0\.address: address is empty/)]);
    expect(at({ ...base, address: "路".repeat(121) })).toEqual([expect.stringMatching(/address is longer than 120 characters/)]);
    expect(at({ ...base, hours: "工作日\u0007" })).toEqual([expect.stringMatching(/hours holds a control character/)]);
    expect(at({ ...base, phone: "0564-1234567", fax: "0564-1234568" })).toEqual([expect.stringMatching(/:3: at departments\.0: Unrecognized key: "fax"/)]);
    expect(at(base)).toEqual([expect.stringMatching(/:3: at departments\.0: gives nothing to show/)]);
    expect(at({ ...base, government: "六安", phone: "0564-1234567" })).toEqual([expect.stringMatching(/:4: at departments\.0\.government: expected a place with its level/)]);
  });

  it("an entry that matches no department of any list is refused at its line, with the government's departments", () => {
    const ok = { government: "六安市", name: "市财政局", phone: "0564-1234567" };
    expect(problems(file(ok, { ...ok, name: "市经新局" }))).toEqual([
      expect.stringMatching(/^seeds\/contacts\.json:10: no list names 市经新局 of 六安市; expected a department its lists name, such as 市经信局、/),
    ]);
    // Aliases fold within one government: 云岭's list names no 市发改委.
    expect(problems(file({ ...ok, government: "云岭市", name: "市发展和改革委员会" }))).toEqual([expect.stringMatching(/:5: no list names 市发展和改革委员会 of 云岭市;/)]);
    expect(problems(file({ ...ok, government: "青岚区", name: "区经信局" }))).toEqual([expect.stringMatching(/:5: no list is of 青岚区; expected the government of a list ingested with it \(六安市、云岭市\)/)]);
    expect(problems(file(ok, { ...ok, name: "市财政局", address: "某路" }))).toEqual([expect.stringMatching(/:10: 市财政局 of 六安市 is 市财政局, given already at line 5; expected one entry per department/)]);
  });

  it("invalid JSON is refused at the line JSON.parse names", () => {
    expect(problems('{\n  "departments": [\n    { "government": "六安市", }\n  ]\n}\n')).toEqual([expect.stringMatching(/^seeds\/contacts\.json:3: not valid JSON \(.*\); expected \{ "departments"/)]);
  });
});

describe("lineOfPath", () => {
  it("finds an array's nth entry, not the first occurrence of its key; a missing key is its object's line", () => {
    const text = '{\n  "a": [\n    { "k": 1, "s": "x\\"k\\": [" },\n    {\n      "k": [1, [2], {"z": null}],\n      "m": true\n    }\n  ]\n}';
    expect([[], ["a"], ["a", 0, "k"], ["a", 1], ["a", 1, "m"], ["a", 1, "missing"], ["a", 7], ["nothing"]].map((p) => lineOfPath(text, p))).toEqual([1, 2, 3, 4, 6, 4, 2, 1]);
  });
});
