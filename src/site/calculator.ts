// 政策计算器 (pure; the browser script and the tests share it): the amounts an enterprise ticked, summed per kind of
// benefit. A maximum (最高…) stays a maximum in its sum, and the money reads as printed lists write it (130万元).

export interface Claim {
  id: string;
  kind: string;
  yuan: number;
  /** The figure is a maximum: the sum it joins is one too. */
  upTo: boolean;
  oneOff: boolean;
}

export interface KindSum {
  kind: string;
  yuan: number;
  upTo: boolean;
  claims: Claim[];
}

/** Sums per kind, in the order of `kinds` (the finder's), and the total over all. */
export function sumByKind(claims: readonly Claim[], kinds: readonly string[]): { kinds: KindSum[]; total: { yuan: number; upTo: boolean } } {
  const order = (kind: string) => (kinds.includes(kind) ? kinds.indexOf(kind) : kinds.length);
  const byKind = new Map<string, KindSum>();
  for (const claim of claims) {
    const sum = byKind.get(claim.kind) ?? { kind: claim.kind, yuan: 0, upTo: false, claims: [] };
    sum.yuan += claim.yuan;
    sum.upTo ||= claim.upTo;
    sum.claims.push(claim);
    byKind.set(claim.kind, sum);
  }
  const sums = [...byKind.values()].sort((a, b) => order(a.kind) - order(b.kind));
  return { kinds: sums, total: { yuan: sums.reduce((n, s) => n + s.yuan, 0), upTo: sums.some((s) => s.upTo) } };
}

/** 元 as a list prints money: 1300000 → 130万元, 25000000000 → 250亿元, 3500 → 3500元. */
export function moneyText(yuan: number, upTo = false, upToPrefix = "最高"): string {
  const text =
    yuan >= 1e8 && yuan % 1e6 === 0 ? `${yuan / 1e8}亿元` : yuan >= 1e4 && yuan % 100 === 0 ? `${yuan / 1e4}万元` : `${yuan}元`;
  return upTo ? `${upToPrefix}${text}` : text;
}
