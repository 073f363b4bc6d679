import { count, isNotNull } from "drizzle-orm";
import { paymentProviders, payments, type PaymentProviderName } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/platform/db/types";

/**
 * Reconciliation drift per payment provider: how many payments its latest sync found the
 * provider disagreeing on and left as they were (what the payments list shows with
 * sync=disagreed). Every provider is listed, with 0 when none; read from a partial index that
 * holds only these payments, so its cost does not grow with the ledger.
 */
export async function syncDisagreementsByProvider(
  db: DbOrTx,
): Promise<{ provider: PaymentProviderName; count: number }[]> {
  const rows = await db
    .select({ provider: payments.provider, n: count() })
    .from(payments)
    .where(isNotNull(payments.syncDisagreement))
    .groupBy(payments.provider);
  return paymentProviders.map((provider) => ({
    provider,
    count: rows.find((row) => row.provider === provider)?.n ?? 0,
  }));
}
