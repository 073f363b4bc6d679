import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import type { Database } from "@/lib/platform/db/types";

/** A captured HK$1,000.00 Checkout.com payment with one pending refund of `amountMinor` reserved against it. */
export async function insertPendingRefund(db: Database, amountMinor = 12_000n) {
  const [payment] = await db
    .insert(payments)
    .values({
      provider: "checkout",
      flow: "checkout_api",
      status: "captured",
      reference: `T-${crypto.randomUUID()}`,
      amountMinor: 100_000n,
      capturedMinor: 100_000n,
      refundReservedMinor: amountMinor,
      currency: "HKD",
    })
    .returning();
  const [refund] = await db
    .insert(refunds)
    .values({
      paymentId: payment!.id,
      provider: "checkout",
      status: "pending",
      amountMinor,
      currency: "HKD",
      reason: "customer_request",
      idempotencyKey: crypto.randomUUID(),
    })
    .returning();
  return { paymentId: payment!.id, refundId: refund!.id };
}
