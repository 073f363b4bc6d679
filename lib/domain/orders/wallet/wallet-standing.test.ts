import { describe, expect, it } from "vitest";
import { defaultWalletFor, shortfallOf } from "./wallet-standing";

describe("shortfallOf", () => {
  it("is what the total exceeds the balance by", () => {
    expect(shortfallOf({ minor: 1_000n, currency: "USD" }, { minor: 3_860n, currency: "USD" })).toEqual({
      minor: 2_860n,
      currency: "USD",
    });
  });
  it("is null when the balance covers the total exactly or more", () => {
    expect(shortfallOf({ minor: 3_860n, currency: "USD" }, { minor: 3_860n, currency: "USD" })).toBeNull();
    expect(shortfallOf({ minor: 9_999n, currency: "USD" }, { minor: 3_860n, currency: "USD" })).toBeNull();
  });
});

describe("defaultWalletFor", () => {
  const wallets = [
    { id: 1, currency: "USD" },
    { id: 2, currency: "HKD" },
  ];
  it("picks the wallet in the product's currency", () => {
    expect(defaultWalletFor(wallets, "HKD")?.id).toBe(2);
  });
  it("falls back to the first wallet", () => {
    expect(defaultWalletFor(wallets, "INR")?.id).toBe(1);
    expect(defaultWalletFor(wallets, undefined)?.id).toBe(1);
  });
});
