/**
 * [OURS] When the reconciler looks at a watched refund again: quickly at first (most refunds
 * are decided within minutes), then every 6 hours. After `maxCheckAttempts` looks (about a week)
 * a refund still not decided needs a person.
 */
export const checkBackoffMs = [30_000, 60_000, 5 * 60_000, 15 * 60_000, 3_600_000] as const;
export const slowCheckIntervalMs = 6 * 3_600_000;
export const maxCheckAttempts = 30;

/** Delay before the next look, after `attempts` looks so far (1 = the first one). */
export function nextCheckDelayMs(attempts: number): number {
  return checkBackoffMs[attempts - 1] ?? slowCheckIntervalMs;
}

/** How long one reconciler holds a refund it is checking; a crashed instance's lease lapses after this. */
export const checkLeaseMs = 2 * 60_000;

/**
 * A refund still "requested" this long after it was committed lost its provider call (the process
 * stopped between phase A and phase B): the reconciler sends it with its key.
 */
export const staleRequestedMs = 2 * 60_000;

/**
 * Checkout.com keeps an idempotency key 24 hours from its first use [DOC]. The key cannot have been
 * used before the refund was requested, so resending with it is safe until then; we stop an hour
 * earlier for clock differences. After that a resend could refund twice: a person decides.
 */
export const checkoutResendWindowMs = 23 * 3_600_000;

/** A check that failed on our side (a bug, a database error) is tried again after this. */
export const failedCheckRetryMs = 60_000;
