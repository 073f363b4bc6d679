import { eq } from "drizzle-orm";
import { refundApprovalThresholds } from "@/drizzle/schema/refunds";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { amountFieldToMinor } from "@/lib/app/validation/amount-field";
import type { Database } from "@/lib/platform/db/types";
import { defaultApprovalThresholdsMinor } from "./approval-thresholds";
import type { SetApprovalThresholdInput } from "./decision-input";

/**
 * An admin sets a currency's approval threshold: refunds above it wait for a second person.
 * Upserted in one transaction with its audit row (before and after, in minor units).
 */
export async function setApprovalThreshold(
  db: Database,
  actor: AuditActor,
  input: SetApprovalThresholdInput,
  now = new Date(),
): Promise<{ currency: string; amountMinor: bigint }> {
  const amountMinor = amountFieldToMinor(input.amount, input.currency);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(refundApprovalThresholds)
      .where(eq(refundApprovalThresholds.currency, input.currency))
      .for("update");
    await tx
      .insert(refundApprovalThresholds)
      .values({ currency: input.currency, amountMinor, updatedBy: actor.userId, updatedAt: now })
      .onConflictDoUpdate({
        target: refundApprovalThresholds.currency,
        set: { amountMinor, updatedBy: actor.userId, updatedAt: now },
      });
    const previous = before?.amountMinor ?? defaultApprovalThresholdsMinor[input.currency];
    await recordAudit(tx, actor, {
      action: "refund_threshold.set",
      targetType: "currency",
      targetId: input.currency,
      before: { amountMinor: previous === undefined ? null : previous.toString(), isDefault: !before },
      after: { amountMinor: amountMinor.toString() },
    });
    return { currency: input.currency, amountMinor };
  });
}

/** Every currency with a default or a stored threshold, and what applies now. */
export async function listApprovalThresholds(
  db: Database,
): Promise<{ currency: string; amountMinor: bigint; isDefault: boolean; updatedAt: Date | null }[]> {
  const stored = await db.select().from(refundApprovalThresholds);
  const byCurrency = new Map(stored.map((row) => [row.currency, row]));
  const currencies = [...new Set([...Object.keys(defaultApprovalThresholdsMinor), ...byCurrency.keys()])].sort();
  return currencies.map((currency) => {
    const row = byCurrency.get(currency);
    return row
      ? { currency, amountMinor: row.amountMinor, isDefault: false, updatedAt: row.updatedAt }
      : { currency, amountMinor: defaultApprovalThresholdsMinor[currency] ?? 0n, isDefault: true, updatedAt: null };
  });
}
