import { describe, expect, it } from "vitest";
import { octoMaxRefundMinor } from "@/lib/integrations/providers/octo/refund-rules";
import { defaultApprovalThresholdsMinor, largestSingleRefund, unreachableThreshold } from "./approval-thresholds";

describe("approval thresholds", () => {
  it("every default can be reached: below the largest single refund the provider takes", () => {
    for (const [currency, threshold] of Object.entries(defaultApprovalThresholdsMinor)) {
      expect(unreachableThreshold(currency, threshold), currency).toBeNull();
    }
  });
  it("a threshold at or above OCTO's per-refund limit never triggers, and says so", () => {
    expect(unreachableThreshold("UZS", 1_000_000_000n)).toEqual({
      capMinor: 1_000_000_000n,
      rule: "OCTO's limit of 10,000,000 UZS per refund",
    });
    expect(unreachableThreshold("UZS", 999_999_999n)).toBeNull();
    expect(unreachableThreshold("USD", 100_000n)).toMatchObject({ capMinor: octoMaxRefundMinor("USD") });
    expect(unreachableThreshold("RUB", 10_000_000n)).toMatchObject({ capMinor: octoMaxRefundMinor("RUB") });
  });
  it("Checkout.com's HKD has no per-refund cap", () => {
    expect(largestSingleRefund("HKD")).toBeNull();
    expect(unreachableThreshold("HKD", 10n ** 15n)).toBeNull();
  });
});
