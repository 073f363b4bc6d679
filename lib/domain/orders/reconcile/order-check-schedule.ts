/**
 * [OURS] The provider's polling schedule for an order not final yet (issue #6): every 5 s for a
 * minute, then every 30 s up to about 11 minutes, then every 10 minutes from the background.
 */
export const fastChecks = { count: 12, everyMs: 5_000 } as const;
export const mediumChecks = { count: 20, everyMs: 30_000 } as const;
export const slowOrderCheckMs = 10 * 60_000;

/** Delay before the next look after `attempts` looks so far (1 = the first one). */
export function nextOrderCheckDelayMs(attempts: number): number {
  if (attempts <= fastChecks.count) return fastChecks.everyMs;
  if (attempts <= fastChecks.count + mediumChecks.count) return mediumChecks.everyMs;
  return slowOrderCheckMs;
}

/** How long one reconciler holds an order it is checking; a crashed instance's lease lapses after this. */
export const orderCheckLeaseMs = 2 * 60_000;

/**
 * An order still "placing" this long after it was stored lost its process between storing and
 * the provider's answer (our request timeout is 30 s): the reconciler picks it up.
 */
export const abandonedPlacingAfterMs = 2 * 60_000;

/**
 * [OURS] How long an order's debit stays reserved while the provider has no order with its
 * client_reference. providers.md §3.6 documents no window after which Octopus Cards can no
 * longer act on a reference (a request may be queued or retried on its side), so we state one:
 * 24 hours, counted on the provider's clock (the sandbox clock in sandbox mode). Until then the
 * order is checked and the money stays held; after it, the order is failed and the debit released.
 */
export const requestCertainlyOverMs = 24 * 3_600_000;

/** A check that failed on our side is tried again after this. */
export const failedOrderCheckRetryMs = 60_000;
