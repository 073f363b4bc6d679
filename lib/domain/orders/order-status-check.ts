import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import { isOctopusCardsError } from "@/lib/integrations/providers/octopus-cards/errors";
import { fetchProviderOrder } from "./fetch-provider-order";
import { clientVerticalOf, type OrderStatus } from "./order-status";
import type { OrderDeps } from "./place-order";
import { nextOrderCheckAt, orderPollSchedule } from "./poll-schedule";
import { factsOfProviderOrder, type ProviderOrder } from "./provider-order";
import { applyProviderOrder, observeProviderOrder, type ProviderOrderObservation } from "./record-provider-order";
import type { OrderRow } from "./transition-order";
import { log } from "@/lib/platform/log/logger";

async function currentProviderOrder(deps: OrderDeps, order: OrderRow): Promise<ProviderOrder | null> {
  if (order.providerOrderId === null)
    return deps.client.findOrderByClientReference(clientVerticalOf[order.vertical], order.clientReference);
  return fetchProviderOrder(deps.client, order, order.providerOrderId);
}

/**
 * Asks the provider for a non-final order's state when its next_check_at is due (and it is within
 * the ~11 minutes the live view polls; later checks are the background reconciler's). The check is
 * claimed first (next_check_at moved forward in one conditional UPDATE), so concurrent viewers
 * make one provider call, not one each. A change is observed (the order, and a partial delivery's
 * refund) and then applied with its money consequence in one transaction; an unchanged answer
 * only moves next_check_at. Never places or re-sends an order.
 */
export async function checkOrderIfDue(deps: OrderDeps, orderId: string): Promise<"checked" | "not_due"> {
  const now = deps.now();
  const pollable: OrderStatus[] = ["unknown", "pending"];
  const [claimed] = await deps.db
    .update(orders)
    .set({
      nextCheckAt: new Date(now.getTime() + orderPollSchedule.fastMs),
      checkAttempts: sql`${orders.checkAttempts} + 1`,
    })
    .where(
      and(
        eq(orders.id, orderId),
        lte(orders.nextCheckAt, now),
        inArray(orders.status, pollable),
        gt(orders.createdAt, new Date(now.getTime() - orderPollSchedule.pollForMs)),
      ),
    )
    .returning();
  if (!claimed) return "not_due";
  const nextCheckAt = nextOrderCheckAt(claimed.createdAt, now);
  let observation: ProviderOrderObservation | null;
  try {
    const providerOrder = await currentProviderOrder(deps, claimed);
    observation = providerOrder && (await observeProviderOrder(deps.client, claimed, providerOrder));
  } catch (error) {
    if (!isOctopusCardsError(error)) throw error;
    log.warn({ orderId, nextCheckAt, reason: error.message }, "order status check failed");
    await deps.db.update(orders).set({ nextCheckAt }).where(eq(orders.id, orderId));
    return "checked";
  }
  const mapped = observation ? factsOfProviderOrder(observation.providerOrder, claimed.chargeCurrency) : null;
  if (
    !observation ||
    !mapped ||
    (mapped.status === claimed.status &&
      observation.providerOrder.status === claimed.providerStatus &&
      claimed.providerOrderId !== null)
  ) {
    await deps.db.update(orders).set({ nextCheckAt }).where(eq(orders.id, orderId));
    return "checked";
  }
  const kind = claimed.status === "unknown" ? "found_by_client_reference" : "polled";
  await deps.db.transaction((tx) =>
    applyProviderOrder(tx, claimed, observation, { source: "provider_poll", kind, at: now, recheckAt: nextCheckAt }),
  );
  return "checked";
}
