import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import { isOctopusCardsError } from "@/lib/providers/octopus-cards/errors";
import { clientVerticalOf, isFinalOrderStatus, type OrderStatus } from "./order-status";
import type { OrderDeps } from "./place-order";
import { nextOrderCheckAt, orderPollSchedule } from "./poll-schedule";
import { factsOfProviderOrder, type ProviderOrder } from "./provider-order";
import { transitionOrder, type OrderRow } from "./transition-order";

async function fetchProviderOrder(deps: OrderDeps, order: OrderRow): Promise<ProviderOrder | null> {
  if (order.providerOrderId === null) return deps.client.findOrderByClientReference(clientVerticalOf[order.vertical], order.clientReference);
  switch (order.vertical) {
    case "voucher":
      return deps.client.getVoucherOrder(order.providerOrderId);
    case "topup":
      return deps.client.getTopupOrder(order.providerOrderId);
    case "esim":
      return deps.client.getEsimOrder(order.providerOrderId);
  }
}

/**
 * Asks the provider for a non-final order's state when its next_check_at is due (and it is within
 * the ~11 minutes the live view polls; later checks are the background reconciler's). The check is
 * claimed first (next_check_at moved forward in one conditional UPDATE), so concurrent viewers
 * make one provider call, not one each. A change goes through transitionOrder; an unchanged
 * answer only moves next_check_at. Never places or re-sends an order.
 */
export async function checkOrderIfDue(deps: OrderDeps, orderId: string): Promise<"checked" | "not_due"> {
  const now = deps.now();
  const pollable: OrderStatus[] = ["unknown", "pending"];
  const [claimed] = await deps.db
    .update(orders)
    .set({ nextCheckAt: new Date(now.getTime() + orderPollSchedule.fastMs), checkAttempts: sql`${orders.checkAttempts} + 1` })
    .where(and(eq(orders.id, orderId), lte(orders.nextCheckAt, now), inArray(orders.status, pollable), gt(orders.createdAt, new Date(now.getTime() - orderPollSchedule.pollForMs))))
    .returning();
  if (!claimed) return "not_due";
  const nextCheckAt = nextOrderCheckAt(claimed.createdAt, now);
  let providerOrder: ProviderOrder | null;
  try {
    providerOrder = await fetchProviderOrder(deps, claimed);
  } catch (error) {
    if (!isOctopusCardsError(error)) throw error;
    console.warn(`[order ${orderId}] status check failed; next at ${nextCheckAt.toISOString()}`, error.message);
    await deps.db.update(orders).set({ nextCheckAt }).where(eq(orders.id, orderId));
    return "checked";
  }
  const mapped = providerOrder ? factsOfProviderOrder(providerOrder, claimed.chargeCurrency) : null;
  if (!providerOrder || !mapped || (mapped.status === claimed.status && providerOrder.status === claimed.providerStatus && claimed.providerOrderId !== null)) {
    await deps.db.update(orders).set({ nextCheckAt }).where(eq(orders.id, orderId));
    return "checked";
  }
  const kind = claimed.status === "unknown" ? "found_by_client_reference" : "polled";
  await deps.db.transaction((tx) =>
    transitionOrder(tx, orderId, mapped.status, { ...mapped.facts, nextCheckAt: isFinalOrderStatus(mapped.status) ? null : nextCheckAt }, { source: "provider_poll", kind, at: now, detail: { providerOrderId: providerOrder.id, status: providerOrder.status } }),
  );
  return "checked";
}
