import type { RefundStatus } from "./refund-status";

/** Octopus response codes that say more than "declined" (providers.md §1.7–1.8). */
const checkoutDeclineStatus: Record<string, RefundStatus> = {
  // Declined and not collected by the customer.
  "20016": "not_collected",
  // Approved, then not collected by the card holder within 90 days.
  "20019": "expired",
};

/** A Checkout.com payment_refund_* webhook in our model; null for other event types. */
export function fromCheckoutRefundEvent(type: string, responseCode: string | null | undefined): RefundStatus | null {
  switch (type) {
    case "payment_refund_pending":
      return "pending";
    case "payment_refunded":
      return "approved";
    case "payment_refund_declined":
      return (responseCode && checkoutDeclineStatus[responseCode]) || "declined";
    default:
      return null;
  }
}

/** A decided Refund action from GET /payments/{id}/actions. */
export function fromCheckoutRefundAction(action: { approved: boolean | null; responseCode: string }): RefundStatus {
  if (action.approved === null) return "pending";
  if (action.approved) return "approved";
  return checkoutDeclineStatus[action.responseCode] ?? "declined";
}

/**
 * OCTO refund statuses. succeeded / pending / failed are documented for /refund; new, canceled,
 * unknown and error appear in its status list. "unknown" and anything new keep our refund unknown.
 */
export function fromOctoRefundStatus(status: string): RefundStatus {
  switch (status) {
    case "succeeded":
      return "approved";
    case "pending":
    case "new":
      return "pending";
    case "failed":
    case "canceled":
    case "error":
      return "declined";
    default:
      return "unknown";
  }
}
