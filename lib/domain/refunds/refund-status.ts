import type { refundStatuses } from "@/drizzle/schema/refunds";

export type RefundStatus = (typeof refundStatuses)[number];

/**
 * The one refund state machine, for every provider. A transition not in this table is never
 * applied: it is recorded as ignored (late or contradictory facts arrive out of order).
 * `approved → expired` is Octopus's card case: an approved refund not collected within 90 days
 * expires and the money returns to the merchant.
 */
export const refundTransitions: Record<RefundStatus, readonly RefundStatus[]> = {
  awaiting_approval: ["requested", "rejected"],
  requested: ["pending", "approved", "declined", "not_collected", "failed", "unknown"],
  unknown: ["pending", "approved", "declined", "not_collected", "failed", "needs_attention"],
  pending: ["approved", "declined", "expired", "not_collected", "needs_attention"],
  approved: ["expired"],
  needs_attention: ["pending", "approved", "declined", "expired", "not_collected", "failed"],
  declined: [],
  expired: [],
  not_collected: [],
  rejected: [],
  failed: [],
};

export function canTransition(from: RefundStatus, to: RefundStatus): boolean {
  return refundTransitions[from].includes(to);
}

/** Statuses whose money is (or may be) on its way to the customer: they count against the captured amount. */
export const reservingRefundStatuses = [
  "requested",
  "pending",
  "unknown",
  "approved",
  "needs_attention",
] as const satisfies readonly RefundStatus[];

export function reservesMoney(status: RefundStatus): boolean {
  return (reservingRefundStatuses as readonly RefundStatus[]).includes(status);
}

/** The provider has sent this refund's money back to the customer: it counts in the payment's refunded amount. */
export function isRefundedStatus(status: RefundStatus): boolean {
  return status === "approved";
}

/** The provider's decisions about a refund: each is recorded with when the provider made it (refunds.provider_decided_at). */
export const providerDecisionStatuses = [
  "approved",
  "declined",
  "expired",
  "not_collected",
] as const satisfies readonly RefundStatus[];

export function isProviderDecision(status: RefundStatus): boolean {
  return (providerDecisionStatuses as readonly RefundStatus[]).includes(status);
}

/** Ended without the money reaching the customer (or it came back to the merchant): a person must refund another way. */
export const moneyNotDeliveredStatuses = [
  "declined",
  "expired",
  "not_collected",
] as const satisfies readonly RefundStatus[];

export function isMoneyNotDelivered(status: RefundStatus): boolean {
  return (moneyNotDeliveredStatuses as readonly RefundStatus[]).includes(status);
}

/** Nothing more will happen on its own: no polling, no live updates. (approved can still expire for Octopus.) */
export function isFinalRefundStatus(status: RefundStatus): boolean {
  return refundTransitions[status].length === 0;
}

/** Statuses the reconciler looks at: the provider may still change them or we do not know them yet. */
export const watchedRefundStatuses = ["requested", "pending", "unknown"] as const satisfies readonly RefundStatus[];

export const refundStatusLabels: Record<RefundStatus, string> = {
  awaiting_approval: "Awaiting approval",
  requested: "Requested",
  pending: "Pending",
  approved: "Approved",
  declined: "Declined",
  expired: "Expired",
  not_collected: "Not collected",
  rejected: "Rejected",
  unknown: "Unknown",
  failed: "Failed",
  needs_attention: "Needs attention",
};

/** A refund that has been sent and may still change: the ones "Sync now" can ask the provider about. */
export function isSyncableRefundStatus(status: RefundStatus): boolean {
  return !isFinalRefundStatus(status) && status !== "awaiting_approval";
}
