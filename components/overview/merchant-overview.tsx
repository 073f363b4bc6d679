import Link from "next/link";
import { GroupedBarChart, type ChartPoint, type ChartSeries } from "@/components/charts/grouped-bar-chart";
import { Card, EmptyState } from "@/components/ui/card";
import { orderStatusLabels } from "@/lib/domain/orders/order-status";
import { loadMerchantOverview, spendChartDays } from "@/lib/domain/overview/merchant-overview";
import { runwayWords, type DailySpend } from "@/lib/domain/overview/wallet-runway";
import { getDb } from "@/lib/platform/db/client";
import { formatMinor } from "@/lib/platform/money/convert";
import { shortDayLabel } from "@/lib/platform/time-zone/zone-days";
import { withParams } from "@/lib/platform/url/search-params";
import { WalletBalanceChart } from "./wallet-balance-chart";

const linkClass = "text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100";

/** Bar colours per currency, for light and dark; currencies beyond the list take the last. */
const palette = [
  { fillClass: "fill-indigo-600 dark:fill-indigo-400", swatchClass: "bg-indigo-600 dark:bg-indigo-400" },
  { fillClass: "fill-emerald-600 dark:fill-emerald-400", swatchClass: "bg-emerald-600 dark:bg-emerald-400" },
  { fillClass: "fill-amber-600 dark:fill-amber-400", swatchClass: "bg-amber-600 dark:bg-amber-400" },
  { fillClass: "fill-sky-600 dark:fill-sky-400", swatchClass: "bg-sky-600 dark:bg-sky-400" },
] as const;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** One chart per wallet currency: amounts of different currencies never share an axis. */
function SpendChart({ spend, index }: { spend: DailySpend; index: number }) {
  const { currency } = spend;
  const colours = palette[Math.min(index, palette.length - 1)]!;
  const series: ChartSeries[] = [{ key: currency, label: `${currency} spent`, ...colours }];
  const points: ChartPoint[] = spend.days.map((day) => ({
    label: shortDayLabel(day.date),
    // Geometry only; a day with more money back than spent draws no bar and shows its negative figure.
    values: { [currency]: day.spendMinor > 0n ? Number(day.spendMinor) : 0 },
    display: { [currency]: formatMinor(day.spendMinor, currency) },
  }));
  const total = spend.days.reduce((sum, day) => sum + day.spendMinor, 0n);
  const highest = spend.days.reduce<(typeof spend.days)[number] | undefined>(
    (best, day) => (best === undefined || day.spendMinor > best.spendMinor ? day : best),
    undefined,
  );
  const first = spend.days[0];
  const last = spend.days[spend.days.length - 1];
  const summary =
    first && last
      ? `${currency} wallet spend per day from ${shortDayLabel(first.date)} to ${shortDayLabel(last.date)}: ${formatMinor(total, currency)} in total` +
        (highest && highest.spendMinor > 0n
          ? `, the most on ${shortDayLabel(highest.date)} (${formatMinor(highest.spendMinor, currency)}).`
          : ", nothing spent on any day.")
      : `No ${currency} spend to show.`;
  return (
    <GroupedBarChart
      title={`${currency} spent per day, last ${spendChartDays} days`}
      emptyMessage={`Nothing was spent from the ${currency} wallet in these ${spendChartDays} days.`}
      summary={summary}
      series={series}
      points={points}
      formatTick={(value) => formatMinor(BigInt(Math.round(value)), currency)}
      testId={`merchant-spend-chart-${currency}`}
    />
  );
}

/**
 * The merchant's part of the Overview: wallet balances with days of runway, daily spend, today's
 * orders by status and failed orders a person can fix. Reads our own ledger only (no provider call).
 */
