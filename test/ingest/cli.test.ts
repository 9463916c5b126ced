// The ingest command as a user runs it: exit codes, FILE:LINE messages, nothing written on failure,
// byte-identical output on a second run, and --check noticing a stale content folder.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "scripts", "ingest.ts");

function ingest(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "ingest-cli-"));
  cpSync(join(ROOT, "seeds"), join(dir, "seeds"), { recursive: true });
  return dir;
}

const snapshot = (dir: string) =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
      .filter((p) => p.endsWith(".json") || p.endsWith(".mdx"))
      .sort()
      .map((p) => [p, readFileSync(join(dir, p), "utf8")]),
  );

describe("npm run ingest", () => {
  it("builds content/ from seeds/, deterministically, and --check agrees", () => {
    const dir = workspace();
    const first = ingest([], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/layout A .*7 chapters, 20 tasks, 23 measures, 5 dated deadlines, \d+ units; coverage 100\.00%/);
    const once = snapshot(join(dir, "content"));
    // The list's JSON, its 20 task items, and the plan it implements (皖政办〔2022〕2号).
    expect(Object.keys(once)).toHaveLength(22);
    expect(first.stdout).toMatch(/^plan 皖政办〔2022〕2号 → content\/_site\/plans\.json: 1 list\(s\), 20 superior measure\(s\)$/m);
    expect(ingest([], dir).code).toBe(0);
    expect(snapshot(join(dir, "content"))).toEqual(once);
    expect(ingest(["--check"], dir).code).toBe(0);
  });

  it("matches the committed content/", () => {
    expect(ingest(["--check"], ROOT)).toMatchObject({ code: 0 });
  });

  it("--check names stale, missing and extra files and exits 1", () => {
    const dir = workspace();
    ingest([], dir);
    writeFileSync(join(dir, "content", "luan-zjtx-2022", "03.mdx"), "changed");
    writeFileSync(join(dir, "content", "orphan.json"), "{}");
    const r = ingest(["--check"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("content/luan-zjtx-2022/03.mdx: differs");
    expect(r.stderr).toContain("content/orphan.json: not produced by any source");
  });

  it("--json prints the model and writes nothing", () => {
    const dir = workspace();
    const r = ingest(["--json", "seeds/luan-zjtx-2022.txt"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).chapters).toHaveLength(7);
    expect(existsSync(join(dir, "content"))).toBe(false);
  });

  it("refuses bad input with FILE:LINE lines, no stack trace, and writes nothing", () => {
    const dir = workspace();
    const good = join(dir, "seeds", "luan-zjtx-2022.txt");
    const bad = join(FIXTURES, "malformed-missing-cell", "input.txt");
    const r = ingest([good, bad, "--out", "out"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/malformed-missing-cell\/input\.txt:12: the row has 4 of 5 cells/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("writes the given files into --out", () => {
    const dir = workspace();
    const r = ingest([join(FIXTURES, "county-list", "input.txt"), "--out", "out"], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "out", "input")).sort()).toEqual(["01.mdx", "02.mdx", "03.mdx"]);
    expect(JSON.parse(readFileSync(join(dir, "out", "input.json"), "utf8")).columns[4]).toEqual({ role: "support", label: "配合单位" });
  });

  it("reports an unreadable file", () => {
    const r = ingest(["nope.txt"], workspace());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nope\.txt:1: cannot read the file \(no such file\)/m);
  });

  it("refuses a list named like one of the site's own folders, and writes nothing", () => {
    const dir = workspace();
    cpSync(join(dir, "seeds", "luan-zjtx-2022.txt"), join(dir, "seeds", "Units.txt"));
    const r = ingest([], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^seeds\/Units\.txt:1: its document id "units" is the name of one of the site's own folders \(units, lists, plans, progress, figures, support, search, downloads, pagefind, _astro, 404\); expected another file name$/m);
    expect(existsSync(join(dir, "content"))).toBe(false);
  });

  it("refuses a file of another format in seeds/ by name, listing the accepted formats, and writes nothing", () => {
    const dir = workspace();
    writeFileSync(join(dir, "seeds", "slides.ppt"), "\u00d0\u00cf\u0011\u00e0");
    const r = ingest([], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^seeds\/slides\.ppt:1: \.ppt files are not a format the ingest reads; expected one of \.txt, \.text, \.docx, \.xlsx, \.html, \.htm, \.pdf, \.ofd, \.doc, \.wps$/m);
    expect(existsSync(join(dir, "content"))).toBe(false);
  });

  it("reads a folder of other formats and layouts, and prints the layout it found for each", () => {
    const dir = workspace();
    cpSync(join(FIXTURES, "layout-c-label-lines", "input.txt"), join(dir, "seeds", "chengdong.txt"));
    cpSync(join(FIXTURES, "format-html-parenthesis", "input.html"), join(dir, "seeds", "beishan.html"));
    const r = ingest([], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/chengdong\.txt → .*\[txt, utf-8; layout C \(numbered paragraphs with label lines\)\]: 2 chapters, 4 tasks/);
    expect(r.stdout).toMatch(/beishan\.html → .*\[html, utf-8; layout D \(numbered paragraphs ending in a unit parenthesis\)\]: 2 chapters, 4 tasks/);
    expect(JSON.parse(readFileSync(join(dir, "content", "beishan.json"), "utf8")).format).toBe("html");
  });

  it("folds unit names by the table and by seeds/unit-aliases.json, prints every fold, and refuses a broken aliases file", () => {
    const dir = workspace();
    cpSync(join(FIXTURES, "library", "luan-shuzi-2023.txt"), join(dir, "seeds", "luan-shuzi-2023.txt"));
    writeFileSync(join(dir, "seeds", "unit-aliases.json"), JSON.stringify({ same: [["市商务局", "市商务和投资促进局"]], separate: ["市教育体育局"] }, null, 2));
    const r = ingest([], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/unit names folded: 市经济和信息化局 → 市经信局, 市科学技术局 → 市科技局, 市人力资源和社会保障局 → 市人社局\n/);
    const doc = JSON.parse(readFileSync(join(dir, "content", "luan-shuzi-2023.json"), "utf8"));
    expect(doc.units.find((u: { name: string }) => u.name === "市教育体育局").canonical).toBe("市教育体育局");
    writeFileSync(join(dir, "seeds", "unit-aliases.json"), '{\n  "same": [["市商务局"]]\n}\n');
    const bad = ingest([], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^seeds\/unit-aliases\.json:2: at same\.0: .*expected \{ "same"/m);
  });

  it("reads seeds/contacts.json: refuses a bad one at its line writing nothing, copies a good one into content/, --check covers it", () => {
    const dir = workspace();
    const seeds = join(dir, "seeds");
    expect(ingest([], dir).code).toBe(0);
    const content = join(dir, "content");
    const before = snapshot(content);
    const entry = (name: string, apply = "https://zwfw.example.gov.cn/jxj") => ({ government: "六安市", name, phone: "0564-3370001", apply });
    writeFileSync(join(seeds, "contacts.json"), JSON.stringify({ departments: [entry("市经信局"), entry("市经新局")] }, null, 2));
    const unknown = ingest([], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^seeds\/contacts\.json:11: no list names 市经新局 of 六安市; expected a department its lists name, such as 市经信局、/m);
    expect(unknown.stderr).toMatch(/ingest: 1 problem\(s\); nothing written/);
    writeFileSync(join(seeds, "contacts.json"), JSON.stringify({ departments: [entry("市经信局", "javascript:alert(1)")] }, null, 2));
    const script = ingest([], dir);
    expect(script.code).toBe(1);
    expect(script.stderr).toMatch(/^seeds\/contacts\.json:7: at departments\.0\.apply: expected an http:\/\/ or https:\/\/ address/m);
    expect(snapshot(content)).toEqual(before);

    // A good file: read as a companion (not refused as a source), written to content/, checked, mirrored.
    writeFileSync(join(seeds, "contacts.json"), JSON.stringify({ departments: [entry("市经济和信息化局")] }, null, 2));
    const r = ingest([], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^contacts → content\/_site\/contacts\.json: 1 department\(s\)$/m);
    const written = JSON.parse(readFileSync(join(dir, "content", "_site", "contacts.json"), "utf8"));
    expect(written.departments).toEqual([{ ...entry("市经济和信息化局"), canonical: "市经信局" }]);
    expect(ingest(["--check"], dir).code).toBe(0);
    writeFileSync(join(dir, "content", "_site", "contacts.json"), "{}");
    expect(ingest(["--check"], dir).stderr).toContain("content/_site/contacts.json: differs");
    rmSync(join(seeds, "contacts.json"));
    expect(ingest(["--check"], dir).stderr).toContain("content/_site/contacts.json: not produced by any source");
    expect(ingest([], dir).code).toBe(0);
    expect(existsSync(join(dir, "content", "_site", "contacts.json"))).toBe(false);
    expect(snapshot(content)).toEqual(before);
  });

  it("refuses a list that names no government once the lists are several, names the settings file, and reads it", () => {
    const dir = workspace();
    const seeds = join(dir, "seeds");
    for (const name of ["yunling-zjtx-2025.txt", "unsigned-2025.txt"]) cpSync(join(FIXTURES, "governments", name), join(seeds, name));
    const before = snapshot(dir);
    const refused = ingest([], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^seeds\/unsigned-2025\.txt:1: the list does not say which government issued it .*expected "government" in seeds\/unsigned-2025\.settings\.json/m);
    expect(refused.stderr).not.toMatch(/yunling|luan-zjtx/);
    expect(refused.stderr).toMatch(/nothing written/);
    expect(snapshot(dir)).toEqual(before);

    // Alone it builds: one list's departments cannot be confused with another's.
    const alone = ingest([join("seeds", "unsigned-2025.txt"), "--out", "alone"], dir);
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stdout).toMatch(/government: not printed; set "government" in seeds\/unsigned-2025\.settings\.json/);

    writeFileSync(join(seeds, "unsigned-2025.settings.json"), '{\n  "government": "六安"\n}\n');
    const bad = ingest([], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^seeds\/unsigned-2025\.settings\.json:2: at government: expected a place with its level, such as 六安市.*; expected \{ "government": "六安市", "number": "六政办〔2022〕12号", "columns": \{ "责任处室": "lead" \} \}$/m);
    writeFileSync(join(seeds, "unsigned-2025.settings.json"), '{\n  "government": "云岭市",\n  "lead": "市经信局"\n}\n');
    expect(ingest([], dir).stderr).toMatch(/^seeds\/unsigned-2025\.settings\.json:1: at top level: Unrecognized key/m);

    writeFileSync(join(seeds, "unsigned-2025.settings.json"), '{ "government": "云岭市" }\n');
    const r = ingest([], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/unsigned-2025\.txt → [^\n]*\n  government: 云岭市 \(from the settings file\)/);
    expect(r.stdout).toMatch(/yunling-zjtx-2025\.txt → [^\n]*\n  government: 云岭市 \(from the letter's title\)/);
    expect(r.stdout).toMatch(/luan-zjtx-2022\.txt → [^\n]*\n  government: 六安市 \(from the settings file\)/);
    const unit = (id: string, name: string) => JSON.parse(readFileSync(join(dir, "content", `${id}.json`), "utf8")).units.find((u: { name: string }) => u.name === name);
    expect(unit("unsigned-2025", "市经信局").slug).toBe("yun-ling-shi-shi-jing-xin-ju");
    expect(unit("luan-zjtx-2022", "市经信局").slug).toBe("lu-an-shi-shi-jing-xin-ju");
  });
});
