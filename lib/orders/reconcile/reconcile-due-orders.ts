import { eq } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import { runEvery } from "@/lib/background/every";
import type { OrderDeps } from "@/lib/orders/place-order";
import { checkOrder, type OrderCheckResult } from "./check-order";
import { failedOrderCheckRetryMs } from "./order-check-schedule";
import { leaseDueOrders } from "./lease-due-orders";

export interface OrderReconcileRun {
  checked: OrderCheckResult[];
  failed: Array<{ orderId: string; error: string }>;
}

/**
 * One order-reconciler pass: lease the orders due for a look, check each with the provider. Safe
 * on several instances at once (SKIP LOCKED leases). A check that throws (provider down, a bug)
 * is logged, its lease released, and it is looked at again a minute later.
 */
export async function reconcileDueOrders(deps: OrderDeps, options: { limit?: number; now?: Date } = {}): Promise<OrderReconcileRun> {
  const now = options.now ?? deps.now();
  const ids = await leaseDueOrders(deps.db, options.limit ?? 20, now);
  const run: OrderReconcileRun = { checked: [], failed: [] };
  for (const orderId of ids) {
    try {
      run.checked.push(await checkOrder(deps, orderId, { now }));
    } catch (error) {
      console.error(`[order-reconciler] check of order ${orderId} failed`, error);
      run.failed.push({ orderId, error: error instanceof Error ? error.message : String(error) });
      await deps.db
        .update(orders)
        .set({ leaseUntil: null, nextCheckAt: new Date(now.getTime() + failedOrderCheckRetryMs) })
        .where(eq(orders.id, orderId));
    }
  }
  return run;
}

export const orderReconcilerIntervalMs = 5_000;

/** An order-reconciler pass every few seconds in this process, one at a time. Returns a stop function. */
export function startOrderReconciler(deps: () => OrderDeps, intervalMs = orderReconcilerIntervalMs): () => void {
  return runEvery("order-reconciler", () => reconcileDueOrders(deps()), intervalMs);
}
