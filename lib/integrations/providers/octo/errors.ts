import { ProviderError, type ProviderOutcome } from "../errors";

/**
 * - rejected: OCTO answered with error ≠ 0; nothing happened, safe to fix and retry.
 * - unknown: timeout, reset, non-200 or unparseable answer; the call may or may not have taken
 *   effect, so reconcile (status check, or the refund replay with the same shop_refund_id).
 */
export type OctoOutcome = ProviderOutcome;

/** OCTO error codes we know of; [OURS] marks the ones our simulator defines where OCTO publishes none. */
export const octoErrorCodes = {
  /** Old doc: "data format error" (malformed body, missing or invalid fields). */
  DATA_FORMAT: 1,
  /** "Wrong secret" (also for an unknown shop id). */
  WRONG_SECRET: 2,
  /** [OURS] The payment is unknown or not in the status the method needs. */
  WRONG_PAYMENT_STATE: 3,
  /** [OURS] set_accept final_amount above the held amount (or not positive). */
  WRONG_FINAL_AMOUNT: 4,
  /** "Wrong amount to refund." */
  WRONG_REFUND_AMOUNT: 22,
} as const;

/** `code` is OCTO's error number when it answered with one; null when the outcome is unknown. */
export class OctoError extends ProviderError<number | null> {
  override name = "OctoError";

  constructor(message: string, details: { code: number | null; outcome: OctoOutcome; cause?: unknown }) {
    super("octo", { message, ...details });
  }

  /** OCTO answers errors inside HTTP 200, so there is no status worth keeping. */
  override details(): Record<string, unknown> {
    return { provider: this.provider, code: this.code };
  }
}
