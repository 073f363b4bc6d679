import { GroupedBarChart, type ChartPoint, type ChartSeries } from "@/components/charts/grouped-bar-chart";
import { balanceChartDays, type WalletBalanceOutlook } from "@/lib/domain/overview/merchant-overview";
import { runwayWords } from "@/lib/domain/overview/wallet-runway";
import { formatMinor } from "@/lib/platform/money/convert";
import { shortDayLabel } from "@/lib/platform/time-zone/zone-days";

const series: ChartSeries[] = [
  {
    key: "balance",
    label: "Balance at the end of the day",
    fillClass: "fill-indigo-600 dark:fill-indigo-400",
    swatchClass: "bg-indigo-600 dark:bg-indigo-400",
  },
  {
    key: "projected",
    label: "Projected at the average daily spend",
    fillClass: "fill-zinc-400 dark:fill-zinc-500",
    swatchClass: "bg-zinc-400 dark:bg-zinc-500",
  },
];

/**
 * One wallet's balance at the end of each recent day (today: now), then where it is heading if it
 * keeps spending its 30-day average and nothing is added. A projected day has no balance figure
 * and a past day no projection: the table says so with a dash.
 */
export function WalletBalanceChart({ outlook }: { outlook: WalletBalanceOutlook }) {
  const { wallet, past, projected } = outlook;
  const { currency } = wallet;
  const point = (key: "balance" | "projected", date: string, balanceMinor: bigint): ChartPoint => {
    const other = key === "balance" ? "projected" : "balance";
    return {
      label: shortDayLabel(date),
      values: { [key]: Number(balanceMinor) },
      display: { [key]: formatMinor(balanceMinor, currency), [other]: "—" },
    };
  };
  const points = [
    ...past.map((day) => point("balance", day.date, day.balanceMinor)),
    ...projected.map((day) => point("projected", day.date, day.balanceMinor)),
  ];
  const runsOut = projected.find((day) => day.balanceMinor === 0n);
  const summary =
    `${currency} wallet balance at the end of each of the last ${balanceChartDays.past} days, ${formatMinor(wallet.balanceMinor, currency)} now; ` +
    (wallet.averageDailySpendMinor > 0n
      ? `at ${formatMinor(wallet.averageDailySpendMinor, currency)} a day it lasts ${runwayWords(wallet.runwayDays)}` +
        (runsOut
          ? `, running out by ${shortDayLabel(runsOut.date)}.`
          : `, beyond the ${balanceChartDays.ahead} days shown.`)
      : `nothing was spent in 30 days, so it stays as it is.`);
  return (
    <GroupedBarChart
      title={`${currency} wallet (#${wallet.walletId}): balance and the next ${balanceChartDays.ahead} days`}
      emptyMessage={`The ${currency} wallet has been empty for these ${balanceChartDays.past} days.`}
      summary={summary}
      series={series}
      points={points}
      formatTick={(value) => formatMinor(BigInt(Math.round(value)), currency)}
      testId={`wallet-balance-chart-${currency}`}
    />
  );
}
