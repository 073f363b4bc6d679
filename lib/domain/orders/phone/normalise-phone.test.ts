import { describe, expect, it } from "vitest";
import { normalisePhone, phoneCountryOrFallback, phoneFormatExample } from "./normalise-phone";

describe("normalisePhone", () => {
  it.each(["+852 5123 4567", "+852-5123-4567", "85251234567", "5123 4567", "(+852) 5123-4567", "0085251234567"])(
    "reads %s as +85251234567",
    (typed) => {
      expect(normalisePhone(typed, "HK")).toEqual({ ok: true, e164: "+85251234567" });
    },
  );

  it("reads a national number in the chosen country", () => {
    expect(normalisePhone("098793 12345", "IN")).toEqual({ ok: true, e164: "+919879312345" });
  });

  it.each(["hello", "", "+852 51", "5123 4567 x", "12"])(
    "refuses %j with the field and the expected format",
    (typed) => {
      const result = normalisePhone(typed, "HK");
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toBe(`Phone number must be ${phoneFormatExample("HK")}.`);
      if (!result.ok)
        expect(result.message).toMatch(
          /^Phone number must be a Hong Kong number such as \d{4} \d{4}, or with the country code, such as \+852 \d{4} \d{4}\.$/,
        );
    },
  );

  it("falls back to Hong Kong for an unknown country", () => {
    expect(phoneCountryOrFallback("ZZ")).toBe("HK");
    expect(phoneCountryOrFallback("in")).toBe("IN");
  });
});
