import { GroupedBarChart, type ChartSeries } from "@/components/charts/grouped-bar-chart";
import type { CurrencyMoney } from "@/lib/domain/overview/payment-money";
import { formatMinor } from "@/lib/platform/money/convert";
import { currencyExponent, isKnownCurrency } from "@/lib/platform/money/currency";
import { shortDayLabel, type ZoneDay } from "@/lib/platform/time-zone/zone-days";

const series: ChartSeries[] = [
  {
    key: "captured",
    label: "Captured",
    fillClass: "fill-emerald-600 dark:fill-emerald-400",
    swatchClass: "bg-emerald-600 dark:bg-emerald-400",
  },
  {
    key: "refunded",
    label: "Refunded",
    fillClass: "fill-amber-600 dark:fill-amber-300",
    swatchClass: "bg-amber-600 dark:bg-amber-300",
  },
];

/**
 * Whole major units for an axis tick: "1,000" (an axis needs no cents). A currency we do not know
 * has no exponent to divide by: its axis stays in the provider's minor units, as its amounts do.
 */
function tickLabel(tickMinor: number, currency: string): string {
  const exponent = isKnownCurrency(currency) ? currencyExponent(currency) : 0;
  const major = BigInt(Math.round(tickMinor)) / 10n ** BigInt(exponent);
  return major.toLocaleString("en-US");
}

/** Daily captured and refunded money of one currency's payments, by the day each payment was made. */
export function DailyMoneyChart({
  currency,
  days,
  timeZone,
}: {
  currency: string;
  days: { day: ZoneDay; money: Map<string, CurrencyMoney> }[];
  timeZone: string;
}) {
  const points = days.map(({ day, money }) => {
    const m = money.get(currency);
    const captured = m?.capturedMinor ?? 0n;
    const refunded = m?.refundedMinor ?? 0n;
    return {
      label: shortDayLabel(day.date),
      // Bar heights only; every amount shown is formatted from the bigint.
      values: { captured: Number(captured), refunded: Number(refunded) },
      display: { captured: formatMinor(captured, currency), refunded: formatMinor(refunded, currency) },
    };
  });
  const total = (key: "capturedMinor" | "refundedMinor") =>
    days.reduce((sum, { money }) => sum + (money.get(currency)?.[key] ?? 0n), 0n);
  const summary = `Bar chart of the last ${days.length} days in ${timeZone}: ${formatMinor(total("capturedMinor"), currency)} captured and ${formatMinor(total("refundedMinor"), currency)} refunded in ${currency}. The table below lists each day.`;
  return (
    <GroupedBarChart
      title={`${currency}: captured and refunded per day (${isKnownCurrency(currency) ? currency : `${currency} minor units`} on the axis)`}
      summary={summary}
      series={series}
      points={points}
      formatTick={(tick) => tickLabel(tick, currency)}
      emptyMessage={`No ${currency} payment made in these days was captured.`}
      testId={`daily-money-${currency}`}
    />
  );
}
