import { desc, eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/db/types";

/** The latest payments first seen at a provider (webhook or import), newest first; walks payments_created_idx. */
export async function recentExternalPayments(db: DbOrTx, limit = 5) {
  return db
    .select({
      id: payments.id,
      provider: payments.provider,
      providerPaymentId: payments.providerPaymentId,
      reference: payments.reference,
      status: payments.status,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
      createdAt: payments.createdAt,
    })
    .from(payments)
    .where(eq(payments.flow, "external"))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(limit);
}
