import { and, eq } from "drizzle-orm";
import { orderEvents, walletMovements, type orderEventSources } from "@/drizzle/schema/orders";
import type { Transaction } from "@/lib/platform/db/types";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import type { WalletTransaction } from "@/lib/integrations/providers/octopus-cards/types";
import { allWalletTransactions } from "@/lib/domain/wallet/reconcile-wallet";
import { recordWalletMovement } from "@/lib/domain/wallet/record-movement";
import type { OrderRow } from "./transition-order";
import { log } from "@/lib/platform/log/logger";

const refundRemark = /refund for order #(\d+)\b/i;

/**
 * A partially delivered order is refunded by the provider for what it could not deliver, and
 * the order does not say how much: the wallet's "Refund for order #N" transaction does. This
 * reads it over the network (call it before any transaction opens); null until it is visible.
 */
export async function findPartialDeliveryRefund(
  client: Pick<OctopusCardsClient, "listTransactions">,
  order: Pick<OrderRow, "walletId" | "chargeCurrency">,
  providerOrderId: number,
): Promise<WalletTransaction | null> {
  const refund = (await allWalletTransactions(client, order.walletId)).find(
    (t) =>
      t.type === "CREDIT" && t.status === "COMPLETED" && Number(refundRemark.exec(t.remarks)?.[1]) === providerOrderId,
  );
  if (!refund) return null;
  if (refund.amount.currency !== order.chargeCurrency) {
    log.error(
      `partial refund: provider transaction ${refund.id} refunds ${refund.amount.currency}, the order was charged in ${order.chargeCurrency}; not booked`,
    );
    return null;
  }
  return refund;
}

/**
 * Books the provider's partial-delivery refund as this order's refund, in the caller's
 * transaction, once: a transaction id already in our ledger is not booked again (and the
 * ledger's unique index on it refuses a second one anyway).
 */
export async function bookPartialDeliveryRefund(
  tx: Transaction,
  order: Pick<OrderRow, "id" | "walletId">,
  refund: WalletTransaction,
  origin: { at: Date; source: (typeof orderEventSources)[number] },
): Promise<boolean> {
  const [booked] = await tx
    .select({ id: walletMovements.id })
    .from(walletMovements)
    .where(and(eq(walletMovements.walletId, order.walletId), eq(walletMovements.providerTransactionId, refund.id)));
  if (booked) return false;
  await recordWalletMovement(tx, {
    walletId: order.walletId,
    kind: "order_refund",
    amountMinor: refund.amount.minor,
    orderId: order.id,
    providerTransactionId: refund.id,
    at: origin.at,
    note: refund.remarks,
  });
  await tx.insert(orderEvents).values({
    orderId: order.id,
    at: origin.at,
    source: origin.source,
    kind: "wallet_refunded",
    detail: { amountMinor: refund.amount.minor.toString(), providerTransactionId: refund.id, partial: true },
  });
  return true;
}
