import type { paymentStatuses } from "@/drizzle/schema/payments";

export type PaymentStatus = (typeof paymentStatuses)[number];

/**
 * Statuses only move forward: requested → pending → authorized → a final status. Events that
 * arrive out of order (a late "pending" after "captured") are recognised here and ignored, never
 * applied; one final status never turns into another.
 */
const rank: Record<PaymentStatus, number> = {
  requested: 0,
  pending: 1,
  authorized: 2,
  captured: 3,
  declined: 3,
  canceled: 3,
  expired: 3,
  failed: 3,
};

export const isFinalPaymentStatus = (status: PaymentStatus): boolean => rank[status] === 3;

export type PaymentTransition = "advance" | "same" | "backwards";

export function paymentTransition(from: PaymentStatus, to: PaymentStatus): PaymentTransition {
  if (from === to) return "same";
  return rank[to] > rank[from] ? "advance" : "backwards";
}

/** Checkout.com payment statuses (GET /payments/{id}) in our model; refunds do not change it. */
export function fromCheckoutStatus(status: string): PaymentStatus | null {
  switch (status) {
    case "Pending":
      return "pending";
    case "Authorized":
      return "authorized";
    case "Captured":
    case "Partially Captured":
    case "Partially Refunded":
    case "Refunded":
    case "Paid":
      return "captured";
    case "Declined":
      return "declined";
    case "Canceled":
    case "Voided":
      return "canceled";
    case "Expired":
      return "expired";
    default:
      return null;
  }
}

/** Checkout.com payment_* webhook types in our model (refund events are not payment statuses). */
export function fromCheckoutEvent(type: string): PaymentStatus | null {
  switch (type) {
    case "payment_pending":
      return "pending";
    case "payment_capture_pending":
      return "authorized";
    case "payment_captured":
      return "captured";
    case "payment_declined":
    case "payment_capture_declined":
      return "declined";
    case "payment_canceled":
    case "payment_voided":
      return "canceled";
    case "payment_expired":
      return "expired";
    default:
      return null;
  }
}

/**
 * OCTO payment statuses in our model. OCTO's "failed" is the customer's payment failing, which
 * is a decline in our words ("failed" is kept for a request the provider refused).
 */
export function fromOctoStatus(status: string): PaymentStatus | null {
  switch (status) {
    case "created":
    case "wait_user_action":
      return "pending";
    case "waiting_for_capture":
      return "authorized";
    case "succeeded":
      return "captured";
    case "canceled":
    case "cancelled":
      return "canceled";
    case "failed":
      return "declined";
    default:
      return null;
  }
}
