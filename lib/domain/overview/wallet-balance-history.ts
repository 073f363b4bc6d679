import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { walletMovements } from "@/drizzle/schema/orders";
import type { DbOrTx } from "@/lib/platform/db/types";
import { zoneDayIndex } from "@/lib/platform/db/zone-day-index";
import type { ZoneDay } from "@/lib/platform/time-zone/zone-days";

/** A wallet's balance at the end of one zone day (today: now). */
export interface DayBalance {
  date: string;
  balanceMinor: bigint;
}

/**
 * One wallet's balance at the end of each of `days` (consecutive zone days, oldest first), from
 * the ledger's balance-after column: the last movement of each day, a day without movements
 * keeping the day before's, and the first day starting from the last movement before it. Two
 * index reads on (wallet_id, at), whatever the wallet's history.
 */
export async function walletBalanceByDay(
  db: DbOrTx,
  walletId: number,
  days: readonly ZoneDay[],
): Promise<DayBalance[]> {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const dayIndex = zoneDayIndex(walletMovements.at, days);
  const [opening, dayEnds] = await Promise.all([
    db
      .select({ balanceMinor: walletMovements.balanceAfterMinor })
      .from(walletMovements)
      .where(and(eq(walletMovements.walletId, walletId), lt(walletMovements.at, first.start)))
      .orderBy(desc(walletMovements.at), desc(walletMovements.id))
      .limit(1),
    db
      // By position: each use of the expression would carry its own parameters, which Postgres sees as different.
      .selectDistinctOn([sql`1`], { dayIndex, balanceMinor: walletMovements.balanceAfterMinor })
      .from(walletMovements)
      .where(
        and(
          eq(walletMovements.walletId, walletId),
          gte(walletMovements.at, first.start),
          lt(walletMovements.at, last.end),
        ),
      )
      .orderBy(sql`1`, desc(walletMovements.at), desc(walletMovements.id)),
  ]);
  const closing = new Map(dayEnds.map((row) => [row.dayIndex, row.balanceMinor]));
  let balanceMinor = opening[0]?.balanceMinor ?? 0n;
  return days.map((day, index) => {
    balanceMinor = closing.get(index + 1) ?? balanceMinor;
    return { date: day.date, balanceMinor };
  });
}

/**
 * The balance at the end of each of the next `count` days if the wallet keeps spending its
 * average daily spend and nothing is added: never below zero, and flat when nothing is spent.
 */
export function projectedBalances(balanceMinor: bigint, averageDailySpendMinor: bigint, count: number): bigint[] {
  return Array.from({ length: count }, (_, index) => {
    const left = balanceMinor - averageDailySpendMinor * BigInt(index + 1);
    return left > 0n ? left : 0n;
  });
}
