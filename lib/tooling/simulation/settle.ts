import { inArray } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import { refunds } from "@/drizzle/schema/refunds";
import { reconcileDueOrders } from "@/lib/domain/orders/reconcile/reconcile-due-orders";
import { watchedOrderStatuses } from "@/lib/domain/orders/reconcile/lease-due-orders";
import { reconcileDueRefunds } from "@/lib/domain/refunds/reconcile/reconcile-due-refunds";
import { watchedRefundStatuses } from "@/lib/domain/refunds/refund-status";
import type { SimWorld } from "./world";

/** Sandbox time between reconciler cycles: quick at first, then hours, then days (bounded in total). */
const stepsMs = [31_000, 61_000, 150_000, 6 * 60_000, 16 * 60_000, 61 * 60_000, 6 * 3_600_000];
const dayMs = 86_400_000;
export const maxSettleCycles = 45;
/** Faults stay queued for the first cycles, so the reconcilers meet them too; then they clear. */
const faultCycles = 2;

export interface Watched {
  refundIds: string[];
  orderIds: string[];
}

async function stillOpen(world: SimWorld, items: Watched): Promise<number> {
  const openRefunds = items.refundIds.length
    ? (
        await world.db
          .select({ id: refunds.id, status: refunds.status })
          .from(refunds)
          .where(inArray(refunds.id, items.refundIds))
      ).filter((r) => (watchedRefundStatuses as readonly string[]).includes(r.status)).length
    : 0;
  const openOrders = items.orderIds.length
    ? (
        await world.db
          .select({ id: orders.id, status: orders.status })
          .from(orders)
          .where(inArray(orders.id, items.orderIds))
      ).filter((o) => (watchedOrderStatuses as readonly string[]).includes(o.status)).length
    : 0;
  return openRefunds + openOrders;
}

/**
 * Advances the sandbox clock and runs both reconcilers and the webhook deliveries until every
 * item is out of the watched statuses (resolved, or flagged for a person), at most
 * maxSettleCycles times. Returns the cycles used, or null when items stayed open, and the
 * reconciler checks that threw (each is a finding).
 */
export async function settle(
  world: SimWorld,
  items: Watched,
): Promise<{ cycles: number | null; checkErrors: string[] }> {
  const checkErrors: string[] = [];
  for (let cycle = 0; cycle < maxSettleCycles; cycle += 1) {
    if (cycle === faultCycles) await world.clearFaults();
    await world.advance(stepsMs[cycle] ?? dayMs);
    const { refundDeps, orderDeps } = world.app();
    const refundRun = await reconcileDueRefunds(refundDeps, { limit: 200, now: world.now() });
    const orderRun = await reconcileDueOrders(orderDeps, { limit: 200, now: world.now() });
    checkErrors.push(
      ...refundRun.failed.map((f) => `refund ${f.id}: ${f.error}`),
      ...orderRun.failed.map((f) => `order ${f.id}: ${f.error}`),
    );
    await world.tick();
    if ((await stillOpen(world, items)) === 0) {
      await world.clearFaults();
      return { cycles: cycle + 1, checkErrors };
    }
  }
  await world.clearFaults();
  return { cycles: null, checkErrors };
}
