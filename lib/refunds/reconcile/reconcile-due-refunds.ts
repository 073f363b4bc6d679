import { eq } from "drizzle-orm";
import { refunds } from "@/drizzle/schema/refunds";
import type { RefundDeps } from "../send-refund";
import { checkRefund, type CheckResult } from "./check-refund";
import { failedCheckRetryMs } from "./check-schedule";
import { leaseDueRefunds } from "./lease-due-refunds";

export interface ReconcileRun {
  checked: CheckResult[];
  failed: Array<{ refundId: string; error: string }>;
}

/**
 * One reconciler pass: lease the refunds due for a look (requested, pending, unknown), then check
 * each with its provider. Safe on several instances at once (SKIP LOCKED leases). A check that
 * throws is logged, its lease released, and it is looked at again a minute later.
 */
export async function reconcileDueRefunds(deps: RefundDeps, options: { limit?: number; now?: Date } = {}): Promise<ReconcileRun> {
  const now = options.now ?? deps.now();
  const ids = await leaseDueRefunds(deps.db, options.limit ?? 20, now);
  const run: ReconcileRun = { checked: [], failed: [] };
  for (const refundId of ids) {
    try {
      run.checked.push(await checkRefund(deps, refundId, { now }));
    } catch (error) {
      console.error(`[refund-reconciler] check of refund ${refundId} failed`, error);
      run.failed.push({ refundId, error: error instanceof Error ? error.message : String(error) });
      await deps.db
        .update(refunds)
        .set({ leaseUntil: null, nextCheckAt: new Date(now.getTime() + failedCheckRetryMs) })
        .where(eq(refunds.id, refundId));
    }
  }
  return run;
}
