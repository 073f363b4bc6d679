import type { RefundStatus } from "@/lib/domain/refunds/refund-status";

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

/** When Checkout.com processed a refund: the event's data.processed_on, else the event's created_on; null when it gives neither. */
export function checkoutEventTimeOf(event: { processedOn?: string; createdOn?: string }): Date | null {
  for (const text of [event.processedOn, event.createdOn]) {
    const at = text ? new Date(text) : null;
    if (at && !Number.isNaN(at.getTime())) return at;
  }
  return null;
}
