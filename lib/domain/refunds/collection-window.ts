import type { PaymentProviderName } from "@/drizzle/schema/payments";
import { paymentProviderProfileFor } from "@/lib/integrations/providers/provider-profiles";
import type { RefundStatus } from "./refund-status";

const day = 24 * 3_600_000;

/**
 * Whole days left to collect an approved refund whose provider makes the customer collect it
 * (Octopus cards: 90 days from Checkout.com's approval, provider_decided_at), counted on the
 * provider's clock (`providerNow`: the sandbox clock in sandbox mode), so moving the sandbox
 * clock moves the countdown as it moves the expiry.
 */
export function expiresInDays(
  row: { provider: PaymentProviderName; status: RefundStatus; providerDecidedAt: Date | null; statusChangedAt: Date },
  providerNow: Date,
): number | null {
  const collectionDays = paymentProviderProfileFor(row.provider).refunds.collectionDays;
  if (collectionDays === null || row.status !== "approved") return null;
  // Only refunds approved before provider_decided_at existed and never backfilled lack it.
  const approvedAt = row.providerDecidedAt ?? row.statusChangedAt;
  const expiresAt = approvedAt.getTime() + collectionDays * day;
  return Math.ceil((expiresAt - providerNow.getTime()) / day);
}
