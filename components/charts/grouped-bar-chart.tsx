import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

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

const width = 960;
const height = 280;
const margin = { top: 16, right: 12, bottom: 36, left: 72 };

/**
 * Bars per point, one per series, drawn on the server as SVG (visx: scales and shapes only, so
 * no chart code reaches the browser). Screen readers get `summary` as the image's name and the
 * same figures as a table; the x labels thin out so they never overlap.
 */
export function GroupedBarChart({
  title,
  summary,
  series,
  points,
  formatTick,
  emptyMessage = "Nothing to show for these days.",
  testId,
}: {
  title: string;
  summary: string;
  series: ChartSeries[];
  points: ChartPoint[];
  formatTick: (value: number) => string;
  /** Said instead of drawing an empty chart, when every value is zero. */
  emptyMessage?: string;
  testId?: string;
}) {
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const x = scaleBand({ domain: points.map((p) => p.label), range: [0, innerWidth], padding: 0.2 });
  const inner = scaleBand({ domain: series.map((s) => s.key), range: [0, x.bandwidth()], padding: 0.1 });
  const max = Math.max(0, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0)));
  if (max === 0)
    return (
      <figure className="min-w-0" data-testid={testId}>
        <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{emptyMessage}</p>
      </figure>
    );
  const y = scaleLinear({ domain: [0, max], range: [innerHeight, 0], nice: 4 });
  const labelEvery = Math.ceil(points.length / 10);
  // Every n-th label from the last one back, so the newest day (today) is always named.
  const labelled = (index: number) => (points.length - 1 - index) % labelEvery === 0;

  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={summary}>
        <Group left={margin.left} top={margin.top}>
          {/* Values are whole minor units: a fractional tick would name an amount that cannot exist. */}
          {y
            .ticks(4)
            .filter(Number.isInteger)
            .map((tick) => (
              <g key={tick} transform={`translate(0, ${y(tick)})`}>
                <line x2={innerWidth} className="stroke-zinc-200 dark:stroke-zinc-800" />
                <text x={-8} dy="0.32em" textAnchor="end" className="fill-zinc-600 text-[13px] dark:fill-zinc-400">
                  {formatTick(tick)}
                </text>
              </g>
            ))}
          {points.map((point, index) => (
            <Group key={point.label} left={x(point.label) ?? 0}>
              {series.map((s) => {
                // A series may have no value at a point (a projection has no past): no bar, not a zero bar.
                const value = point.values[s.key];
                if (value === undefined) return null;
                const top = y(value);
                return (
                  <Bar
                    key={s.key}
                    x={inner(s.key) ?? 0}
                    y={top}
                    width={inner.bandwidth()}
                    height={innerHeight - top}
                    className={s.fillClass}
                  >
                    <title>{`${point.label}, ${s.label}: ${point.display[s.key] ?? ""}`}</title>
                  </Bar>
                );
              })}
              {labelled(index) ? (
                <text
                  x={x.bandwidth() / 2}
                  y={innerHeight + 18}
                  textAnchor="middle"
                  className="fill-zinc-600 text-[13px] dark:fill-zinc-400"
                >
                  {point.label}
                </text>
              ) : null}
            </Group>
          ))}
          <line y1={innerHeight} y2={innerHeight} x2={innerWidth} className="stroke-zinc-400 dark:stroke-zinc-600" />
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
