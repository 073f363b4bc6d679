import { runLeasedChecks, type LeasedCheckRun } from "@/lib/platform/background/lease-runner";
import type { RefundDeps } from "../send-refund";
import { checkRefund, type CheckResult } from "./check-refund";
import { failedCheckRetryMs } from "./check-schedule";
import { leaseDueRefunds, releaseRefundForRetry } from "./lease-due-refunds";

export type ReconcileRun = LeasedCheckRun<CheckResult>;

/**
 * One reconciler pass: lease the refunds due for a look (requested, pending, unknown), then check
 * each with its provider. Safe on several instances at once (SKIP LOCKED leases). A check that
 * throws is logged, its lease released, and it is looked at again a minute later.
 */
export function reconcileDueRefunds(
  deps: RefundDeps,
  options: { limit?: number; now?: Date } = {},
): Promise<ReconcileRun> {
  return runLeasedChecks(
    {
      noun: "refund",
      leaseDue: (limit, now) => leaseDueRefunds(deps.db, limit, now),
      check: (refundId, now) => checkRefund(deps, refundId, { now }),
      releaseForRetry: (refundId, retryAt) => releaseRefundForRetry(deps.db, refundId, retryAt),
      retryAfterMs: failedCheckRetryMs,
    },
    { limit: options.limit ?? 20, now: options.now ?? deps.now() },
  );
}
