// The phrases that name who is responsible outside a table: label lines (牵头单位：…), a closing parenthesis
// (（市教育局牵头，市财政局配合）), and the cover letter's rule that the first unit listed leads.
import { looksLikeUnit, splitUnits, UNIT_SEPARATORS } from "../units.ts";

export type LabelRole = "lead" | "support" | "responsible" | "leader" | "deadline" | "note";

/** Label words of a label line, longest first so 牵头责任单位 is not read as 牵头 + 责任单位. */
const LABELS: Array<[string, LabelRole]> = [
  ["牵头市领导", "leader"], ["牵头县领导", "leader"], ["牵头区领导", "leader"], ["牵头领导", "leader"], ["责任领导", "leader"], ["分管领导", "leader"],
  ["牵头责任单位", "lead"], ["牵头单位", "lead"], ["牵头部门", "lead"], ["主责单位", "lead"], ["牵头", "lead"],
  ["配合责任单位", "support"], ["配合单位", "support"], ["配合部门", "support"], ["协办单位", "support"], ["协助单位", "support"], ["参与单位", "support"],
  ["责任单位", "responsible"], ["责任部门", "responsible"], ["责任主体", "responsible"],
  ["完成时限", "deadline"], ["完成时间", "deadline"], ["时间节点", "deadline"], ["时限要求", "deadline"], ["时限", "deadline"],
  ["备注", "note"],
];

const LABEL_ALTERNATION = LABELS.map(([w]) => w).join("|");
const LABEL_START = new RegExp(`^(${LABEL_ALTERNATION})\\s*[：:]`);
/** Where a further label starts on the same line: 牵头单位：区住建局；配合单位：区人社局. */
const LABEL_INSIDE = new RegExp(`[；;，,。\\s\\u3000]+(?=(?:${LABEL_ALTERNATION})\\s*[：:])`, "g");

export interface LabelField {
  role: LabelRole;
  /** The label as printed, e.g. 牵头单位. */
  label: string;
  /** What follows the colon, trimmed; may be empty (the layout refuses that). */
  value: string;
  /** The characters the split consumed: the label, its colon, the separator before a further label. */
  consumed: string;
}

/** A label line in brackets on a line of its own: （责任单位：市经信局、市财政局）。 */
const BRACKETED = /^([（(])(.*)([）)][。；;.]?)$/;

/** A label line's fields, or undefined when the paragraph is not a label line. */
export function readLabelLine(text: string): LabelField[] | undefined {
  const bracketed = BRACKETED.exec(text);
  if (bracketed && LABEL_START.test(bracketed[2])) {
    const fields = readLabelLine(bracketed[2])!;
    fields[0]!.consumed = bracketed[1] + fields[0]!.consumed;
    fields.at(-1)!.consumed += bracketed[3];
    return fields;
  }
  if (!LABEL_START.test(text)) return undefined;
  const fields: LabelField[] = [];
  let rest = text;
  let before = "";
  while (rest !== "") {
    const m = LABEL_START.exec(rest)!;
    const body = rest.slice(m[0].length);
    LABEL_INSIDE.lastIndex = 0;
    const next = LABEL_INSIDE.exec(body);
    const value = next ? body.slice(0, next.index) : body;
    const role = LABELS.find(([w]) => w === m[1])![1];
    fields.push({ role, label: m[1], value: value.trim(), consumed: before + m[0] });
    if (!next) break;
    before = next[0];
    rest = body.slice(next.index + next[0].length);
  }
  return fields;
}

/** The cover letter's rule that the first unit of each list is the lead (责任单位中列第一位的为牵头单位). */
const FIRST_LISTED = /(列|排)(在)?(第一位|第一个|首位|前面|最前)的?(单位|部门)?(为|是)牵头|第一(个|位)?(责任)?(单位|部门)为牵头|首位(单位|部门)?为牵头/;

