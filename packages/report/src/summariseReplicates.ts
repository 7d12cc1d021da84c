import type { TidyRow } from "./types.ts";
import { tQuantile975 } from "./studentT.ts";

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
  /** sample standard deviation (0 when n = 1) */
  sd: number;
  /** mean ∓ t(0.975, n−1)·sd/√n; equal to the mean when n = 1 */
  ci_low: number;
  ci_high: number;
}

/**
 * Collapses replicates into means with a 95% confidence interval of the mean, computed
 * here rather than by vega's `ci0/ci1` aggregates (which bootstrap) so that charts are
 * exact and testable. Student's t is used because replicate counts are often small.
 * Non-finite values are left out. Output follows the first appearance of each key.
 */
export function summariseReplicates(rows: readonly TidyRow[]): ReplicateSummary[] {
  const cells = new Map<string, { row: TidyRow; values: number[] }>();
  for (const row of rows) {
    const key = `${row.scenario}\u0000${row.group}\u0000${row.metric}\u0000${row.step}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { row, values: [] }));
    if (Number.isFinite(row.value)) cell.values.push(row.value);
  }
  const out: ReplicateSummary[] = [];
  for (const { row, values } of cells.values()) {
    const n = values.length;
    if (n === 0) continue;
    let sum = 0;
    for (const v of values) sum += v;
    const mean = sum / n;
    let ss = 0;
    for (const v of values) ss += (v - mean) ** 2;
    const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    const half = n > 1 ? tQuantile975(n - 1) * (sd / Math.sqrt(n)) : 0;
    out.push({
      scenario: row.scenario, group: row.group, metric: row.metric, step: row.step, date: row.date,
      n, mean, sd, ci_low: mean - half, ci_high: mean + half,
    });
  }
  return out;
}
