import { describe, expect, it } from "vitest";
import type { Money, Quote } from "@/lib/integrations/providers/octopus-cards/types";
import { fxRateText } from "./quote-breakdown";

const m = (minor: bigint, currency: string): Money => ({ minor, currency });
const hkdToUsd = (forexRate: number | null): Quote => ({
  nonDiscountedTotal: m(30_000n, "HKD"),
  discountAmount: m(600n, "HKD"),
  totalAmount: m(29_400n, "HKD"),
  discountPercent: 2,
  gstAmount: m(0n, "HKD"),
  totalPayable: m(3_807n, "USD"),
  netAmount: m(3_769n, "USD"),
  handlingFee: m(0n, "USD"),
  maxQuantity: null,
  forexRate,
  conversionFee: m(38n, "USD"),
});

describe("fxRateText", () => {
  it("reads the rate from the product's currency to the wallet's, to four significant digits", () => {
    expect(fxRateText(hkdToUsd(0.128205))).toBe("1 HKD = 0.1282 USD");
  });
  it("keeps the direction right when the provider quotes the inverse", () => {
    expect(fxRateText(hkdToUsd(7.8))).toBe("1 HKD = 0.1282 USD");
  });
  it("compares in major units across exponents (USD to JPY)", () => {
    const usdToJpy: Quote = { ...hkdToUsd(150), totalAmount: m(1_000n, "USD"), netAmount: m(1_500n, "JPY") };
    expect(fxRateText(usdToJpy)).toBe("1 USD = 150 JPY");
  });
  it("is nothing without FX", () => {
    expect(fxRateText(hkdToUsd(null))).toBeNull();
  });
});
