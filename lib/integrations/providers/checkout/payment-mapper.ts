import type { PaymentStatus } from "@/lib/domain/payments/payment-status";

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
