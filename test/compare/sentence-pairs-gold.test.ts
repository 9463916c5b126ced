// The sentence matcher against the hand-made pairs of the whole bundled document (gold.ts).
import { expect, it } from "vitest";
import { matchTexts } from "../../src/compare/align.ts";
import { splitSentences } from "../../src/compare/sentences.ts";
import { allItems, bundled } from "../ingest/helpers.ts";
import { accepts, SENTENCE_GOLD } from "./gold.ts";

it("pairs the bundled document's sentences as a careful reader does, but for task 2's look-alike subsidy", () => {
  const wrong: string[] = [];
  for (const item of allItems(bundled())) {
    const superior = splitSentences(item.upper!).map((s) => s.text);
    const local = item.local.flatMap((m) => splitSentences(m.text).map((s) => s.text));
    expect(local).toHaveLength(SENTENCE_GOLD[item.number].length);
    const matches = matchTexts(superior, local);
    local.forEach((text, j) => {
      const got = matches.find((m) => m.local === j)?.superior ?? null;
      if (!accepts(SENTENCE_GOLD[item.number][j], got)) wrong.push(`${item.number}: ${text.slice(0, 12)} → ${got}`);
    });
  }
  expect(wrong).toEqual(["2: 对评为国家级、省级小微企 → 1"]);
});
