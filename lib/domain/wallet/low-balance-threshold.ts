import { eq } from "drizzle-orm";
import { z } from "zod";
import { walletLowBalanceThresholds } from "@/drizzle/schema/orders";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { amountFieldToMinor, typedAmountInput } from "@/lib/app/validation/amount-field";
import type { Database, DbOrTx } from "@/lib/platform/db/types";
import { currencyExponents } from "@/lib/platform/money/currency";

const currencies = Object.keys(currencyExponents) as [
  keyof typeof currencyExponents,
  ...(keyof typeof currencyExponents)[],
];

/** An admin sets the balance (major units) under which a wallet in that currency shows a warning. */
export const setLowBalanceThresholdInput = z.object({
  currency: z.enum(currencies, { error: "must be a supported currency" }),
  amount: typedAmountInput("500.00 or 1,500.00"),
});
export type SetLowBalanceThresholdInput = z.output<typeof setLowBalanceThresholdInput>;

/** Upserts a currency's low-balance threshold with its audit row (before and after, minor units). */
export async function setLowBalanceThreshold(
  db: Database,
  actor: AuditActor,
  input: SetLowBalanceThresholdInput,
  now = new Date(),
): Promise<{ currency: string; amountMinor: bigint }> {
  const amountMinor = amountFieldToMinor(input.amount, input.currency);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(walletLowBalanceThresholds)
      .where(eq(walletLowBalanceThresholds.currency, input.currency))
      .for("update");
    await tx
      .insert(walletLowBalanceThresholds)
      .values({ currency: input.currency, amountMinor, updatedBy: actor.userId, updatedAt: now })
      .onConflictDoUpdate({
        target: walletLowBalanceThresholds.currency,
        set: { amountMinor, updatedBy: actor.userId, updatedAt: now },
      });
    await recordAudit(tx, actor, {
      action: "wallet_low_balance_threshold.set",
      targetType: "currency",
      targetId: input.currency,
      before: { amountMinor: before ? before.amountMinor.toString() : null },
      after: { amountMinor: amountMinor.toString() },
    });
    return { currency: input.currency, amountMinor };
  });
}

/** Stored thresholds by currency (no threshold: no warning). */
export async function lowBalanceThresholds(db: DbOrTx): Promise<Map<string, { amountMinor: bigint; updatedAt: Date }>> {
  const rows = await db.select().from(walletLowBalanceThresholds);
  return new Map(rows.map((r) => [r.currency, { amountMinor: r.amountMinor, updatedAt: r.updatedAt }]));
}
