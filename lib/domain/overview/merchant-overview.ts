import { and, count, eq, sql } from "drizzle-orm";
import { orders, orderStatuses } from "@/drizzle/schema/orders";
import { parseOrderListParams } from "@/lib/domain/orders/list/params";
import { orderListCondition } from "@/lib/domain/orders/list/query";
import type { OrderStatus } from "@/lib/domain/orders/order-status";
import type { DbOrTx } from "@/lib/platform/db/types";
import { followingDates, lastZoneDays, type ZoneDay } from "@/lib/platform/time-zone/zone-days";
import { projectedBalances, walletBalanceByDay, type DayBalance } from "./wallet-balance-history";
import { dailySpendByCurrency, walletRunways, type DailySpend, type WalletRunway } from "./wallet-runway";

/** The days of the spend chart. */
export const spendChartDays = 30;
/** The balance chart: this many days back (today included) and this many ahead. */
export const balanceChartDays = { past: 14, ahead: 14 } as const;

/** One wallet's balance at the end of each recent day, then projected at its average daily spend. */
export interface WalletBalanceOutlook {
  wallet: WalletRunway;
  past: DayBalance[];
  projected: DayBalance[];
}

async function balanceOutlook(
  db: DbOrTx,
  wallet: WalletRunway,
  days: readonly ZoneDay[],
): Promise<WalletBalanceOutlook> {
  const past = await walletBalanceByDay(db, wallet.walletId, days.slice(-balanceChartDays.past));
  const today = days.at(-1)!;
  const ahead = projectedBalances(wallet.balanceMinor, wallet.averageDailySpendMinor, balanceChartDays.ahead);
  const projected = followingDates(today.date, balanceChartDays.ahead).map((date, index) => ({
    date,
    balanceMinor: ahead[index]!,
  }));
  return { wallet, past, projected };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** An instant as the orders list's UTC date filter text: "2026-12-06T16:00" (seconds only when it has some). */
function utcFilterText(instant: Date): string {
  const text = `${pad(instant.getUTCFullYear(), 4)}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}T${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}`;
  return instant.getUTCSeconds() ? `${text}:${pad(instant.getUTCSeconds())}` : text;
}

/**
 * The orders list's own URL params for one zone day: its filters read dates in UTC and `to` is
 * inclusive at the precision typed, so the day [start, end) becomes from = start and to = the
 * last minute (or second) before end, both in UTC; `tz` makes the list show times in the zone.
 */
export function orderListParamsForDay(day: ZoneDay, timeZone: string): Record<string, string> {
  const minuteAligned = day.start.getUTCSeconds() === 0 && day.end.getUTCSeconds() === 0;
  const lastUnit = new Date(day.end.getTime() - (minuteAligned ? 60_000 : 1_000));
  return { from: utcFilterText(day.start), to: utcFilterText(lastUnit), tz: timeZone };
}

/** The orders created in one zone day with one status, and the orders list params showing exactly them. */
export interface StatusCount {
  status: OrderStatus;
  count: number;
  /** /orders URL params: status, from, to (UTC, as the list reads them) and tz. */
  listParams: Record<string, string>;
}

/**
 * Orders created in the zone day `day`, counted per status (statuses without orders left out, in
 * the lifecycle order). The counts are taken with the orders list's own condition, built from the
 * very params each count links to, so a count is what that list shows.
 */
export async function ordersOfDayByStatus(db: DbOrTx, day: ZoneDay, timeZone: string): Promise<StatusCount[]> {
  const dayParams = orderListParamsForDay(day, timeZone);
  const { filters } = parseOrderListParams(dayParams);
  const rows = await db
    .select({ status: orders.status, count: count() })
    .from(orders)
    .where(orderListCondition(filters))
    .groupBy(orders.status);
  const byStatus = new Map(rows.map((row) => [row.status, Number(row.count)]));
  return orderStatuses.flatMap((status) => {
    const n = byStatus.get(status) ?? 0;
    return n > 0 ? [{ status, count: n, listParams: { status, ...dayParams } }] : [];
  });
}

/** Failed orders a person can fix and place again, next to every failed order (the list the link opens). */
export interface RetryableFailures {
  /** Failed, `is_user_fixable`, and not yet retried (no order has it as `retry_of`). */
  fixable: number;
  /** Every failed order: what the orders list filtered by status "failed" shows. */
  failed: number;
  /** /orders URL params of that list. */
  listParams: Record<string, string>;
}

/**
 * Failed orders needing a retry, of any age. The orders list cannot filter by "fixable" (no index
 * answers it yet), so the link opens every failed order and the figure says how many that is.
 */
export async function retryableFailures(db: DbOrTx): Promise<RetryableFailures> {
  const listParams = { status: "failed" };
  const { filters } = parseOrderListParams(listParams);
  const [row] = await db
    .select({
      failed: count(),
      fixable: sql<number>`(count(*) filter (where ${orders.isUserFixable} and not exists (select 1 from ${orders} as retry where retry.retry_of = orders.id)))::int`,
    })
    .from(orders)
    .where(and(orderListCondition(filters), eq(orders.status, "failed")));
  return { fixable: Number(row?.fixable ?? 0), failed: Number(row?.failed ?? 0), listParams };
}

export interface MerchantOverviewData {
  timeZone: string;
  /** The zone's today, the last of the chart's days. */
  today: ZoneDay;
  wallets: WalletRunway[];
  dailySpend: DailySpend[];
  balances: WalletBalanceOutlook[];
  ordersToday: StatusCount[];
  retry: RetryableFailures;
}

/** Everything the merchant's part of the Overview shows, from our own ledger (no provider call). */
export async function loadMerchantOverview(
  db: DbOrTx,
  { now, timeZone }: { now: Date; timeZone: string },
): Promise<MerchantOverviewData> {
  const days = lastZoneDays(now, timeZone, spendChartDays);
  const today = days[days.length - 1]!;
  const [wallets, dailySpend, ordersToday, retry] = await Promise.all([
    walletRunways(db, now),
    dailySpendByCurrency(db, days),
    ordersOfDayByStatus(db, today, timeZone),
    retryableFailures(db),
  ]);
  const balances = await Promise.all(wallets.map((wallet) => balanceOutlook(db, wallet, days)));
  return { timeZone, today, wallets, dailySpend, balances, ordersToday, retry };
}
