// A corpus of N documents made from one: other cities, other titles, units, numbers, item and measure counts.
// Documents are written back in the source format (TAB-opened cells), so the whole ingest is exercised.
import type { Document, Item } from "../src/model/schema.ts";

const CITIES = ["合肥", "芜湖", "蚌埠", "淮南", "马鞍山", "淮北", "铜陵", "安庆", "黄山", "滁州", "阜阳", "宿州", "宣城", "池州", "亳州"];

/** Deterministic PRNG (mulberry32), so a corpus is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

/** The model → source text in the Word export format the ingest reads. */
export function toSourceText(doc: Document): string {
  const out: string[] = ["", doc.title, ""];
  if (doc.number) out.push(doc.number, "");
  if (doc.preamble.addressees) out.push(doc.preamble.addressees, "");
  for (const p of doc.preamble.paragraphs) out.push(p, "");
  if (doc.datePrinted) out.push(doc.datePrinted, "");
  out.push("附件：", doc.listTitle);
  for (const column of doc.columns) out.push(`\t${column.label}`);
  out.push("");
  for (const chapter of doc.chapters) {
    out.push(`\t${chapter.label}${chapter.title}`, "");
    for (const item of chapter.items) {
      item.local.forEach((m, k) => {
        out.push(k === 0 ? `\t${item.number}.${item.title}` : "\t", k === 0 ? `\t${item.upper ?? ""}` : "\t");
        out.push(`\t${m.text}`, `\t${m.lead.join("、")}`, `\t${m.support.join("、")}`, "");
      });
    }
  }
  return out.join("\n");
}

function scaleNumbers(text: string, factor: number): string {
  return text.replace(/\d+(?=[家个项台条场户名万亿%])/g, (n) => String(Math.max(1, Math.round(Number(n) * factor))));
}

export function generateDocument(base: Document, index: number): { name: string; text: string } {
  const rnd = random(index + 1);
  const city = CITIES[index % CITIES.length];
  const sub = (t: string) => scaleNumbers(t.replaceAll("六安", city), 0.5 + rnd());
  const unitSub = (u: string) => (rnd() < 0.2 ? u.replace(/^市/, `${city}市`) : u);
  // 1 to 3 copies of the items, with 0 to 2 measures removed or duplicated: other sizes, same shape.
  const copies = 1 + Math.floor(rnd() * 3);
  let number = 0;
  const chapters = base.chapters.slice(0, 3 + Math.floor(rnd() * (base.chapters.length - 2))).map((chapter, c) => ({
    ...chapter,
    numeral: NUMERALS[c],
    label: `${NUMERALS[c]}、`,
    items: Array.from({ length: copies }, () => chapter.items)
      .flat()
      .map((item): Item => {
        const local = rnd() < 0.3 ? [...item.local, item.local[0]] : rnd() < 0.2 && item.local.length > 1 ? item.local.slice(1) : item.local;
        return {
          ...item,
          number: ++number,
          upper: sub(item.upper ?? ""),
          local: local.map((m) => ({ ...m, text: sub(m.text), lead: m.lead.map(unitSub), support: m.support.map(unitSub) })),
        };
      }),
  }));
  // Signed in the title, as a city's letter is: the ingest reads the government from it.
  const doc: Document = { ...base, title: `${city}市人民政府办公室${base.title.replace("贯彻落实", `${city}市贯彻落实`)}`, chapters };
  return { name: `corpus-${String(index + 1).padStart(3, "0")}-${index % CITIES.length}`, text: toSourceText(doc) };
}

export function generateCorpus(base: Document, n: number): { name: string; text: string }[] {
  return Array.from({ length: n }, (_, i) => generateDocument(base, i));
}
