import { describe, expect, it } from "vitest";
import { checkOctoRefund, octoMaxRefundMinor, octoMinimumRefundMinor, type OctoRefundProposal } from "./refund-rules";

const usd = (overrides: Partial<OctoRefundProposal> = {}): OctoRefundProposal => ({
  paymentStatus: "succeeded",
  paymentCurrency: "USD",
  paymentTotalMinor: 100_000n,
  alreadyRefundedMinor: 0n,
  amountMinor: 1_000n,
  ...overrides,
});

describe("OCTO refund rules", () => {
  it("allows a refund that breaks no rule", () => {
    expect(checkOctoRefund(usd())).toEqual([]);
  });

  it("sets the minimum at 1 USD or its sandbox-rate equivalent", () => {
    expect(octoMinimumRefundMinor("USD")).toBe(100n);
    expect(octoMinimumRefundMinor("UZS")).toBe(1_265_000n);
    expect(octoMinimumRefundMinor("RUB")).toBe(9_000n);
    expect(checkOctoRefund(usd({ amountMinor: 100n }))).toEqual([]);
    expect(checkOctoRefund(usd({ amountMinor: 99n }))).toEqual([
      { rule: "BELOW_MINIMUM", amountMinor: 99n, minimumMinor: 100n },
    ]);
  });

  it("caps one refund at 10,000,000 UZS, converted and rounded down for USD and RUB", () => {
    expect(octoMaxRefundMinor("UZS")).toBe(1_000_000_000n);
    expect(octoMaxRefundMinor("USD")).toBe(79_051n);
    expect(octoMaxRefundMinor("RUB")).toBe(7_114_624n);
    const uzs = (amountMinor: bigint) =>
      checkOctoRefund({ ...usd(), paymentCurrency: "UZS", paymentTotalMinor: 5_000_000_000n, amountMinor });
    expect(uzs(1_000_000_000n)).toEqual([]);
    expect(uzs(1_000_000_001n)).toEqual([
      {
        rule: "ABOVE_PER_REFUND_LIMIT",
        amountMinor: 1_000_000_001n,
        limitMinor: 1_000_000_000n,
        limitUzsMinor: 1_000_000_000n,
      },
    ]);
    expect(checkOctoRefund(usd({ amountMinor: 79_052n }))[0]).toMatchObject({
      rule: "ABOVE_PER_REFUND_LIMIT",
      limitMinor: 79_051n,
    });
  });

  it("keeps single and cumulative refunds within the original amount", () => {
    const proposal = usd({ paymentTotalMinor: 10_000n, alreadyRefundedMinor: 6_000n });
    expect(checkOctoRefund({ ...proposal, amountMinor: 4_000n })).toEqual([]);
    expect(checkOctoRefund({ ...proposal, amountMinor: 4_001n })).toEqual([
      {
        rule: "EXCEEDS_REFUNDABLE",
        amountMinor: 4_001n,
        refundableMinor: 4_000n,
        originalMinor: 10_000n,
        alreadyRefundedMinor: 6_000n,
      },
    ]);
  });

  it("refunds only succeeded payments, in the payment currency, and reports every broken rule", () => {
    const violations = checkOctoRefund(
      usd({ paymentStatus: "waiting_for_capture", refundCurrency: "UZS", paymentTotalMinor: 50n, amountMinor: 60n }),
    );
    expect(violations.map((v) => v.rule)).toEqual([
      "PAYMENT_NOT_SUCCEEDED",
      "CURRENCY_MISMATCH",
      "BELOW_MINIMUM",
      "EXCEEDS_REFUNDABLE",
    ]);
    expect(checkOctoRefund(usd({ amountMinor: 0n }))).toEqual([{ rule: "NOT_POSITIVE", amountMinor: 0n }]);
  });
});
