import { eq, sql } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import { fetchProviderOrder } from "@/lib/orders/fetch-provider-order";
import { clientVerticalOf, type OrderStatus } from "@/lib/orders/order-status";
import { recordProviderOrder, type OrderDeps } from "@/lib/orders/place-order";
import { transitionOrder } from "@/lib/orders/transition-order";
import { nextOrderCheckDelayMs, requestCertainlyOverMs } from "./order-check-schedule";
import { watchedOrderStatuses } from "./lease-due-orders";

export interface OrderCheckResult {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  action: "recorded" | "not_found_released" | "not_found_waiting" | "still_pending";
}

/**
 * One look at one leased order. placing/unknown: the provider is asked for our client_reference
 * (never ordered again): found → recorded; not found long after we stored it → the request
 * certainly never reached the provider, so the order fails and our debit is released; otherwise
 * look again later. pending: the order is fetched and recorded. Then the lease ends and the next
 * look is scheduled on the back-off, or none once the order is final.
 */
export async function checkOrder(deps: OrderDeps, orderId: string, options: { now?: Date } = {}): Promise<OrderCheckResult> {
  const now = options.now ?? deps.now();
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new Error(`order ${orderId} vanished`);
  let action: OrderCheckResult["action"] = "recorded";
  if (order.status === "pending" && order.providerOrderId !== null) {
    const current = await fetchProviderOrder(deps.client, order, order.providerOrderId);
    await recordProviderOrder(deps, order, current, { source: "provider_poll", kind: "polled" });
  } else if (order.status === "placing" || order.status === "unknown" || order.status === "pending") {
    const found = await deps.client.findOrderByClientReference(clientVerticalOf[order.vertical], order.clientReference);
    if (found) {
      await recordProviderOrder(deps, order, found, { source: "provider_poll", kind: "found_by_client_reference" });
    } else if (now.getTime() - order.createdAt.getTime() >= requestCertainlyOverMs) {
      action = "not_found_released";
      await deps.db.transaction((tx) =>
        transitionOrder(
          tx,
          order.id,
          "failed",
          { failureCode: "NOT_RECEIVED", failureReason: "Octopus Cards has no order with this client_reference: the request never reached it. Nothing was charged.", isUserFixable: true },
          { source: "provider_poll", kind: "not_found_at_provider", at: now, detail: { clientReference: order.clientReference } },
          { refused: true },
        ),
      );
    } else {
      action = "not_found_waiting";
    }
  }
  const attempts = order.checkAttempts + 1;
  const [after] = await deps.db
    .update(orders)
    .set({ checkAttempts: sql`${orders.checkAttempts} + 1`, leaseUntil: null })
    .where(eq(orders.id, orderId))
    .returning({ status: orders.status });
  const to = after?.status ?? order.status;
  const watched = (watchedOrderStatuses as readonly string[]).includes(to);
  await deps.db
    .update(orders)
    .set({ nextCheckAt: watched ? new Date(now.getTime() + nextOrderCheckDelayMs(attempts)) : null })
    .where(eq(orders.id, orderId));
  if (action === "recorded" && watched && to === "pending") action = "still_pending";
  return { orderId, from: order.status, to, action };
}
