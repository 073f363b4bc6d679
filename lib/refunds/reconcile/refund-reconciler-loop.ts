import type { RefundDeps } from "../send-refund";
import { reconcileDueRefunds } from "./reconcile-due-refunds";

export const reconcilerIntervalMs = 5_000;

/**
 * Runs a reconciler pass every few seconds in this process: one pass at a time (a slow provider
 * never stacks passes), errors logged, the timer unref'd so it never keeps the process alive.
 * Several instances may run it at once: leases use SKIP LOCKED.
 */
export function startRefundReconciler(deps: () => RefundDeps, intervalMs = reconcilerIntervalMs): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reconcileDueRefunds(deps())
      .catch((error: unknown) => console.error("[refund-reconciler] pass failed", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
