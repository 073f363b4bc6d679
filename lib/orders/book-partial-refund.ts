import { and, eq } from "drizzle-orm";
import { orderEvents, walletMovements } from "@/drizzle/schema/orders";
import { allWalletTransactions } from "@/lib/wallet/reconcile-wallet";
import { recordWalletMovement } from "@/lib/wallet/record-movement";
import type { OrderDeps } from "./place-order";
import type { OrderRow } from "./transition-order";

const refundRemark = /refund for order #(\d+)\b/i;

/**
 * A partially delivered order is refunded by the provider for what it could not deliver, and
 * the order does not say how much: the wallet's "Refund for order #N" transaction does. It is
 * booked once (its transaction id is unique in our ledger) as this order's refund.
 */
export async function bookPartialDeliveryRefund(deps: OrderDeps, order: OrderRow): Promise<boolean> {
  if (order.providerOrderId === null) return false;
  const refund = (await allWalletTransactions(deps.client, order.walletId)).find(
    (t) => t.type === "CREDIT" && t.status === "COMPLETED" && Number(refundRemark.exec(t.remarks)?.[1]) === order.providerOrderId,
  );
  if (!refund || refund.amount.currency !== order.chargeCurrency) return false;
  const at = deps.now();
  return deps.db.transaction(async (tx) => {
    const [booked] = await tx
      .select({ id: walletMovements.id })
      .from(walletMovements)
      .where(and(eq(walletMovements.walletId, order.walletId), eq(walletMovements.providerTransactionId, refund.id)));
    if (booked) return false;
    await recordWalletMovement(tx, { walletId: order.walletId, kind: "order_refund", amountMinor: refund.amount.minor, orderId: order.id, providerTransactionId: refund.id, at, note: refund.remarks });
    await tx.insert(orderEvents).values({ orderId: order.id, at, source: "provider_poll", kind: "wallet_refunded", detail: { amountMinor: refund.amount.minor.toString(), providerTransactionId: refund.id, partial: true } });
    return true;
  });
}
