import type { orders } from "@/drizzle/schema/orders";
import type { Transaction } from "@/lib/platform/db/types";
import { formatMinor } from "@/lib/platform/money/convert";
import { raiseAlert, type OutboxAlert } from "./outbox-alert";

type FailedOrder = Pick<typeof orders.$inferSelect, "id" | "productName" | "chargeMinor" | "chargeCurrency">;

export function orderFailedNotFixableAlert(order: FailedOrder): OutboxAlert {
  return {
    rule: "order_failed_not_fixable",
    dedupeKey: `order_failed_not_fixable:${order.id}`,
    subjectType: "order",
    subjectId: order.id,
    title: `An order for ${order.productName} (${formatMinor(order.chargeMinor, order.chargeCurrency)}) failed, and editing it cannot fix it.`,
    body: "The order's page says why it failed and shows its charge going back to the wallet.",
    href: `/orders/${order.id}`,
  };
}

/**
 * Raised by transitionOrder inside the transaction that moves the order to failed, when the
 * provider says the user cannot fix it: a rolled back move raises nothing, a repeated one once.
 */
export function raiseOrderFailedNotFixable(tx: Transaction, order: FailedOrder): Promise<void> {
  return raiseAlert(tx, orderFailedNotFixableAlert(order));
}
