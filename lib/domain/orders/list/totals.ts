import { desc, sql } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { OrderListFilters } from "./params";
import { orderListCondition } from "./query";

/** The control totals of the orders charged in one wallet currency, in its minor units. */
export interface OrderCurrencyTotal {
  currency: string;
  orderCount: number;
  chargedMinor: bigint;
  /** Given back to the wallet: refunds and released debits (orders.refunded_minor). */
  refundedMinor: bigint;
  /** Charged minus refunded. */
  netMinor: bigint;
}

/** Counting stops here on the page: past it the page says "more than 1,000" and shows no totals. */
export const ordersTotalsCap = 1000;

export type OrderListTotals =
  /** Every matching order was counted: the count is exact and the totals cover them all. */
  | { exact: true; count: number; totals: OrderCurrencyTotal[] }
  /** More than the cap match: neither a count nor totals (totals of a part would mislead). */
  | { exact: false; moreThan: number };

/** Adds one order (charge and refunded, in its charge currency) to the per-currency totals. */
export function addOrderTo(
  totals: Map<string, OrderCurrencyTotal>,
  order: { chargeCurrency: string; chargeMinor: bigint; refundedMinor: bigint },
): void {
  const total = totals.get(order.chargeCurrency) ?? {
    currency: order.chargeCurrency,
    orderCount: 0,
    chargedMinor: 0n,
    refundedMinor: 0n,
    netMinor: 0n,
  };
  total.orderCount += 1;
  total.chargedMinor += order.chargeMinor;
  total.refundedMinor += order.refundedMinor;
  total.netMinor = total.chargedMinor - total.refundedMinor;
  totals.set(order.chargeCurrency, total);
}

/** The matching orders (no keyset position), newest first, optionally at most `limit`: what the totals add up. */
function matchingOrders(db: DbOrTx, filters: OrderListFilters, limit?: number) {
  const query = db
    .select({ currency: orders.chargeCurrency, chargeMinor: orders.chargeMinor, refundedMinor: orders.refundedMinor })
    .from(orders)
    .where(orderListCondition({ ...filters, cursor: undefined }))
    .orderBy(desc(orders.createdAt), desc(orders.id));
  return (limit === undefined ? query : query.limit(limit)).as("matched");
}

async function totalsPerCurrency(
  db: DbOrTx,
  matched: ReturnType<typeof matchingOrders>,
): Promise<OrderCurrencyTotal[]> {
  const groups = await db
    .select({
      currency: matched.currency,
      orderCount: sql<number>`count(*)::int`,
      chargedMinor: sql<string>`sum(${matched.chargeMinor})::text`,
      refundedMinor: sql<string>`sum(${matched.refundedMinor})::text`,
    })
    .from(matched)
    .groupBy(matched.currency)
    .orderBy(matched.currency);
  return groups.map((group) => {
    const chargedMinor = BigInt(group.chargedMinor);
    const refundedMinor = BigInt(group.refundedMinor);
    return {
      currency: group.currency,
      orderCount: group.orderCount,
      chargedMinor,
      refundedMinor,
      netMinor: chargedMinor - refundedMinor,
    };
  });
}

/**
 * The page's control totals of the filtered orders (all pages, not just this one), bounded so a
 * page render costs the same at any size: it aggregates at most cap + 1 matching orders read in
 * the list's index order, and past the cap gives no totals.
 */
export async function summarizeOrders(
  db: DbOrTx,
  filters: OrderListFilters,
  cap = ordersTotalsCap,
): Promise<OrderListTotals> {
  const totals = await totalsPerCurrency(db, matchingOrders(db, filters, cap + 1));
  const count = totals.reduce((sum, total) => sum + total.orderCount, 0);
  return count > cap ? { exact: false, moreThan: cap } : { exact: true, count, totals };
}

/** The export's control totals: every matching order, per charge (wallet) currency, alphabetically. */
export function orderControlTotals(db: DbOrTx, filters: OrderListFilters): Promise<OrderCurrencyTotal[]> {
  return totalsPerCurrency(db, matchingOrders(db, filters));
}
