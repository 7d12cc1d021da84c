import { METRIC_TABLE, describeMetric, type MetricInfo } from "@relocsim/core/metrics";

export type { MetricInfo, MetricKind } from "@relocsim/core/metrics";

/**
 * Label, unit, format and kind of every metric the simulation reports, from core's metric
 * table (one declaration per metric). Units name the denominators core uses: residence shares
 * are of households that signed up to move.
 */
export const metricInfo: Readonly<Record<string, MetricInfo>> = Object.fromEntries(
  METRIC_TABLE.map((m) => [m.name, describeMetric(m.name)]),
);

/** The entry for a metric; an unknown metric gets a readable fallback instead of an error. */
export const infoFor: (metric: string) => MetricInfo = describeMetric;

/** "Employment rate (share of labour force)": the axis title of a metric. */
export function axisTitle(metric: string): string {
  const { label, unit } = infoFor(metric);
  return unit ? `${label} (${unit})` : label;
}
