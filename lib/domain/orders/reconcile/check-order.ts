import { eq, sql } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import { formatMinor } from "@/lib/platform/money/convert";
import { fetchProviderOrder } from "@/lib/domain/orders/fetch-provider-order";
import { clientVerticalOf, type OrderStatus } from "@/lib/domain/orders/order-status";
import type { OrderDeps } from "@/lib/domain/orders/place-order";
import { recordProviderOrder } from "@/lib/domain/orders/record-provider-order";
import { transitionOrder, type OrderRow } from "@/lib/domain/orders/transition-order";
import { nextOrderCheckDelayMs, requestCertainlyOverMs } from "./order-check-schedule";
import { watchedOrderStatuses } from "./lease-due-orders";
import { sentOnProviderClockAt } from "./sent-on-provider-clock";

export interface OrderCheckResult {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  action: "recorded" | "not_found_released" | "not_found_waiting" | "still_pending" | "awaiting_refund";
}

const windowText = `${requestCertainlyOverMs / 3_600_000} hours`;

/** Why the debit of an order the provider never had is released: one true sentence. */
export function neverPlacedReason(order: Pick<OrderRow, "chargeMinor" | "chargeCurrency">): string {
  return `Octopus Cards had no order with this reference ${windowText} after we sent it, so it was never placed; the ${formatMinor(order.chargeMinor, order.chargeCurrency)} held for it is back in the wallet.`;
}

/**
 * One look at one leased order. placing/unknown: the provider is asked for our client_reference
 * (never ordered again): found → recorded; not found `requestCertainlyOverMs` after we sent it
 * (on the provider's clock) → the provider can no longer act on it, so the order fails and our
 * debit is released with the reason; otherwise the money stays held and we look again later.
 * pending, or a partial delivery whose refund is still to come: the order is fetched and
 * recorded. Then the lease ends and the next look is scheduled on the back-off, or none once the
 * order needs no more looks.
 */
export async function checkOrder(
  deps: OrderDeps,
  orderId: string,
  options: { now?: Date } = {},
): Promise<OrderCheckResult> {
  const now = options.now ?? deps.now();
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new Error(`order ${orderId} vanished`);
  let action: OrderCheckResult["action"] = "recorded";
  if ((order.status === "pending" || order.status === "partially_delivered") && order.providerOrderId !== null) {
    const current = await fetchProviderOrder(deps.client, order, order.providerOrderId);
    await recordProviderOrder(deps, order, current, { source: "provider_poll", kind: "polled" });
  } else if (order.status === "placing" || order.status === "unknown" || order.status === "pending") {
    const found = await deps.client.findOrderByClientReference(clientVerticalOf[order.vertical], order.clientReference);
    const providerNow = deps.providerNow ? await deps.providerNow() : now;
    if (found) {
      await recordProviderOrder(deps, order, found, { source: "provider_poll", kind: "found_by_client_reference" });
    } else if (providerNow.getTime() - sentOnProviderClockAt(order).getTime() >= requestCertainlyOverMs) {
      action = "not_found_released";
      await deps.db.transaction((tx) =>
        transitionOrder(
          tx,
          order.id,
          "failed",
          { failureCode: "NOT_RECEIVED", failureReason: neverPlacedReason(order), isUserFixable: true },
          {
            source: "provider_poll",
            kind: "not_found_at_provider",
            at: now,
            detail: { clientReference: order.clientReference, providerClockAt: providerNow.toISOString() },
          },
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
    .returning({ status: orders.status, nextCheckAt: orders.nextCheckAt });
  const to = after?.status ?? order.status;
  const awaitingRefund = to === "partially_delivered" && (after?.nextCheckAt ?? null) !== null;
  const watched = (watchedOrderStatuses as readonly string[]).includes(to) || awaitingRefund;
  await deps.db
    .update(orders)
    .set({ nextCheckAt: watched ? new Date(now.getTime() + nextOrderCheckDelayMs(attempts)) : null })
    .where(eq(orders.id, orderId));
  if (action === "recorded" && watched)
    action = awaitingRefund ? "awaiting_refund" : to === "pending" ? "still_pending" : action;
  return { orderId, from: order.status, to, action };
}
