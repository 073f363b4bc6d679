import { and, eq, sql } from "drizzle-orm";
import { refunds } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";

export interface PaymentAmounts {
  capturedMinor: bigint;
  /** Refunds the provider approved (the money is on its way back to the customer): payments.refunded_minor, as the list and the CSV read it. */
  refundedMinor: bigint;
  /** Refunds that hold money now but are not approved yet (requested, pending, unknown, needs attention). */
  inFlightMinor: bigint;
  /** Captured minus every refund that holds money (the payment's reservation), never below zero. */
  refundableMinor: bigint;
  /** Refunds waiting for a second person's approval: they hold no money yet, but will if approved. */
  awaitingApprovalMinor: bigint;
}

/** What would be left to refund once every refund awaiting approval is approved, never below zero. */
export const refundableAfterApprovalsMinor = (
  amounts: Pick<PaymentAmounts, "refundableMinor" | "awaitingApprovalMinor">,
): bigint => {
  const left = amounts.refundableMinor - amounts.awaitingApprovalMinor;
  return left > 0n ? left : 0n;
};

/**
 * The captured / refunded / still refundable amounts of a payment, in its minor units: the single
 * place every screen takes them from. Still refundable is what the refund service itself checks
 * under the payment's row lock (captured − reserved), so the page never offers more than it allows.
 * Refunded is the payment's own refunded_minor (kept with every refund status change, in the same
 * transaction), the number the list, the CSV and the refunds monitor read: they cannot disagree.
 */
export async function paymentAmounts(
  db: DbOrTx,
  payment: { id: string; capturedMinor: bigint; refundReservedMinor: bigint; refundedMinor: bigint },
): Promise<PaymentAmounts> {
  const [row] = await db
    .select({ awaiting: sql<string | null>`sum(${refunds.amountMinor})` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, "awaiting_approval")));
  const refundedMinor = payment.refundedMinor;
  const awaitingApprovalMinor = row?.awaiting ? BigInt(row.awaiting) : 0n;
  const remaining = payment.capturedMinor - payment.refundReservedMinor;
  const refundableMinor = remaining > 0n ? remaining : 0n;
  const inFlight = payment.refundReservedMinor - refundedMinor;
  return {
    capturedMinor: payment.capturedMinor,
    refundedMinor,
    inFlightMinor: inFlight > 0n ? inFlight : 0n,
    refundableMinor,
    awaitingApprovalMinor,
  };
}
