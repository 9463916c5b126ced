// Subsidies of a measure: each amount or rate paid out (one per item of a printed list), with its cap,
// recipient as printed, one-off flag, basis of a rate, and the paying level where the text names it.
import type { Level, Subsidy } from "../model/figures.ts";
import { recipientOf } from "./recipient.ts";
import type { Found } from "./quantities.ts";
import type { MeasureText } from "./text.ts";
import { sentenceAt } from "./text.ts";
import { LEVELS, PAYER, SUBSIDY_WORDS } from "./vocabulary.ts";

export function levelOf(word: string | null | undefined): Level | null {
  const m = word ? /^(国家|省|市|县|区)/.exec(word) : null;
  return m ? LEVELS[m[1] as keyof typeof LEVELS] : null;
}

/** The last payer printed between the recipient and the award: …的企业，[省级]分别给予… */
function payerIn(text: string, from: number, to: number): string | null {
  const region = text.slice(from, to);
  return [...region.matchAll(PAYER)].at(-1)?.[0] ?? null;
}

/** The basis of a rate: 按照[项目设备购置额]的10%, 按照不超过[项目投资额]50%的比例, 按30%给予[宣传推广费用]补助. */
function basisOf(text: string, rate: Found, sentenceStart: number): string | null {
  const before = text.slice(sentenceStart, rate.outerStart);
  const by = /按照?(?:不超过|不低于)?([^，,；;按0-9０-９%％、]*?)的?$/.exec(before);
  if (by && by[1]) return by[1];
  const after = /^[^，,；;。]*?给予(.+?)(?:补助|补贴|奖补|资助)/.exec(text.slice(rate.outerEnd));
  return after ? after[1] : null;
}

type Ids = Map<Found, string>;

/**
 * Groups the subsidy and rate quantities of one measure into subsidies. `ids` names each quantity.
 * A cap (最高…) joins the awards just before it in the same sentence; alone it is a cap-only subsidy.
 */
export function findSubsidies(m: MeasureText, found: Found[], ids: Ids): Subsidy[] {
  const { text } = m;
  const out: Subsidy[] = [];
  let previous: { sentence: number; subsidies: Subsidy[] } | null = null;
  const isCap = (f: Found) => f.kind === "subsidy" && /^(最高|不超过)/.test(f.qualifier ?? "");

  for (const f of found) {
    const [sentenceStart, sentenceEnd] = sentenceAt(text, f.start);
    const sentence = text.slice(sentenceStart, sentenceEnd);
    const isRate = f.kind === "rate" && SUBSIDY_WORDS.test(sentence);
    if (f.kind !== "subsidy" && !isRate) continue;
    if (isCap(f) && previous && previous.sentence === sentenceStart && previous.subsidies.every((s) => s.cap === null)) {
      for (const s of previous.subsidies) {
        s.cap = ids.get(f)!;
        s.end = Math.max(s.end, f.end);
      }
      continue;
    }
    // One subsidy per item of a list: a run shares the recipient; its label tells the items apart.
    const inSameRun = previous && previous.sentence === sentenceStart && previous.subsidies.at(-1)!.end <= f.start && /^[\s、]*$/.test(text.slice(previous.subsidies.at(-1)!.end, f.outerStart).replace(/^(以上|左右)/, ""));
    const recipient = recipientOf(text, sentenceStart, f.outerStart);
    const payer = payerIn(text, recipient.end, f.outerStart);
    const payerLevel = payer?.includes("、") && f.label ? levelOf(f.label.text) : levelOf(payer);
    const subsidy: Subsidy = {
      id: `sub-${ids.get(f)!}`,
      task: m.task,
      side: m.side,
      measure: m.measure,
      condition: recipient.text,
      label: f.label?.text ?? null,
      amount: f.kind === "subsidy" && !isCap(f) ? ids.get(f)! : null,
      rate: f.kind === "rate" ? ids.get(f)! : null,
      cap: isCap(f) ? ids.get(f)! : null,
      basis: f.kind === "rate" ? basisOf(text, f, sentenceStart) : null,
      oneOff: /一次性/.test(text.slice(recipient.start, f.end)),
      payer,
      payerLevel,
      start: Math.min(recipient.start, f.start),
      end: f.end,
    };
    out.push(subsidy);
    if (inSameRun && previous) previous.subsidies.push(subsidy);
    else previous = { sentence: sentenceStart, subsidies: [subsidy] };
  }
  return out;
}
