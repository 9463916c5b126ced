// Regenerates the test fixtures' derived inputs and expected outputs. Review the diff before committing:
// an expected file changes only when the parser's behaviour is meant to change.
//   npm run fixtures
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { formatProblem } from "../src/ingest/blocks.ts";
import { fixtureFile, fixtureNames, parseFixtureAsync } from "../test/ingest/helpers.ts";

const FIXTURES = "test/fixtures";
const BUNDLED = "seeds/luan-zjtx-2022.txt";

// Encodings and line ends the ingest must accept, made from the bundled document.
const seed = readFileSync(BUNDLED, "utf8");
const derived: Record<string, Buffer> = {
  "luan-bundled": Buffer.from(seed, "utf8"),
  "luan-crlf-bom": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed.replace(/\n/g, "\r\n"), "utf8")]),
  "luan-gb18030": iconv.encode(seed, "gb18030"),
};
for (const [name, bytes] of Object.entries(derived)) {
  mkdirSync(join(FIXTURES, name), { recursive: true });
  writeFileSync(join(FIXTURES, name, "input.txt"), bytes);
}

for (const name of fixtureNames()) {
  const dir = join(FIXTURES, name);
  const result = await parseFixtureAsync(name);
  rmSync(join(dir, "expected.json"), { force: true });
  rmSync(join(dir, "expected.txt"), { force: true });
  if (result.ok) writeFileSync(join(dir, "expected.json"), JSON.stringify(result.document, null, 2) + "\n");
  else writeFileSync(join(dir, "expected.txt"), result.problems.map((p) => formatProblem(fixtureFile(name), p)).join("\n") + "\n");
  console.log(`${dir}: ${result.ok ? `expected.json (layout ${result.document.layout})` : `expected.txt (${result.problems.length} problem(s))`}`);
}
