import { BarChartFrame, SeriesBar, type BarChartProps } from "./chart-parts";

/**
 * One bar per point made of its series stacked bottom-up in the series' order, drawn on the server
 * as SVG in the frame every bar chart shares (chart-parts.tsx: summary, table, legend, thinned x
 * labels). Values must not be negative.
 */
export function StackedBarChart(props: BarChartProps) {
  const { series, points } = props;
  const totalOf = (values: Record<string, number>) => series.reduce((sum, s) => sum + (values[s.key] ?? 0), 0);
  const max = Math.max(0, ...points.map((p) => totalOf(p.values)));
  return (
    <BarChartFrame
      {...props}
      max={max}
      bars={(point, { bandwidth, y }) => {
        let below = 0;
        return (
          <>
            {series.map((s) => {
              const value = point.values[s.key] ?? 0;
              const bottom = below;
              below += value;
              if (value === 0) return null;
              return (
                <SeriesBar
                  key={s.key}
                  point={point}
                  series={s}
                  x={0}
                  top={y(bottom + value)}
                  bottom={y(bottom)}
                  width={bandwidth}
                  separated
                />
              );
            })}
          </>
        );
      }}
    />
  );
}
