import { describe, expect, it } from "vitest";
import { paymentRefundState, refundStateText } from "./refund-state";

describe("a payment's refund state", () => {
  it("is none until an approved refund returned money", () => {
    expect(paymentRefundState({ capturedMinor: 10_000n, refundedMinor: 0n })).toEqual({
      state: "none",
      label: null,
      refundedMinor: 0n,
      netMinor: 10_000n,
    });
    expect(paymentRefundState({ capturedMinor: 0n, refundedMinor: 0n })).toMatchObject({ state: "none", netMinor: 0n });
    expect(refundStateText({ capturedMinor: 10_000n, refundedMinor: 0n, currency: "HKD" })).toBeNull();
  });

  it("is partially refunded while something of the captured amount is kept", () => {
    expect(paymentRefundState({ capturedMinor: 10_000n, refundedMinor: 5_000n })).toEqual({
      state: "partially_refunded",
      label: "Partially refunded",
      refundedMinor: 5_000n,
      netMinor: 5_000n,
    });
    expect(paymentRefundState({ capturedMinor: 10_000n, refundedMinor: 9_999n })).toMatchObject({
      state: "partially_refunded",
      netMinor: 1n,
    });
    expect(refundStateText({ capturedMinor: 10_000n, refundedMinor: 5_000n, currency: "HKD" })).toBe(
      "Partially refunded HK$50.00",
    );
  });

  it("is refunded once everything captured went back", () => {
    expect(paymentRefundState({ capturedMinor: 10_000n, refundedMinor: 10_000n })).toEqual({
      state: "refunded",
      label: "Refunded",
      refundedMinor: 10_000n,
      netMinor: 0n,
    });
    expect(refundStateText({ capturedMinor: 150_000n, refundedMinor: 150_000n, currency: "UZS" })).toBe(
      "Refunded UZS\u00a01,500.00",
    );
  });

  it("stays exact beyond 2^53 and names minor units for a currency we do not know", () => {
    const big = 9_223_372_036_854_775_807n;
    expect(paymentRefundState({ capturedMinor: big, refundedMinor: big - 1n })).toMatchObject({
      state: "partially_refunded",
      netMinor: 1n,
    });
    expect(refundStateText({ capturedMinor: 500n, refundedMinor: 200n, currency: "ZZZ" })).toBe(
      "Partially refunded 200 ZZZ (minor units)",
    );
  });
});