export async function MerchantOverview({ timeZone, now }: { timeZone: string; now: Date }) {
  const data = await loadMerchantOverview(getDb(), { now, timeZone });
  const todayTotal = data.ordersToday.reduce((sum, row) => sum + row.count, 0);

  return (
    <div className="grid gap-4" data-testid="merchant-overview">
      <Card title="Wallets and runway">
        {data.wallets.length === 0 ? (
          <EmptyState title="No wallets in our ledger yet.">
            Open the{" "}
            <Link href="/wallet" className={linkClass}>
              Wallet page
            </Link>{" "}
            to bring them in.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm tabular-nums" data-testid="wallet-runway">
              <caption className="sr-only">
                Each prepaid wallet&apos;s balance, its average daily spend over the last 30 days and how long the
                balance lasts at that pace
              </caption>
              <thead>
                <tr className="text-zinc-600 dark:text-zinc-400">
                  <th scope="col" className="py-1 pr-4 font-medium">
                    Wallet
                  </th>
                  <th scope="col" className="py-1 pr-4 font-medium">
                    Balance
                  </th>
                  <th scope="col" className="py-1 pr-4 font-medium">
                    Average daily spend (30 days)
                  </th>
                  <th scope="col" className="py-1 pr-4 font-medium">
                    Lasts
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.wallets.map((wallet) => (
                  <tr
                    key={wallet.walletId}
                    className="border-t border-zinc-200 dark:border-zinc-800"
                    data-testid={`wallet-runway-${wallet.currency}`}
                  >
                    <th scope="row" className="py-1 pr-4 font-normal">
                      <Link href={`/wallet?wallet=${wallet.walletId}`} className={linkClass}>
                        {wallet.currency} wallet (#{wallet.walletId})
                      </Link>
                    </th>
                    <td className="py-1 pr-4">{formatMinor(wallet.balanceMinor, wallet.currency)}</td>
                    <td className="py-1 pr-4">{formatMinor(wallet.averageDailySpendMinor, wallet.currency)}</td>
                    <td className="py-1 pr-4" data-testid="runway-days">
                      {runwayWords(wallet.runwayDays)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
              From our wallet ledger: order charges less what came back to the wallet, over the last 30 days.
            </p>
          </div>
        )}
      </Card>

      {data.balances.length > 0 ? (
        <Card title="Wallet balance and where it is heading">
          <div className="grid gap-6 lg:grid-cols-2">
            {data.balances.map((outlook) => (
              <WalletBalanceChart key={outlook.wallet.walletId} outlook={outlook} />
            ))}
          </div>
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            Days in {data.timeZone}; the days ahead assume the last 30 days&apos; average spend and no top-up.
          </p>
        </Card>
      ) : null}

      {data.dailySpend.length > 0 ? (
        <Card title="Wallet spend per day">
          <div className="grid gap-6 lg:grid-cols-2">
            {data.dailySpend.map((spend, index) => (
              <SpendChart key={spend.currency} spend={spend} index={index} />
            ))}
          </div>
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Days in {data.timeZone}.</p>
        </Card>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Orders today">
          {todayTotal === 0 ? (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">No orders placed today yet.</p>
          ) : (
            <ul className="grid gap-1 text-sm" data-testid="orders-today">
              {data.ordersToday.map((row) => (
                <li key={row.status} className="flex justify-between gap-4">
                  <span>{orderStatusLabels[row.status]}</span>
                  <Link
                    href={withParams("/orders", row.listParams)}
                    className={`${linkClass} tabular-nums`}
                    data-testid={`orders-today-${row.status}`}
                  >
                    {plural(row.count, "order", "orders")}
                    <span className="sr-only"> {orderStatusLabels[row.status].toLowerCase()} today</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Today in {data.timeZone}.</p>
        </Card>

        <Card title="Failed orders to retry">
          <p className="text-sm" data-testid="fixable-failed">
            {data.retry.fixable === 0
              ? "No failed order is waiting for a fix."
              : `${plural(data.retry.fixable, "failed order can", "failed orders can")} be fixed and placed again with Edit and retry.`}
          </p>
          {data.retry.failed > 0 ? (
            <p className="mt-2 text-sm">
              <Link href={withParams("/orders", data.retry.listParams)} className={linkClass}>
                {data.retry.failed === 1
                  ? "See the failed order"
                  : `See all ${data.retry.failed.toLocaleString("en-US")} failed orders`}
              </Link>
            </p>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
