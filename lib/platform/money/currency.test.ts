import { describe, expect, it } from "vitest";
import { formatMinor, majorToMinor } from "./convert";
import {
  currencyExponent,
  currencyExponents,
  isKnownCurrency,
  UnknownCurrencyError,
  unknownCurrencyNotice,
} from "./currency";
import { iso4217Exponents } from "./iso-4217";

describe("currency table", () => {
  it("knows every active ISO 4217 currency, THB included, and every currency our forms offer", () => {
    expect(currencyExponent("THB")).toBe(2);
    expect(currencyExponent("KWD")).toBe(3);
    expect(currencyExponent("CLF")).toBe(4);
    expect(currencyExponent("JPY")).toBe(0);
    for (const [code, exponent] of Object.entries(currencyExponents))
      expect(iso4217Exponents[code], code).toBe(exponent);
    expect(Object.keys(iso4217Exponents).length).toBeGreaterThan(150);
  });

  it("differs from Node's Intl (CLDR digits) only where ISO and CLDR disagree, which is why it is kept by hand", () => {
    const cldrDiffers = new Set<string>();
    for (const [code, exponent] of Object.entries(iso4217Exponents)) {
      let intl: number | undefined;
      try {
        intl = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
          .maximumFractionDigits;
      } catch {
        continue;
      }
      if (intl !== exponent) cldrDiffers.add(code);
    }
    expect([...cldrDiffers]).toEqual(expect.arrayContaining(["IDR", "IQD", "COP"]));
    expect(
      cldrDiffers.has("HKD") ||
        cldrDiffers.has("UZS") ||
        cldrDiffers.has("USD") ||
        cldrDiffers.has("RUB") ||
        cldrDiffers.has("THB"),
    ).toBe(false);
  });

  it("treats a code outside ISO 4217 as unknown: shown in minor units as received, never converted", () => {
    expect(isKnownCurrency("ZZZ")).toBe(false);
    expect(isKnownCurrency("thb")).toBe(false);
    expect(formatMinor(12345n, "ZZZ")).toBe("12345 ZZZ (minor units)");
    expect(formatMinor(12345n, "THB")).toMatch(/^THB\s123\.45$/);
    expect(() => majorToMinor("1.00", "ZZZ")).toThrow(UnknownCurrencyError);
    expect(unknownCurrencyNotice("ZZZ")).toBe(
      "Needs review: currency ZZZ is not one we know; amounts are shown in the provider's minor units.",
    );
  });
});
