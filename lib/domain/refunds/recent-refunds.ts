/** How far back a refund of the same amount on the same payment is worth a warning. */
export const RECENT_REFUND_WINDOW_MS = 10 * 60_000;

export interface RecentRefund {
  /** bigint minor units as a string (server → client). */
  amountMinor: string;
  /** ISO time it was requested. */
  createdAt: string;
  requestedBy: string | null;
}

/**
 * The refunds of a payment made in the last few minutes that did not fail: a second refund of
 * the same amount so soon is more often a double submission (another tab, a reload) than intended.
 */
export function recentRefundsOf(
  refunds: ReadonlyArray<{
    amountMinor: string;
    createdAt: string;
    status: string;
    requestedBy: { email: string } | null;
  }>,
  now: Date,
): RecentRefund[] {
  return refunds
    .filter(
      (r) =>
        r.status !== "failed" &&
        r.status !== "rejected" &&
        now.getTime() - new Date(r.createdAt).getTime() <= RECENT_REFUND_WINDOW_MS,
    )
    .map((r) => ({ amountMinor: r.amountMinor, createdAt: r.createdAt, requestedBy: r.requestedBy?.email ?? null }));
}

/** The recent refund with exactly this amount, if any. */
export const sameAmountRecently = (
  recent: readonly RecentRefund[],
  amountMinor: bigint | null,
): RecentRefund | undefined =>
  amountMinor === null ? undefined : recent.find((r) => BigInt(r.amountMinor) === amountMinor);
