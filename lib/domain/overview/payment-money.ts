import { and, gte, lt, sql } from "drizzle-orm";
import { paymentMoneyBuckets } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/platform/db/types";
import { zoneDayIndex } from "@/lib/platform/db/zone-day-index";
import type { ZoneDay } from "@/lib/platform/time-zone/zone-days";

/** The payments made in a period in one currency: how many were captured, captured, refunded and net. */
export interface CurrencyMoney {
  currency: string;
  capturedCount: number;
  capturedMinor: bigint;
  refundedMinor: bigint;
  /** Captured minus refunded. */
  netMinor: bigint;
}

/** The slots' figures added up (as text: sums of bigints leave JavaScript's safe range). */
const slotSums = {
  currency: paymentMoneyBuckets.currency,
  capturedCount: sql<string>`sum(${paymentMoneyBuckets.capturedCount})::text`,
  capturedMinor: sql<string>`sum(${paymentMoneyBuckets.capturedMinor})::text`,
  refundedMinor: sql<string>`sum(${paymentMoneyBuckets.refundedMinor})::text`,
};

type SlotSums = { currency: string; capturedCount: string; capturedMinor: string; refundedMinor: string };

function moneyOf(row: SlotSums): CurrencyMoney {
  const capturedMinor = BigInt(row.capturedMinor);
  const refundedMinor = BigInt(row.refundedMinor);
  return {
    currency: row.currency,
    capturedCount: Number(row.capturedCount),
    capturedMinor,
    refundedMinor,
    netMinor: capturedMinor - refundedMinor,
  };
}

const slotsBetween = (from: Date, before: Date) =>
  and(gte(paymentMoneyBuckets.bucketStart, from), lt(paymentMoneyBuckets.bucketStart, before));

/**
 * The money of the payments made in [from, before), per currency, from the 15-minute slots the
 * payments triggers keep (drizzle/schema/payments.ts): the same figures the payments list's totals
 * give for that range, read from a few thousand rows at any ledger size. `from` and `before` must
 * be slot boundaries, as every time zone's midnight is.
 */
export async function paymentMoneyBetween(db: DbOrTx, from: Date, before: Date): Promise<CurrencyMoney[]> {
  const rows = await db
    .select(slotSums)
    .from(paymentMoneyBuckets)
    .where(slotsBetween(from, before))
    .groupBy(paymentMoneyBuckets.currency)
    .orderBy(paymentMoneyBuckets.currency);
  return rows
    .map(moneyOf)
    .filter((money) => money.capturedCount !== 0 || money.capturedMinor !== 0n || money.refundedMinor !== 0n);
}

/**
 * Per day (oldest first) and currency: the money of the payments made that day in the zone the
 * days are in, added up per day in the database (at most days × currencies rows come back).
 */
export async function dailyPaymentMoney(
  db: DbOrTx,
  days: readonly ZoneDay[],
): Promise<{ day: ZoneDay; money: Map<string, CurrencyMoney> }[]> {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const rows = await db
    .select({ dayIndex: zoneDayIndex(paymentMoneyBuckets.bucketStart, days), ...slotSums })
    .from(paymentMoneyBuckets)
    .where(slotsBetween(first.start, last.end))
    .groupBy(sql`1`, paymentMoneyBuckets.currency);
  const result = days.map((day) => ({ day, money: new Map<string, CurrencyMoney>() }));
  for (const row of rows) result[row.dayIndex - 1]?.money.set(row.currency, moneyOf(row));
  return result;
}
