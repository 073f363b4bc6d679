import { describe, expect, it } from "vitest";
import { isAcceptedRefundAmount, refundDecisions, refundTriggerOf } from "./refund-outcomes";

describe("Octopus sandbox refund triggers", () => {
  it.each([
    [100, "approve", "10000"],
    [2_500, "approve", "10000"],
    [1_230, "approve", "10000"],
    [1_010, "decline_by_octopus", "20001"],
    [1_051, "expire_uncollected", "10000"],
    [1_052, "decline_not_collected", "20016"],
    [1_053, "decline_annual_limit", "20061"],
  ] as const)("%i → %s (%s first)", (amount, trigger, code) => {
    expect(refundTriggerOf(amount)).toBe(trigger);
    expect(refundDecisions[trigger].responseCode).toBe(code);
  });

  it("accepts amounts ending in 0 and the 51/52/53 triggers, nothing else", () => {
    expect([10, 100, 1_050, 151, 252, 353].every(isAcceptedRefundAmount)).toBe(true);
    expect([1, 55, 154, 1_001, 99].some(isAcceptedRefundAmount)).toBe(false);
  });
});
