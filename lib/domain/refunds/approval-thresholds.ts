import { eq } from "drizzle-orm";
import { refundApprovalThresholds } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import { paymentProviders } from "@/drizzle/schema/payments";
import type { PaymentProviderProfile } from "@/lib/integrations/providers/provider-profile";
import { paymentProviderProfiles } from "@/lib/integrations/providers/provider-profiles";

/**
 * [OURS] Until an admin sets one, refunds above these amounts need a second person:
 * HK$10,000.00 (Checkout.com has no per-refund cap), and for OCTO's currencies about half of
 * OCTO's 10,000,000 UZS per-refund limit, so the large ones it allows do wait:
 * 5,000,000.00 UZS, US$500.00 (limit ≈ US$790.51), 50,000.00 RUB (limit ≈ 71,146 RUB).
 */
export const defaultApprovalThresholdsMinor: Readonly<Record<string, bigint>> = {
  HKD: 1_000_000n,
  USD: 50_000n,
  UZS: 500_000_000n,
  RUB: 5_000_000n,
};

/**
 * The largest single refund any provider takes in this currency, with the rule that caps it, or
 * null when none caps it (OCTO's per-refund limit for its currencies). A threshold at or above it
 * never triggers.
 */
export function largestSingleRefund(currency: string): { capMinor: bigint; rule: string } | null {
  const caps = paymentProviders.flatMap((name) => {
    const profile: PaymentProviderProfile<string> = paymentProviderProfiles[name];
    return profile.refunds.singleRefundCap?.(currency) ?? [];
  });
  return caps.reduce<(typeof caps)[number] | null>(
    (largest, cap) => (!largest || cap.capMinor > largest.capMinor ? cap : largest),
    null,
  );
}

/** A threshold no refund can exceed (so maker-checker never applies), with the cap that makes it so. */
export function unreachableThreshold(
  currency: string,
  thresholdMinor: bigint,
): { capMinor: bigint; rule: string } | null {
  const cap = largestSingleRefund(currency);
  return cap !== null && thresholdMinor >= cap.capMinor ? cap : null;
}

/** The amount above which a refund in this currency waits for approval (a very large number when none applies). */
export async function approvalThresholdOf(db: DbOrTx, currency: string): Promise<bigint> {
  const [row] = await db
    .select({ amountMinor: refundApprovalThresholds.amountMinor })
    .from(refundApprovalThresholds)
    .where(eq(refundApprovalThresholds.currency, currency));
  return row?.amountMinor ?? defaultApprovalThresholdsMinor[currency] ?? BigInt(Number.MAX_SAFE_INTEGER);
}
