import { levelInterval } from "@relocsim/core/results";
import type { TidyRow } from "./types.ts";

/** Mean and 95% CI over replicates of one scenario × group × metric × step. */
export interface ReplicateSummary {
  scenario: string;
  group: string;
  metric: string;
  step: number;
  date: string;
  /** number of replicates with a finite value */
  n: number;
  mean: number;
  /** sample standard deviation (NaN when n = 1) */
  sd: number;
  /** mean ∓ t(0.975, n−1)·sd/√n; NaN when n = 1 (one replicate gives no interval, so no band is drawn) */
  ci_low: number;
  ci_high: number;
}

/**
 * Collapses replicates into means with a 95% confidence interval of the mean (core's
 * levelInterval, the one summary.json uses), computed here rather than by vega's `ci0/ci1`
 * aggregates (which bootstrap) so that charts are exact and testable. Non-finite values are
 * left out. Output follows the first appearance of each key.
 */
export function summariseReplicates(rows: readonly TidyRow[]): ReplicateSummary[] {
  const cells = new Map<string, { row: TidyRow; values: number[] }>();
  for (const row of rows) {
    const key = `${row.scenario}\u0000${row.group}\u0000${row.metric}\u0000${row.step}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { row, values: [] }));
    cell.values.push(row.value);
  }
  const out: ReplicateSummary[] = [];
  for (const { row, values } of cells.values()) {
    const level = levelInterval(values);
    if (level.n === 0) continue;
    out.push({ scenario: row.scenario, group: row.group, metric: row.metric, step: row.step, date: row.date, ...level });
  }
  return out;
}
