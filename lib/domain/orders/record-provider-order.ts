import { and, eq } from "drizzle-orm";
import { orders, walletMovements, type orderEventSources } from "@/drizzle/schema/orders";
import type { Transaction } from "@/lib/platform/db/types";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import type { WalletTransaction } from "@/lib/integrations/providers/octopus-cards/types";
import { bookPartialDeliveryRefund, findPartialDeliveryRefund } from "./book-partial-refund";
import { syncOrderRefundedMinor } from "./order-refunded";
import type { OrderDeps } from "./place-order";
import { deliveryFactsOf, factsOfProviderOrder, type ProviderOrder } from "./provider-order";
import { transitionOrder, type OrderRow } from "./transition-order";

/** [OURS] When to look again at a pending order, or at a partial delivery whose refund is not visible yet. */
export const providerOrderRecheckMs = 5_000;

/** Everything the network told us about one order: read before any transaction opens. */
export interface ProviderOrderObservation {
  providerOrder: ProviderOrder;
  /** A partial delivery's "Refund for order #N" wallet transaction; null until the provider shows it. */
  partialRefund: WalletTransaction | null;
}

export type RecordOutcome = "applied" | "same" | "ignored" | "unmapped";

/** Observe: the provider's order, and for a partial delivery the wallet's refund of the rest. All network, no transaction. */
export async function observeProviderOrder(
  client: Pick<OctopusCardsClient, "listTransactions">,
  order: Pick<OrderRow, "walletId" | "chargeCurrency">,
  providerOrder: ProviderOrder,
): Promise<ProviderOrderObservation> {
  const partial = factsOfProviderOrder(providerOrder, order.chargeCurrency)?.status === "partially_delivered";
  return {
    providerOrder,
    partialRefund: partial ? await findPartialDeliveryRefund(client, order, providerOrder.id) : null,
  };
}

export interface ApplyOrigin {
  source: (typeof orderEventSources)[number];
  kind: string;
  at: Date;
  /** When to look again if the order stays pending or its partial refund is still to come. */
  recheckAt?: Date;
}

/**
 * Apply, in the caller's one transaction: the status (transitionOrder, with its refund or
 * release), a partial delivery's refund booked once, orders.refunded_minor, what was delivered
 * and the eSIM's ICCID (kept once seen), activation status and install time. An order stays
 * watched (next_check_at) while it is pending or its partial refund has not been booked yet.
 */
export async function applyProviderOrder(
  tx: Transaction,
  order: Pick<OrderRow, "id" | "walletId" | "chargeCurrency">,
  observation: ProviderOrderObservation,
  origin: ApplyOrigin,
): Promise<RecordOutcome> {
  const { providerOrder } = observation;
  const mapped = factsOfProviderOrder(providerOrder, order.chargeCurrency);
  if (!mapped) return "unmapped";
  const outcome = await transitionOrder(tx, order.id, mapped.status, mapped.facts, {
    ...origin,
    detail: { providerOrderId: providerOrder.id, status: providerOrder.status },
  });
  const [current] = await tx
    .select({ status: orders.status, esimIccid: orders.esimIccid })
    .from(orders)
    .where(eq(orders.id, order.id));
  if (!current) throw new Error(`order ${order.id} vanished`);
  let awaitingRefund = false;
  if (current.status === "partially_delivered") {
    if (observation.partialRefund) await bookPartialDeliveryRefund(tx, order, observation.partialRefund, origin);
    const [refund] = await tx
      .select({ id: walletMovements.id })
      .from(walletMovements)
      .where(and(eq(walletMovements.orderId, order.id), eq(walletMovements.kind, "order_refund")))
      .limit(1);
    awaitingRefund = !refund;
  }
  await syncOrderRefundedMinor(tx, order.id);
  const watched = current.status === "pending" || awaitingRefund;
  const delivery = deliveryFactsOf(providerOrder, mapped.status);
  await tx
    .update(orders)
    .set({
      nextCheckAt: watched ? (origin.recheckAt ?? new Date(origin.at.getTime() + providerOrderRecheckMs)) : null,
      ...(outcome !== "ignored" &&
        delivery.deliveredQuantity !== undefined && { deliveredQuantity: delivery.deliveredQuantity }),
      ...(delivery.esim && {
        esimIccid: delivery.esim.iccid ?? current.esimIccid,
        esimActivationStatus: delivery.esim.activationStatus,
        esimInstalledAt: delivery.esim.installedAt,
      }),
    })
    .where(eq(orders.id, order.id));
  return outcome;
}

/** Records the provider's order (from the create call, a lookup, a poll or a webhook): observe, then apply in one transaction. Never call it inside a transaction. */
export async function recordProviderOrder(
  deps: OrderDeps,
  order: OrderRow,
  providerOrder: ProviderOrder,
  origin: { source: ApplyOrigin["source"]; kind: string; recheckAt?: Date },
): Promise<RecordOutcome> {
  const observation = await observeProviderOrder(deps.client, order, providerOrder);
  const at = deps.now();
  return deps.db.transaction((tx) => applyProviderOrder(tx, order, observation, { ...origin, at }));
}