export function saysFirstListedLeads(texts: string[]): boolean {
  return texts.some((t) => FIRST_LISTED.test(t));
}

export interface ParenthesisUnits {
  lead: string[];
  support: string[];
  responsible: string[];
  /** A deadline clause inside the parenthesis (（市教育局牵头，2025年底前完成）), as printed. */
  deadline?: string;
  /** The characters consumed as syntax: 牵头/配合/负责 words and separators (the brackets are the caller's). */
  consumed: string;
}

const LEAD_WORD = /(牵头负责|牵头)$/;
const SUPPORT_WORD = /(配合落实|共同配合|配合|参与|协助|协同|协办)$/;
const SHARED_WORD = /(按职责分工负责|按职责分工落实|按职责负责|按照职责分工负责|分别负责|共同负责|负责落实|落实|负责)$/;
const DEADLINE_CLAUSE = /(\d{4}|[〇零一二三四五六七八九]{4})年|年底|年内|长期|持续|常态|每年|每季度|月底|季度/;

/**
 * The units a closing parenthesis names, or undefined when it names none.
 * `firstLeads`: the cover letter says the first unit listed leads (layout E).
 */
export function readParenthesis(inner: string, firstLeads: boolean): ParenthesisUnits | undefined {
  const clauses = inner.split(/([，,；;])/);
  const out: ParenthesisUnits = { lead: [], support: [], responsible: [], consumed: "" };
  const shared: string[][] = [];
  let plain: string[] | undefined;
  for (let k = 0; k < clauses.length; k += 2) {
    const clause = clauses[k].trim();
    if (k > 0) out.consumed += clauses[k - 1];
    if (clause === "") continue;
    const take = (word: RegExp): string[] | undefined => {
      const m = word.exec(clause);
      if (!m) return undefined;
      const names = splitUnits([clause.slice(0, m.index)]);
      if (names.length === 0 || !names.every(looksLikeUnit)) return undefined;
      out.consumed += m[0] + separators(clause.slice(0, m.index));
      return names;
    };
    const lead = take(LEAD_WORD);
    if (lead) {
      out.lead.push(...lead);
      continue;
    }
    const support = take(SUPPORT_WORD);
    if (support) {
      out.support.push(...support);
      continue;
    }
    const both = take(SHARED_WORD);
    if (both) {
      shared.push(both);
      continue;
    }
    const names = splitUnits([clause]);
    if (names.length > 0 && names.every(looksLikeUnit) && plain === undefined) {
      out.consumed += separators(clause);
      plain = names;
      continue;
    }
    if (out.deadline === undefined && DEADLINE_CLAUSE.test(clause)) {
      out.deadline = clause;
      continue;
    }
    return undefined;
  }
  if (plain) {
    // A bare list of units: only the cover letter's rule says who leads.
    if (!firstLeads) return undefined;
    out.lead.push(plain[0]);
    out.support.push(...plain.slice(1));
  }
  for (const names of shared) {
    // （市卫健委负责）: a sole unit leads; several with no lead named share it; beside a lead they cooperate.
    if (out.lead.length > 0) out.support.push(...names);
    else if (names.length === 1 && shared.length === 1) out.lead.push(...names);
    else if (firstLeads) {
      out.lead.push(names[0]);
      out.support.push(...names.slice(1));
    } else out.responsible.push(...names);
  }
  if (out.lead.length + out.responsible.length === 0) return undefined;
  return out;
}

function separators(text: string): string {
  return [...text].filter((ch) => UNIT_SEPARATORS.test(ch)).join("");
}

/** The closing parenthesis of a paragraph: （…） at its end, before an optional 。 or ；. */
export function closingParenthesis(text: string): { before: string; inner: string; after: string } | undefined {
  const m = /[（(]([^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]([。；;.]?)$/.exec(text);
  if (!m) return undefined;
  return { before: text.slice(0, m.index), inner: m[1], after: m[2] };
}
