// CLI: source documents → content/ (a JSON model per document and one MDX file per task item).
//   npm run ingest                      every file in seeds/ → content/
//   npm run ingest -- FILE... [--out D] the given files → D (default content/)
//   npm run ingest -- --json FILE       print one document's JSON; write nothing
//   npm run ingest -- --check           exit 1 when content/ differs from what seeds/ produce
//   npm run ingest -- --explain FILE    print the blocks as read and how the layout was chosen
import { parseArgs } from "node:util";
import { runIngest } from "../src/cli/ingest-command.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string" },
    json: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: false,
});

process.exitCode = await runIngest({
  files: positionals,
  out: typeof values.out === "string" ? values.out : undefined,
  json: values.json === true,
  check: values.check === true,
  explain: values.explain === true,
  help: values.help === true,
});
