import { and, eq, inArray, sql } from "drizzle-orm";
import { orders, walletMovements } from "@/drizzle/schema/orders";
import type { Transaction } from "@/lib/platform/db/types";

/** Wallet movement kinds that give (part of) an order's debit back. */
export const orderReturnKinds: Array<"order_debit_released" | "order_refund"> = [
  "order_debit_released",
  "order_refund",
];

/**
 * orders.refunded_minor is the sum of the order's refund and debit-release movements: rewritten
 * from the ledger, in the same transaction, after each one is written.
 */
export async function syncOrderRefundedMinor(tx: Transaction, orderId: string): Promise<bigint> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${walletMovements.amountMinor}), 0)::text` })
    .from(walletMovements)
    .where(and(eq(walletMovements.orderId, orderId), inArray(walletMovements.kind, orderReturnKinds)));
  const refundedMinor = BigInt(row?.total ?? "0");
  await tx.update(orders).set({ refundedMinor }).where(eq(orders.id, orderId));
  return refundedMinor;
}
