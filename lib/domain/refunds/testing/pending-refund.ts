import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import type { Database } from "@/lib/platform/db/types";

/** A captured HKD Checkout.com payment, with `refundReservedMinor` held by refunds the caller inserts. */
export async function insertCapturedPayment(db: Database, capturedMinor: bigint, refundReservedMinor = 0n) {
  const [payment] = await db
    .insert(payments)
    .values({
      provider: "checkout",
      flow: "checkout_api",
      status: "captured",
      reference: `T-${crypto.randomUUID()}`,
      amountMinor: capturedMinor,
      capturedMinor,
      refundReservedMinor,
      currency: "HKD",
    })
    .returning();
  return payment!;
}

/** A captured HKD Checkout.com payment with one pending refund per amount, each reserved against it. */
export async function insertPaymentWithPendingRefunds(
  db: Database,
  amounts: bigint[],
  { capturedMinor = 100_000n }: { capturedMinor?: bigint } = {},
) {
  const payment = await insertCapturedPayment(
    db,
    capturedMinor,
    amounts.reduce((sum, amount) => sum + amount, 0n),
  );
  const rows = await db
    .insert(refunds)
    .values(
      amounts.map((amountMinor) => ({
        paymentId: payment.id,
        provider: "checkout" as const,
        status: "pending" as const,
        amountMinor,
        currency: "HKD",
        reason: "customer_request" as const,
        idempotencyKey: crypto.randomUUID(),
      })),
    )
    .returning();
  return { paymentId: payment.id, refundIds: rows.map((row) => row.id) };
}

/** A captured HK$1,000.00 payment with one pending refund of `amountMinor`. */
export async function insertPendingRefund(db: Database, amountMinor = 12_000n) {
  const { paymentId, refundIds } = await insertPaymentWithPendingRefunds(db, [amountMinor]);
  return { paymentId, refundId: refundIds[0]! };
}
