import { describe, expect, it } from "vitest";
import { convertMinor, forexRate, percentOf, toMajor, toMinor } from "./money";
import { computeQuote } from "./quote";
import { triggerOf } from "./triggers";

describe("Octopus Cards simulator money", () => {
  it("converts with the fixed sandbox rates, rounding half up to the minor unit", () => {
    expect(convertMinor(100, "USD", "HKD")).toBe(780);
    expect(convertMinor(780, "HKD", "USD")).toBe(100);
    expect(convertMinor(965, "USD", "HKD")).toBe(7527);
    expect(convertMinor(1, "HKD", "USD")).toBe(0);
    expect(forexRate("USD", "HKD")).toBe(7.8);
    expect(forexRate("HKD", "USD")).toBe(0.128205);
  });

  it("takes percentages in basis points, half up", () => {
    expect(percentOf(25_000, 350)).toBe(875);
    expect(percentOf(7527, 100)).toBe(75);
    expect(percentOf(50, 100)).toBe(1);
    expect(percentOf(49, 100)).toBe(0);
  });

  it("keeps wire amounts at the currency's precision", () => {
    expect(toMinor(4.99, "USD")).toBe(499);
    expect(toMajor(1930, "USD")).toBe(19.3);
    expect(() => toMinor(4.7405, "USD")).toThrow(/decimal places/);
  });

  it("computes the documented charges example and a cross-currency quote", () => {
    expect(
      computeQuote({
        unitMinor: 5000,
        quantity: 5,
        discountPercent: 3.5,
        sourceCurrency: "USD",
        walletCurrency: "USD",
      }),
    ).toMatchObject({
      nonDiscountedMinor: 25_000,
      discountMinor: 875,
      totalMinor: 24_125,
      payableMinor: 24_125,
      forexRate: null,
      conversionFeeMinor: null,
    });
    expect(
      computeQuote({
        unitMinor: 1000,
        quantity: 1,
        discountPercent: 3.5,
        sourceCurrency: "USD",
        walletCurrency: "HKD",
      }),
    ).toMatchObject({
      netMinor: 7527,
      conversionFeeMinor: 75,
      payableMinor: 7602,
      forexRate: 7.8,
    });
  });

  it("reads test triggers as client_reference prefixes", () => {
    expect(triggerOf("SIM_FAIL_PLAN_UNAVAILABLE-42")).toEqual({ kind: "fail", code: "PLAN_UNAVAILABLE" });
    expect(triggerOf("SIM_PENDING")).toEqual({ kind: "pending" });
    expect(triggerOf("SIM_SLOW_x")).toEqual({ kind: "slow" });
    expect(triggerOf("SIM_FAIL_UNKNOWN")).toEqual({ kind: "none" });
    expect(triggerOf("ORDER-1")).toEqual({ kind: "none" });
    expect(triggerOf(undefined)).toEqual({ kind: "none" });
  });
});
