// Two builds of the same content into two folders, each with a fresh Astro cache, give byte-identical output:
// no timestamps, random ids or unordered maps. The checksum list a web team verifies against is the same too.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksumList } from "../../scripts/checksums.ts";
import { buildSite } from "./support/build.ts";
import { listFiles } from "./support/dist.ts";
import { TEST_SITE_URL } from "./support/site.ts";

let work: string;
let first: string;
let second: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "reproducible-"));
  first = join(work, "first");
  second = join(work, "second-with-another-name");
  buildSite({ out: first, cache: join(work, "cache-1"), base: "/zjtx/", site: TEST_SITE_URL });
  buildSite({ out: second, cache: join(work, "cache-2"), base: "/zjtx/", site: TEST_SITE_URL });
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("reproducible builds", () => {
  it("give the same files", () => {
    const files = listFiles(first);
    expect(files.filter((f) => f.startsWith("pagefind/")).length).toBeGreaterThan(20);
    expect(listFiles(second)).toEqual(files);
  });

  it("byte for byte", () => {
    const differing = listFiles(first).filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(second, f))));
    expect(differing).toEqual([]);
  });

  it("with one checksum list, which sha256sum accepts", () => {
    const list = checksumList(first);
    expect(checksumList(second)).toBe(list);
    expect(list.split("\n")[0]).toMatch(/^[0-9a-f]{64} {2}404\.html$/);
    const listFile = join(work, "first.sha256");
    writeFileSync(listFile, list);
    expect(execFileSync("sha256sum", ["--check", "--strict", "--quiet", listFile], { cwd: second, encoding: "utf8" })).toBe("");
  });
});
