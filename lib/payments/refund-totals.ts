import { and, eq, sum } from "drizzle-orm";
import { refunds } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/db/types";

export interface PaymentAmounts {
  capturedMinor: bigint;
  /** Refunds the provider approved (the money is on its way back to the customer). */
  refundedMinor: bigint;
  /** Refunds that hold money now but are not approved yet (requested, pending, unknown, needs attention). */
  inFlightMinor: bigint;
  /** Captured minus every refund that holds money (the payment's reservation), never below zero. */
  refundableMinor: bigint;
}

/**
 * The captured / refunded / still refundable amounts of a payment, in its minor units: the single
 * place every screen takes them from. Still refundable is what the refund service itself checks
 * under the payment's row lock (captured − reserved), so the page never offers more than it allows.
 */
export async function paymentAmounts(db: DbOrTx, payment: { id: string; capturedMinor: bigint; refundReservedMinor: bigint }): Promise<PaymentAmounts> {
  const [row] = await db
    .select({ approved: sum(refunds.amountMinor) })
    .from(refunds)
    .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, "approved")));
  const refundedMinor = row?.approved ? BigInt(row.approved) : 0n;
  const remaining = payment.capturedMinor - payment.refundReservedMinor;
  const refundableMinor = remaining > 0n ? remaining : 0n;
  const inFlight = payment.refundReservedMinor - refundedMinor;
  return { capturedMinor: payment.capturedMinor, refundedMinor, inFlightMinor: inFlight > 0n ? inFlight : 0n, refundableMinor };
}
