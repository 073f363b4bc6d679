import { runEvery } from "@/lib/platform/background/every";
import type { RefundDeps } from "../send-refund";
import { reconcileDueRefunds } from "./reconcile-due-refunds";

export const reconcilerIntervalMs = 5_000;

/**
 * A reconciler pass every few seconds in this process, one at a time, errors logged. Several
 * instances may run it at once: leases use SKIP LOCKED. Returns a stop function.
 */
export function startRefundReconciler(deps: () => RefundDeps, intervalMs = reconcilerIntervalMs): () => void {
  return runEvery("refund-reconciler", () => reconcileDueRefunds(deps()), intervalMs);
}
