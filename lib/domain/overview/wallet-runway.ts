import { and, gte, inArray, lt, sql } from "drizzle-orm";
import { walletMovements } from "@/drizzle/schema/orders";
import { ledgerWallets, runwayOf, runwayWindowDays, spendKinds } from "@/lib/domain/wallet/wallet-ledger";
import type { DbOrTx } from "@/lib/platform/db/types";
import { zoneDayIndex } from "@/lib/platform/db/zone-day-index";
import type { ZoneDay } from "@/lib/platform/time-zone/zone-days";

/** One prepaid wallet of our ledger with its balance, its spend over the last 30 days and its runway. */
export interface WalletRunway {
  walletId: number;
  currency: string;
  balanceMinor: bigint;
  /** Net spend of the last 30 days (30 × 24 hours up to now), never below zero. */
  spendMinor: bigint;
  /** spendMinor ÷ 30, rounded down (integer division). */
  averageDailySpendMinor: bigint;
  /** Whole days: balance ÷ average daily spend, rounded down; null when nothing was spent in 30 days. */
  runwayDays: bigint | null;
}

/**
 * Every wallet in our ledger (only PREPAID wallets are ever opened in it) with its runway, read
 * from our own ledger only: no provider call. The same window and figures as the Wallet page, so
 * "about 12 days" here is the whole part of its "12.3 days".
 */
export async function walletRunways(db: DbOrTx, now: Date): Promise<WalletRunway[]> {
  const wallets = await ledgerWallets(db);
  return Promise.all(
    wallets.map(async (wallet) => {
      const { spendMinor, runwayTenthsOfDay } = await runwayOf(db, wallet.walletId, wallet.balanceMinor, now);
      return {
        walletId: wallet.walletId,
        currency: wallet.currency,
        balanceMinor: wallet.balanceMinor,
        spendMinor,
        averageDailySpendMinor: spendMinor / BigInt(runwayWindowDays),
        runwayDays: runwayTenthsOfDay === null ? null : runwayTenthsOfDay / 10n,
      };
    }),
  );
}

/** The runway in words: "about 12 days", "about 1 day", "less than a day", "no spend in 30 days". */
export function runwayWords(runwayDays: bigint | null): string {
  if (runwayDays === null) return `no spend in ${runwayWindowDays} days`;
  if (runwayDays === 0n) return "less than a day";
  return runwayDays === 1n ? "about 1 day" : `about ${runwayDays.toLocaleString("en-US")} days`;
}

/** One wallet currency's spend per zone day, oldest first, one entry per day asked for (zero when none). */
export interface DailySpend {
  currency: string;
  days: { date: string; spendMinor: bigint }[];
}

/**
 * Net spend (debits less what came back) per wallet currency and per zone day, for the days given
 * (from `lastZoneDays`): a movement counts on the day whose [start, end) holds its time. Every
 * currency of the ledger's wallets is listed, with zeros on days without spend.
 */
export async function dailySpendByCurrency(db: DbOrTx, days: readonly ZoneDay[]): Promise<DailySpend[]> {
  const first = days[0];
  const last = days[days.length - 1];
  const currencies = [...new Set((await ledgerWallets(db)).map((w) => w.currency))].sort();
  if (!first || !last) return currencies.map((currency) => ({ currency, days: [] }));
  const rows = await db
    .select({
      currency: walletMovements.currency,
      bucket: zoneDayIndex(walletMovements.at, days),
      net: sql<string>`sum(${walletMovements.amountMinor})::text`,
    })
    .from(walletMovements)
    .where(
      and(
        inArray(walletMovements.kind, [...spendKinds]),
        gte(walletMovements.at, first.start),
        lt(walletMovements.at, last.end),
      ),
    )
    .groupBy(sql`1`, sql`2`);
  const spend = new Map<string, bigint>();
  for (const row of rows) {
    spend.set(`${row.currency}|${row.bucket - 1}`, -BigInt(row.net));
    if (!currencies.includes(row.currency)) currencies.push(row.currency);
  }
  return currencies.map((currency) => ({
    currency,
    days: days.map((day, index) => ({ date: day.date, spendMinor: spend.get(`${currency}|${index}`) ?? 0n })),
  }));
}
