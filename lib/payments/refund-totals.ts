import type { DbOrTx } from "@/lib/db/types";

export interface PaymentAmounts {
  capturedMinor: bigint;
  refundedMinor: bigint;
  /** Captured minus refunded, never below zero. */
  refundableMinor: bigint;
}

/**
 * The captured / refunded / still refundable amounts of a payment, in its minor units. This is
 * the single place the refunded total comes from: refunds arrive with a later capability, and
 * until then nothing can have been refunded through the dashboard, so it is 0n. When refunds
 * land, sum the payment's succeeded refunds here (with `db`) and every screen follows.
 */
export async function paymentAmounts(db: DbOrTx, payment: { id: string; capturedMinor: bigint }): Promise<PaymentAmounts> {
  const refundedMinor = 0n;
  const refundableMinor = payment.capturedMinor > refundedMinor ? payment.capturedMinor - refundedMinor : 0n;
  return { capturedMinor: payment.capturedMinor, refundedMinor, refundableMinor };
}
