// Hand-made sentence pairs of the bundled document (luan-zjtx-2022): for each task, for each local sentence in
// reading order (all measures, split by splitSentences), the index of the superior sentence it carries, null when
// it is new, or a list of the readings a careful reader could defend (null among them = "new" is defensible too).
// Used to measure the similarities (bench/similarity.ts) and to test the aligner on the whole document.
export type GoldAnswer = number | null | ReadonlyArray<number | null>;

export const SENTENCE_GOLD: Readonly<Record<number, readonly GoldAnswer[]>> = {
  1: [null, 0, 1, 2],
  2: [0, null, null, null, null], // L1–L4 are other subsidies of the same form as S1 (迁入安徽…), not S1
  3: [0, 1],
  4: [0, 1],
  5: [0, 1, null, 2],
  6: [[2, null], [2, null], null, [1, null]], // S2 (上云上平台) is carried by L0 or L1; L3 may read as S1
  7: [null, null, 0],
  8: [0, null, null, 1, 2],
  9: [0, 1, null, 3],
  10: [0, null, 1],
  11: [0, 2],
  12: [0, 1],
  13: [null, null, 0, 1],
  14: [0, 1],
  15: [null, 0, 1, 2, 3],
  16: [0, 2, 3, 1],
  17: [[1, null], [1, null], null], // S1 (新徽商培训工程, 新生代) echoes in both L0 and L1
  18: [0, 1],
  19: [0, 1, 2],
  20: [0, 1],
};

export function accepts(answer: GoldAnswer, got: number | null): boolean {
  return Array.isArray(answer) ? answer.includes(got) : answer === got;
}
