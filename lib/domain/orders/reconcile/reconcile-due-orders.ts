import { runEvery } from "@/lib/platform/background/every";
import { runLeasedChecks, type LeasedCheckRun } from "@/lib/platform/background/lease-runner";
import type { OrderDeps } from "@/lib/domain/orders/place-order";
import { checkOrder, type OrderCheckResult } from "./check-order";
import { failedOrderCheckRetryMs } from "./order-check-schedule";
import { leaseDueOrders, releaseOrderForRetry } from "./lease-due-orders";

export type OrderReconcileRun = LeasedCheckRun<OrderCheckResult>;

/**
 * One order-reconciler pass: lease the orders due for a look, check each with the provider. Safe
 * on several instances at once (SKIP LOCKED leases). A check that throws (provider down, a bug)
 * is logged, its lease released, and it is looked at again a minute later.
 */
export function reconcileDueOrders(
  deps: OrderDeps,
  options: { limit?: number; now?: Date } = {},
): Promise<OrderReconcileRun> {
  return runLeasedChecks(
    {
      noun: "order",
      leaseDue: (limit, now) => leaseDueOrders(deps.db, limit, now),
      check: (orderId, now) => checkOrder(deps, orderId, { now }),
      releaseForRetry: (orderId, retryAt) => releaseOrderForRetry(deps.db, orderId, retryAt),
      retryAfterMs: failedOrderCheckRetryMs,
    },
    { limit: options.limit ?? 20, now: options.now ?? deps.now() },
  );
}

export const orderReconcilerIntervalMs = 5_000;

/** An order-reconciler pass every few seconds in this process, one at a time. Returns a stop function. */
export function startOrderReconciler(deps: () => OrderDeps, intervalMs = orderReconcilerIntervalMs): () => void {
  return runEvery("order-reconciler", () => reconcileDueOrders(deps()), intervalMs);
}
