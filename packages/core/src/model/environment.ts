import series from "../../data/environment-series.json" with { type: "json" };

/**
 * Exogenous national series, read from packages/core/data/environment-series.json
 * (NBS Migrant Workers Monitoring Survey reports; see the file for sources).
 */
const migrantWage = series.migrant_worker_mean_monthly_income_yuan.values as Record<string, number>;
const years = Object.keys(migrantWage).map(Number).sort((a, b) => a - b);
const first = years[0]!;
const last = years[years.length - 1]!;

/**
 * Mean monthly income of rural migrant workers (yuan), linearly interpolated between annual
 * figures (each taken as the mid-year value) and extended beyond the last published year at
 * `growthAfter` a year. Before the first year it stays at the first year's value.
 */
export function nationalMigrantWage(year: number, month: number, growthAfter: number): number {
  const x = year + (month - 0.5) / 12 - 0.5;
  if (x <= first) return migrantWage[first]!;
  if (x >= last) return migrantWage[last]! * Math.pow(1 + growthAfter, x - last);
  const y0 = Math.floor(x);
  const w = x - y0;
  return migrantWage[y0]! * (1 - w) + migrantWage[y0 + 1]! * w;
}
