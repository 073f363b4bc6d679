import { and, desc, eq } from "drizzle-orm";
import { paymentProviders, payments, type PaymentProviderName } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/platform/db/types";

/**
 * The latest payments first seen at each provider (webhook or import), newest first: `limit` per
 * provider, so a burst of one provider's webhooks never hides the other's; each walks
 * payments_created_idx.
 */
export async function recentExternalPayments(db: DbOrTx, limit = 5) {
  const perProvider = await Promise.all(paymentProviders.map((provider) => latestExternal(db, provider, limit)));
  return perProvider.flat().sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
}

function latestExternal(db: DbOrTx, provider: PaymentProviderName, limit: number) {
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
    .where(and(eq(payments.flow, "external"), eq(payments.provider, provider)))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(limit);
}
