import { describe, expect, it } from "vitest";
import { exchangesOf, keepableBody, maxKeptBodyChars, withApiCalls, type ProviderExchange } from "./provider-exchange";

const credential = "sk_sbox_planted_secret_value";

describe("what is kept of a provider call's body", () => {
  it("replaces secret keys at any depth and the credential's value wherever it appears; everything else byte for byte", () => {
    const body = `{"amount":10.50,"octo_secret":"${credential}","voucher":{"pin_code":"1234","card_number":"8888"},"echo":"key was ${credential}"}`;
    const kept = keepableBody(body, [credential]);
    expect(kept).not.toContain(credential);
    expect(kept).not.toContain("1234");
    expect(kept).not.toContain("8888");
    expect(kept).toBe(
      '{"amount":10.50,"octo_secret":"[redacted]","voucher":{"pin_code":"[redacted]","card_number":"[redacted]"},"echo":"key was [redacted]"}',
    );
  });

  it("cuts a long body to a bounded size and says so", () => {
    const kept = keepableBody(`{"note":"${"x".repeat(maxKeptBodyChars * 2)}"}`, []);
    expect(kept.length).toBeLessThan(maxKeptBodyChars + 100);
    expect(kept).toMatch(/cut short: \d+ more characters were not stored$/);
  });

  it("redacts a form-encoded body too, and ignores credentials too short to search for", () => {
    expect(keepableBody("shop_id=1&octo_secret=abc&amount=5", ["abc"])).toBe(
      "shop_id=1&octo_secret=%5Bredacted%5D&amount=5",
    );
  });
});

describe("calls stored on an event", () => {
  const call: ProviderExchange = {
    provider: "octo",
    operation: "refund",
    method: "POST",
    path: "/refund",
    request: "{}",
    status: 200,
    response: "{}",
    failure: null,
  };

  it("are added only when there were any, and read back only in the expected shape", () => {
    expect(withApiCalls({ a: 1 }, [])).toEqual({ a: 1 });
    expect(exchangesOf(withApiCalls({ a: 1 }, [call]))).toEqual([call]);
    expect(exchangesOf({ apiCalls: [{ nope: true }, call] })).toEqual([call]);
    expect(exchangesOf({ apiCalls: "POST /refund" })).toEqual([]);
    expect(exchangesOf(null)).toEqual([]);
  });
});
