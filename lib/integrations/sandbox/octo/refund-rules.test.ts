import { describe, expect, it } from "vitest";
import { refuseOctoRefund } from "./refund-rules";

const succeeded = (currency: "UZS" | "USD" | "RUB", totalMinor: bigint, refundedMinor = 0n) => ({
  status: "succeeded",
  currency,
  totalMinor,
  refundedMinor,
});

describe("OCTO refund rules (help.octo.uz refunds.html, providers.md §2.6)", () => {
  it("refunds only a succeeded payment", () => {
    expect(
      refuseOctoRefund({ ...succeeded("UZS", 5_000_000n), status: "waiting_for_capture", amountMinor: 2_000_000n }),
    ).toBe("payment-not-succeeded");
  });

  it("takes at least 1 USD or its equivalent (12,650.00 UZS at the sandbox rate)", () => {
    expect(refuseOctoRefund({ ...succeeded("USD", 10_000n), amountMinor: 99n })).toBe("wrong-amount");
    expect(refuseOctoRefund({ ...succeeded("USD", 10_000n), amountMinor: 100n })).toBeNull();
    expect(refuseOctoRefund({ ...succeeded("UZS", 5_000_000n), amountMinor: 1_264_999n })).toBe("wrong-amount");
    expect(refuseOctoRefund({ ...succeeded("UZS", 5_000_000n), amountMinor: 1_265_000n })).toBeNull();
  });

  it("never refunds more than is left of the original amount", () => {
    expect(refuseOctoRefund({ ...succeeded("USD", 10_000n, 9_000n), amountMinor: 1_000n })).toBeNull();
    expect(refuseOctoRefund({ ...succeeded("USD", 10_000n, 9_000n), amountMinor: 1_001n })).toBe("wrong-amount");
  });

  it("takes at most 10,000,000 sum per refund", () => {
    const big = succeeded("UZS", 3_000_000_000n);
    expect(refuseOctoRefund({ ...big, amountMinor: 1_000_000_000n })).toBeNull();
    expect(refuseOctoRefund({ ...big, amountMinor: 1_000_000_001n })).toBe("wrong-amount");
  });
});
