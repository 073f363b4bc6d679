import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import type { ReactNode } from "react";

export interface ChartSeries {
  key: string;
  label: string;
  /** Tailwind fill classes for both themes, e.g. "fill-emerald-600 dark:fill-emerald-400". */
  fillClass: string;
  /** The legend swatch's background classes, the same colours. */
  swatchClass: string;
}

export interface ChartPoint {
  /** The x label: a day, "6 Dec". */
  label: string;
  /** Heights, by series key. Geometry only: amounts are shown from `display`, never from these numbers. */
  values: Record<string, number>;
  /** What the table fallback shows, by series key: "HK$1,250.00". */
  display: Record<string, string>;
}

/** What every bar chart says besides its bars: its title, the figures for screen readers, and how to read the axis. */
export interface BarChartProps {
  title: string;
  summary: string;
  series: ChartSeries[];
  points: ChartPoint[];
  formatTick: (value: number) => string;
  /** Said instead of drawing an empty chart, when every value is zero. */
  emptyMessage?: string;
  testId?: string;
}

const width = 960;
const height = 280;
const margin = { top: 16, right: 12, bottom: 36, left: 72 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

/** Where a point's bars go: its band's width, and the y of a value (the plot's bottom is y(0)). */
export interface BarPlot {
  bandwidth: number;
  y: (value: number) => number;
}

/**
 * The frame every bar chart shares, drawn on the server as SVG: the title, then either the empty
 * message or the plot (fixed viewBox; `summary` is the image's name for screen readers) with its
 * y grid, x labels that thin out so they never overlap, a legend and the same figures as a table.
 * `bars` draws each point's bars inside its band, from x = 0 to `bandwidth`; `max` is the tallest
 * bar's value (0: every value is zero, and `emptyMessage` is said instead).
 */
export function BarChartFrame({
  title,
  summary,
  series,
  points,
  formatTick,
  emptyMessage = "Nothing to show for these days.",
  testId,
  max,
  bars,
}: BarChartProps & { max: number; bars: (point: ChartPoint, plot: BarPlot) => ReactNode }) {
  if (max === 0)
    return (
      <figure className="min-w-0" data-testid={testId}>
        <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{emptyMessage}</p>
      </figure>
    );
  const x = scaleBand({ domain: points.map((p) => p.label), range: [0, plotWidth], padding: 0.2 });
  const y = scaleLinear({ domain: [0, max], range: [plotHeight, 0], nice: 4 });
  const plot: BarPlot = { bandwidth: x.bandwidth(), y };
  const labelEvery = Math.ceil(points.length / 10);
  // Every n-th label from the last one back, so the newest day (today) is always named.
  const labelled = (index: number) => (points.length - 1 - index) % labelEvery === 0;
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={summary}>
        <Group left={margin.left} top={margin.top}>
          {/* Values are whole units: a fractional tick would name an amount that cannot exist. */}
          {y
            .ticks(4)
            .filter(Number.isInteger)
            .map((tick) => (
              <g key={tick} transform={`translate(0, ${y(tick)})`}>
                <line x2={plotWidth} className="stroke-zinc-200 dark:stroke-zinc-800" />
                <text x={-8} dy="0.32em" textAnchor="end" className="fill-zinc-600 text-[13px] dark:fill-zinc-400">
                  {formatTick(tick)}
                </text>
              </g>
            ))}
          {points.map((point, index) => (
            <Group key={point.label} left={x(point.label) ?? 0}>
              {bars(point, plot)}
              {labelled(index) ? (
                <text
                  x={plot.bandwidth / 2}
                  y={plotHeight + 18}
                  textAnchor="middle"
                  className="fill-zinc-600 text-[13px] dark:fill-zinc-400"
                >
                  {point.label}
                </text>
              ) : null}
            </Group>
          ))}
          <line y1={plotHeight} y2={plotHeight} x2={plotWidth} className="stroke-zinc-400 dark:stroke-zinc-600" />
        </Group>
      </svg>
      <ul className="mt-1 flex flex-wrap gap-4 text-xs text-zinc-700 dark:text-zinc-300" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className={`inline-block h-2.5 w-2.5 rounded-sm ${s.swatchClass}`} />
            {s.label}
          </li>
        ))}
      </ul>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">Show the figures as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Day
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="py-1 pr-3 font-medium">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.label} className="border-t border-zinc-200 dark:border-zinc-800">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {point.label}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="py-1 pr-3">
                      {point.display[s.key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/**
 * One series' bar at one point, named with its figure for a pointer's tooltip. `separated`: outlined
 * in the card's background colour, so stacked neighbours of close colours stay apart.
 */
export function SeriesBar({
  point,
  series,
  x,
  top,
  bottom,
  width,
  separated = false,
}: {
  point: ChartPoint;
  series: ChartSeries;
  x: number;
  top: number;
  bottom: number;
  width: number;
  separated?: boolean;
}) {
  return (
    <Bar
      x={x}
      y={top}
      width={width}
      height={bottom - top}
      className={separated ? `${series.fillClass} stroke-white dark:stroke-zinc-900` : series.fillClass}
      strokeWidth={separated ? 1 : undefined}
    >
      <title>{`${point.label}, ${series.label}: ${point.display[series.key] ?? ""}`}</title>
    </Bar>
  );
}
