import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import type { ChartSeries } from "@/components/charts/chart-parts";
import type { RefundAgeingPoint } from "@/lib/domain/overview/refund-ageing";
import { refundAgeBuckets, refundAgeLabels, type RefundAgeBucket } from "@/lib/domain/refunds/monitor";
import { shortDayLabel } from "@/lib/platform/time-zone/zone-days";

/**
 * Young to old, lighter to darker on a light card and darker to lighter on a dark one: each at
 * least 3:1 against its card (white, zinc-900), stacked segments outlined in the card's colour.
 */
const colours: Record<RefundAgeBucket, { fill: string; swatch: string }> = {
  lt1h: { fill: "fill-amber-600 dark:fill-amber-700", swatch: "bg-amber-600 dark:bg-amber-700" },
  lt1d: { fill: "fill-orange-700 dark:fill-orange-600", swatch: "bg-orange-700 dark:bg-orange-600" },
  "1to3d": { fill: "fill-red-700 dark:fill-red-400", swatch: "bg-red-700 dark:bg-red-400" },
  "3to7d": { fill: "fill-red-900 dark:fill-red-300", swatch: "bg-red-900 dark:bg-red-300" },
  gt7d: { fill: "fill-red-950 dark:fill-red-100", swatch: "bg-red-950 dark:bg-red-100" },
};

const series: ChartSeries[] = refundAgeBuckets.map((bucket) => ({
  key: bucket,
  label: refundAgeLabels[bucket],
  fillClass: colours[bucket].fill,
  swatchClass: colours[bucket].swatch,
}));

const refundsWord = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "refund" : "refunds"}`;

export interface RefundAgeingChartProps {
  /** Oldest day first, today last (refundAgeingByDay). */
  points: RefundAgeingPoint[];
  timeZone: string;
}

/** How many refunds were in flight at the end of each recent day (today: now), stacked by how old they were then. */
export function RefundAgeingChart({ points, timeZone }: RefundAgeingChartProps) {
  const total = (ages: Record<RefundAgeBucket, number>) => refundAgeBuckets.reduce((sum, b) => sum + ages[b], 0);
  const today = points.at(-1);
  const inFlight = today ? total(today.ages) : 0;
  // Today's point is read now, not at the day's end.
  const summary =
    `Stacked bar chart of the last ${points.length} days in ${timeZone}, each day at its end and today now: ` +
    `${refundsWord(inFlight)} ${inFlight === 1 ? "is" : "are"} in flight now` +
    (inFlight > 0 ? `, ${(today?.ages.gt7d ?? 0).toLocaleString("en-US")} of them older than 7 days. ` : ". ") +
    "The table below lists each day.";
  return (
    <StackedBarChart
      title="Refunds in flight at the end of each day, by age"
      summary={summary}
      series={series}
      points={points.map(({ day, ages }) => ({
        label: shortDayLabel(day.date),
        values: ages,
        display: Object.fromEntries(refundAgeBuckets.map((b) => [b, ages[b].toLocaleString("en-US")])),
      }))}
      formatTick={(tick) => tick.toLocaleString("en-US")}
      emptyMessage="No refund was in flight at the end of any of these days."
      testId="refund-ageing-chart"
    />
  );
}
