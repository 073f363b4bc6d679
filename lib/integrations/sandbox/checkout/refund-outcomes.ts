/**
 * Sandbox refund outcome by amount (minor units): the [SEED] trigger table with our [OURS]
 * response codes. Anything not listed (multiples of 100 and every other amount) is approved.
 */
export type RefundTrigger =
  "approve" | "decline_by_octopus" | "expire_uncollected" | "decline_not_collected" | "decline_annual_limit";

export function refundTriggerOf(amount: number): RefundTrigger {
  switch (amount % 100) {
    case 10:
      return "decline_by_octopus";
    case 51:
      return "expire_uncollected";
    case 52:
      return "decline_not_collected";
    case 53:
      return "decline_annual_limit";
    default:
      return "approve";
  }
}

/** Octopus wants amounts ending in 0; the sandbox trigger amounts ending in 51/52/53 are let through [INF]. */
export function isAcceptedRefundAmount(amount: number): boolean {
  return (
    amount % 10 === 0 ||
    ["expire_uncollected", "decline_not_collected", "decline_annual_limit"].includes(refundTriggerOf(amount))
  );
}

export interface RefundDecision {
  approved: boolean;
  responseCode: string;
  responseSummary: string;
}

export const approvedDecision: RefundDecision = { approved: true, responseCode: "10000", responseSummary: "Approved" };

export const refundDecisions: Record<RefundTrigger, RefundDecision> = {
  approve: approvedDecision,
  decline_by_octopus: { approved: false, responseCode: "20001", responseSummary: "Refer to card issuer" },
  // Approved first; expires later if the customer never collects it (see refundCollectionWindowMs).
  expire_uncollected: approvedDecision,
  decline_not_collected: {
    approved: false,
    responseCode: "20016",
    responseSummary: "Refund declined and not collected",
  },
  decline_annual_limit: { approved: false, responseCode: "20061", responseSummary: "Activity amount limit exceeded" },
};

export const uncollectedExpiryDecision: RefundDecision = {
  approved: false,
  responseCode: "20019",
  responseSummary: "Transaction expired",
};

/** [OURS] Octopus decides a refund 5 s (sandbox time) after it is requested. */
export const refundDecisionDelayMs = 5_000;

/** [SEED] A refund to an Octopus card must be collected within 90 days of approval. */
export const refundCollectionWindowMs = 90 * 86_400_000;

/** [OURS] Most refund actions one payment may have. */
export const maxRefundsPerPayment = 150;
