import { and, eq, inArray } from "drizzle-orm";
import { orderEvents, orders, walletMovements, type orderEventSources } from "@/drizzle/schema/orders";
import type { Transaction } from "@/lib/platform/db/types";
import { recordWalletMovement } from "@/lib/domain/wallet/record-movement";
import { raiseOrderFailedNotFixable } from "@/lib/domain/alerts/rules/order-failed-not-fixable";
import { canTransitionOrder, type OrderStatus } from "./order-status";
import { orderReturnKinds, syncOrderRefundedMinor } from "./order-refunded";

export type OrderRow = typeof orders.$inferSelect;

export interface OrderFacts {
  providerOrderId?: number;
  providerStatus?: string;
  failureCode?: string | null;
  failureReason?: string | null;
  isUserFixable?: boolean | null;
  /** What the provider actually debited (wallet currency), when it says. */
  deductionMinor?: bigint | null;
  nextCheckAt?: Date | null;
}

export interface OrderOrigin {
  source: (typeof orderEventSources)[number];
  kind: string;
  at: Date;
  actorUserId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * The only way an order's status changes, with its wallet consequences in the same
 * transaction: a refused request releases our debit; a FAILED or CANCELLED order is refunded
 * (the provider refunds its wallet automatically) — each at most once per order, with
 * orders.refunded_minor following; a provider deduction different from our quote is booked as
 * an adjustment. A failure the user cannot fix raises its alert (outbox, same transaction).
 * Forbidden moves are ignored.
 */
export async function transitionOrder(
  tx: Transaction,
  orderId: string,
  to: OrderStatus,
  facts: OrderFacts,
  origin: OrderOrigin,
  options: { refused?: boolean } = {},
): Promise<"applied" | "same" | "ignored"> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  if (!order) throw new Error(`order ${orderId} vanished`);
  const fields = {
    ...(facts.providerOrderId !== undefined && { providerOrderId: facts.providerOrderId }),
    ...(facts.providerStatus !== undefined && { providerStatus: facts.providerStatus }),
    ...(facts.failureCode !== undefined && { failureCode: facts.failureCode }),
    ...(facts.failureReason !== undefined && { failureReason: facts.failureReason }),
    ...(facts.isUserFixable !== undefined && { isUserFixable: facts.isUserFixable }),
    ...(facts.nextCheckAt !== undefined && { nextCheckAt: facts.nextCheckAt }),
  };
  const event = {
    orderId,
    at: origin.at,
    source: origin.source,
    actorUserId: origin.actorUserId ?? null,
    detail: origin.detail ?? null,
  };
  if (order.status === to) {
    await tx
      .update(orders)
      .set({ ...fields, updatedAt: origin.at })
      .where(eq(orders.id, orderId));
    await tx.insert(orderEvents).values({ ...event, kind: `${origin.kind}_confirmed`, fromStatus: to, toStatus: to });
    return "same";
  }
  if (!canTransitionOrder(order.status, to)) {
    await tx
      .insert(orderEvents)
      .values({ ...event, kind: "ignored_transition", fromStatus: order.status, toStatus: to });
    return "ignored";
  }
  await tx
    .update(orders)
    .set({ ...fields, status: to, statusChangedAt: origin.at, updatedAt: origin.at })
    .where(eq(orders.id, orderId));
  await tx.insert(orderEvents).values({ ...event, kind: origin.kind, fromStatus: order.status, toStatus: to });
  if (to === "failed" && (facts.isUserFixable ?? order.isUserFixable) === false)
    await raiseOrderFailedNotFixable(tx, order);

  const deduction = facts.deductionMinor ?? null;
  if (deduction !== null && deduction !== order.chargeMinor && to !== "failed" && to !== "cancelled") {
    await recordWalletMovement(tx, {
      walletId: order.walletId,
      kind: "charge_adjustment",
      amountMinor: order.chargeMinor - deduction,
      orderId,
      at: origin.at,
      note: `the provider debited ${deduction}, the quote said ${order.chargeMinor}`,
    });
    await tx.update(orders).set({ chargeMinor: deduction }).where(eq(orders.id, orderId));
    await tx.insert(orderEvents).values({
      ...event,
      kind: "charge_adjusted",
      detail: { quotedMinor: order.chargeMinor.toString(), deductedMinor: deduction.toString() },
    });
  }
  if (to === "failed" || to === "cancelled") {
    const [returned] = await tx
      .select({ id: walletMovements.id })
      .from(walletMovements)
      .where(and(eq(walletMovements.orderId, orderId), inArray(walletMovements.kind, orderReturnKinds)))
      .limit(1);
    if (!returned) {
      const kind = options.refused ? "order_debit_released" : "order_refund";
      await recordWalletMovement(tx, {
        walletId: order.walletId,
        kind,
        amountMinor: deduction ?? order.chargeMinor,
        orderId,
        at: origin.at,
      });
      await tx.insert(orderEvents).values({
        ...event,
        kind: kind === "order_refund" ? "wallet_refunded" : "debit_released",
        detail: { amountMinor: (deduction ?? order.chargeMinor).toString() },
      });
      await syncOrderRefundedMinor(tx, orderId);
    }
  }
  return "applied";
}
