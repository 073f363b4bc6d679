import { scaleBand } from "@visx/scale";
import { BarChartFrame, SeriesBar, type BarChartProps } from "./chart-parts";

export type { ChartPoint, ChartSeries } from "./chart-parts";

/**
 * Bars per point, one per series side by side, drawn on the server as SVG (visx: scales and
 * shapes only, so no chart code reaches the browser), in the frame every bar chart shares
 * (chart-parts.tsx: summary, table, legend, thinned x labels).
 */
export function GroupedBarChart(props: BarChartProps) {
  const { series, points } = props;
  const max = Math.max(0, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0)));
  return (
    <BarChartFrame
      {...props}
      max={max}
      bars={(point, { bandwidth, y }) => {
        const inner = scaleBand({ domain: series.map((s) => s.key), range: [0, bandwidth], padding: 0.1 });
        return (
          <>
            {series.map((s) => {
              // A series may have no value at a point (a projection has no past): no bar, not a zero bar.
              const value = point.values[s.key];
              if (value === undefined) return null;
              return (
                <SeriesBar
                  key={s.key}
                  point={point}
                  series={s}
                  x={inner(s.key) ?? 0}
                  top={y(value)}
                  bottom={y(0)}
                  width={inner.bandwidth()}
                />
              );
            })}
          </>
        );
      }}
    />
  );
}
