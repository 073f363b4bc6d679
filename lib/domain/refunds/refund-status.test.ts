import { describe, expect, it } from "vitest";
import { refundStatuses } from "@/drizzle/schema/refunds";
import {
  canTransition,
  isFinalRefundStatus,
  isSyncableRefundStatus,
  refundTransitions,
  reservesMoney,
  type RefundStatus,
} from "./refund-status";

/** The lifecycle written out once more, by hand: any change to the table in code must be made here too. */
const expected: Array<[RefundStatus, RefundStatus[]]> = [
  ["awaiting_approval", ["requested", "rejected"]],
  ["requested", ["pending", "approved", "declined", "not_collected", "failed", "unknown"]],
  ["unknown", ["pending", "approved", "declined", "not_collected", "failed", "needs_attention"]],
  ["pending", ["approved", "declined", "expired", "not_collected", "needs_attention"]],
  ["approved", ["expired"]],
  ["needs_attention", ["pending", "approved", "declined", "expired", "not_collected", "failed"]],
  ["declined", []],
  ["expired", []],
  ["not_collected", []],
  ["rejected", []],
  ["failed", []],
];

describe("refund state machine", () => {
  it("allows exactly the transitions of the lifecycle, for every pair of statuses", () => {
    const allowed = new Map(expected);
    for (const from of refundStatuses) {
      for (const to of refundStatuses)
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.get(from)?.includes(to) ?? false);
    }
    expect(Object.keys(refundTransitions).sort()).toEqual([...refundStatuses].sort());
  });

  it("never moves backwards: nothing returns to awaiting approval or requested, and final statuses have no exit", () => {
    for (const from of refundStatuses) {
      expect(canTransition(from, "awaiting_approval")).toBe(false);
      expect(canTransition(from, "requested")).toBe(from === "awaiting_approval");
    }
    for (const status of ["declined", "expired", "not_collected", "rejected", "failed"] as const)
      expect(isFinalRefundStatus(status)).toBe(true);
    expect(isFinalRefundStatus("approved")).toBe(false);
  });

  it("reserves money exactly while it may be on its way to the customer", () => {
    expect(refundStatuses.filter(reservesMoney).sort()).toEqual([
      "approved",
      "needs_attention",
      "pending",
      "requested",
      "unknown",
    ]);
  });

  it("offers Sync now only for refunds already sent that may still change", () => {
    expect(refundStatuses.filter(isSyncableRefundStatus).sort()).toEqual([
      "approved",
      "needs_attention",
      "pending",
      "requested",
      "unknown",
    ]);
  });
});
