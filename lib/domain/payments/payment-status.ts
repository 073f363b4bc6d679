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

// Each provider's payment words in our model live with the provider (its payment-mapper.ts).
export { fromCheckoutEvent, fromCheckoutStatus } from "@/lib/integrations/providers/checkout/payment-mapper";
export { fromOctoStatus } from "@/lib/integrations/providers/octo/payment-mapper";
