import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { majorToMinor, minorToMajorString, formatMinor, typedAmountText } from "./convert";
import { AmountPrecisionError, currencyExponents } from "./currency";

describe("minor ↔ major conversion", () => {
  it("formats minor units as exact decimal strings per exponent", () => {
    expect(minorToMajorString(1050n, "HKD")).toBe("10.50");
    expect(minorToMajorString(5n, "USD")).toBe("0.05");
    expect(minorToMajorString(-1n, "USD")).toBe("-0.01");
    expect(minorToMajorString(1_000_000_000n, "UZS")).toBe("10000000.00");
    expect(minorToMajorString(5n, "JPY")).toBe("5");
    expect(minorToMajorString(1234n, "KWD")).toBe("1.234");
  });

  it("parses provider decimals exactly, including binary-unfriendly ones", () => {
    expect(majorToMinor(10.5, "HKD")).toBe(1050n);
    expect(majorToMinor(0.3, "USD")).toBe(30n);
    expect(majorToMinor(103.33, "USD")).toBe(10333n);
    expect(majorToMinor("1000.00", "UZS")).toBe(100000n);
    expect(majorToMinor(4.74, "USD")).toBe(474n);
    expect(majorToMinor(1e21, "USD")).toBe(100000000000000000000000n);
    expect(majorToMinor("10.500", "HKD")).toBe(1050n);
  });

  it("refuses amounts finer than the currency allows instead of rounding", () => {
    expect(() => majorToMinor(4.7405, "USD")).toThrow(AmountPrecisionError);
    expect(() => majorToMinor(0.1 + 0.2, "USD")).toThrow(AmountPrecisionError);
    expect(() => majorToMinor("0.5", "JPY")).toThrow(/more than 0 decimal places/);
    expect(() => majorToMinor("12abc", "USD")).toThrow(AmountPrecisionError);
    expect(() => majorToMinor(Number.NaN, "USD")).toThrow(AmountPrecisionError);
  });

  it("round-trips every minor amount in every supported currency", () => {
    for (const currency of Object.keys(currencyExponents)) {
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (minor) => {
          expect(majorToMinor(minorToMajorString(minor, currency), currency)).toBe(minor);
          const asNumber = Number(minorToMajorString(minor, currency));
          if (Math.abs(asNumber) < 2 ** 53 / 10 ** currencyExponents[currency as keyof typeof currencyExponents]) {
            expect(majorToMinor(asNumber, currency)).toBe(minor);
          }
        }),
        { numRuns: 300 },
      );
    }
  });

  it("formats for display per currency", () => {
    expect(formatMinor(1234567n, "HKD")).toBe("HK$12,345.67");
    expect(formatMinor(500n, "JPY")).toBe("¥500");
    expect(formatMinor(100000n, "UZS")).toContain("1,000.00");
  });
});

describe("typedAmountText", () => {
  it("takes plain decimals and thousands separators between groups of three", () => {
    expect(typedAmountText("1000.50")).toBe("1000.50");
    expect(typedAmountText(" 1,000.00 ")).toBe("1000.00");
    expect(typedAmountText("12,345,678")).toBe("12345678");
  });
  it("refuses anything else", () => {
    for (const text of ["1,00.00", "1.000,00", ",100", "100,", "1e3", "-5", "12.", "abc", ""])
      expect(typedAmountText(text)).toBeNull();
  });
});
