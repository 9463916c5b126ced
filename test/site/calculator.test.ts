// 政策计算器: sums per kind in the finder's order, a maximum kept a maximum, money read as lists print it.
import { describe, expect, it } from "vitest";
import { moneyText, sumByKind } from "../../src/site/calculator.ts";

describe("sumByKind", () => {
  const claims = [
    { id: "a", kind: "subsidy", yuan: 300_000, upTo: false, oneOff: false },
    { id: "b", kind: "reward", yuan: 1_000_000, upTo: false, oneOff: true },
    { id: "c", kind: "reward", yuan: 50_000, upTo: true, oneOff: true },
  ];

  it("sums each kind in the order given, and the total, keeping 最高 where any part is a maximum", () => {
    const sums = sumByKind(claims, ["reward", "subsidy", "interest"]);
    expect(sums.kinds.map((k) => [k.kind, k.yuan, k.upTo, k.claims.map((c) => c.id)])).toEqual([
      ["reward", 1_050_000, true, ["b", "c"]],
      ["subsidy", 300_000, false, ["a"]],
    ]);
    expect(sums.total).toEqual({ yuan: 1_350_000, upTo: true });
  });

  it("nothing ticked sums to nothing", () => {
    expect(sumByKind([], ["reward"])).toEqual({ kinds: [], total: { yuan: 0, upTo: false } });
  });
});

describe("moneyText", () => {
  it("writes 元 as 万元 or 亿元 where a list would", () => {
    expect([moneyText(1_350_000), moneyText(50_000, true), moneyText(3_500), moneyText(25_000_000_000), moneyText(12_345)]).toEqual([
      "135万元", "最高5万元", "3500元", "250亿元", "12345元",
    ]);
  });
});
