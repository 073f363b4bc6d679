import { describe, expect, it } from "vitest";
import { checkAmount } from "./amount-range";

const hkd = { min: 1_000n, max: 50_000n, currency: "HKD" };

describe("checkAmount", () => {
  it("accepts the bounds and amounts inside", () => {
    expect(checkAmount("10", hkd)).toEqual({ ok: true, minor: 1_000n });
    expect(checkAmount("500.00", hkd)).toEqual({ ok: true, minor: 50_000n });
    expect(checkAmount("1,00.5", hkd).ok).toBe(false);
    expect(checkAmount("123.45", hkd)).toEqual({ ok: true, minor: 12_345n });
  });
  it("refuses amounts outside the range, naming the field and the range", () => {
    expect(checkAmount("9.99", hkd)).toEqual({ ok: false, message: "Amount must be between HK$10.00 and HK$500.00." });
    expect(checkAmount("500.01", hkd)).toEqual({
      ok: false,
      message: "Amount must be between HK$10.00 and HK$500.00.",
    });
  });
  it("refuses text and extra decimals", () => {
    expect(checkAmount("ten", hkd)).toEqual({
      ok: false,
      message: "Amount must be a number between HK$10.00 and HK$500.00, e.g. HK$10.00.",
    });
    expect(checkAmount("10.001", hkd)).toEqual({ ok: false, message: "Amount has too many decimal places for HKD." });
  });
});
