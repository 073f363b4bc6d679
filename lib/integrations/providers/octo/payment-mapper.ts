import type { PaymentStatus } from "@/lib/domain/payments/payment-status";

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
