import { formatMinor } from "@/lib/platform/money/convert";

/**
 * Whether a payment's captured money went back to the customer, as Checkout.com words it
 * ("Partially Refunded", "Refunded"). The payment's own status stays what it is (captured); this
 * is shown beside it. Only approved refunds count (payments.refunded_minor): a refund still in
 * flight has not returned anything yet.
 */
export type RefundState = "none" | "partially_refunded" | "refunded";

export const refundStateLabels: Record<Exclude<RefundState, "none">, string> = {
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
};

export interface PaymentRefundState {
  state: RefundState;
  /** "Partially refunded" / "Refunded"; null when nothing was refunded. */
  label: string | null;
  refundedMinor: bigint;
  /** Captured minus refunded: what the merchant keeps. */
  netMinor: bigint;
}

/** The one derivation of a payment's refund state and its net amount (list, detail, CSV, refunds monitor). */
export function paymentRefundState(payment: { capturedMinor: bigint; refundedMinor: bigint }): PaymentRefundState {
  const { capturedMinor, refundedMinor } = payment;
  const netMinor = capturedMinor - refundedMinor;
  if (refundedMinor <= 0n) return { state: "none", label: null, refundedMinor, netMinor };
  const state: RefundState = refundedMinor >= capturedMinor ? "refunded" : "partially_refunded";
  return { state, label: refundStateLabels[state], refundedMinor, netMinor };
}

/** "Partially refunded HK$50.00", "Refunded HK$100.00"; null when nothing was refunded. */
export function refundStateText(payment: {
  capturedMinor: bigint;
  refundedMinor: bigint;
  currency: string;
}): string | null {
  const { label, refundedMinor } = paymentRefundState(payment);
  return label ? `${label} ${formatMinor(refundedMinor, payment.currency)}` : null;
}
