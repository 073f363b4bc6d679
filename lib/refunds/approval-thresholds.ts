import { eq } from "drizzle-orm";
import { refundApprovalThresholds } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/db/types";

/**
 * [OURS] Until an admin sets one, refunds above these amounts need a second person:
 * HK$10,000.00, US$1,000.00, 10,000,000.00 UZS, 100,000.00 RUB (minor units).
 */
export const defaultApprovalThresholdsMinor: Readonly<Record<string, bigint>> = {
  HKD: 1_000_000n,
  USD: 100_000n,
  UZS: 1_000_000_000n,
  RUB: 10_000_000n,
};

/** The amount above which a refund in this currency waits for approval (a very large number when none applies). */
export async function approvalThresholdOf(db: DbOrTx, currency: string): Promise<bigint> {
  const [row] = await db.select({ amountMinor: refundApprovalThresholds.amountMinor }).from(refundApprovalThresholds).where(eq(refundApprovalThresholds.currency, currency));
  return row?.amountMinor ?? defaultApprovalThresholdsMinor[currency] ?? BigInt(Number.MAX_SAFE_INTEGER);
}
