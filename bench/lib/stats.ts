import { tQuantile } from "../../packages/core/src/engine.ts";

/** Small statistics for bench summaries. */

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : Number.NaN;
}

/** Sample standard deviation (n − 1). */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const a = [...xs].sort((x, y) => x - y);
  const k = a.length >> 1;
  return a.length % 2 ? a[k]! : (a[k - 1]! + a[k]!) / 2;
}

/** Least-squares slope of ys against 0, 1, 2, … */
export function slope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = mean(ys);
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) { sxy += (i - mx) * (ys[i]! - my); sxx += (i - mx) * (i - mx); }
  return sxy / sxx;
}

export interface Agreement {
  metric: string;
  seeds: number;
  engineMean: number;
  baselineMean: number;
  difference: number;
  /** Standard error of the difference of two independent means (replication noise). */
  pooledSE: number;
  /** Mean and standard error of the per-seed differences (both start from the same state). */
  pairedMeanDifference: number;
  pairedSE: number;
  /** Two-sided critical value of the paired t statistic (family-wise level over all comparisons). */
  pairedCritical: number;
  /** |Δ| < 3 pooled SE and |paired t| < pairedCritical. */
  agrees: boolean;
}

/**
 * Do engine and baseline agree on a metric within replication noise? Each seed gives one value
 * per implementation from the same initial state. Two criteria, both required:
 * - |difference of means| < 3 × pooled standard error (the replication noise of either);
 * - the paired t test on the per-seed differences does not reject equality at a family-wise
 *   level `alpha` over `comparisons` tests (Bonferroni). Pairing cancels the shared population,
 *   so this one has power: a 10% change in one hazard of a baseline fails it, while the pooled
 *   criterion alone would let it pass.
 */
export function agreement(metric: string, engine: readonly number[], baseline: readonly number[], comparisons = 1, alpha = 0.01): Agreement {
  const n = Math.min(engine.length, baseline.length);
  const e = engine.slice(0, n);
  const b = baseline.slice(0, n);
  const pooledSE = Math.sqrt((sd(e) ** 2 + sd(b) ** 2) / n);
  const d = e.map((x, i) => x - b[i]!);
  const difference = mean(e) - mean(b);
  const pairedMeanDifference = mean(d);
  const pairedSE = sd(d) / Math.sqrt(n);
  const pairedCritical = n > 1 ? tQuantile(1 - alpha / (2 * comparisons), n - 1) : Number.POSITIVE_INFINITY;
  const within = (x: number, se: number, k: number) => x === 0 || Math.abs(x) < k * se;
  return {
    metric,
    seeds: n,
    engineMean: mean(e),
    baselineMean: mean(b),
    difference,
    pooledSE,
    pairedMeanDifference,
    pairedSE,
    pairedCritical,
    agrees: within(difference, pooledSE, 3) && within(pairedMeanDifference, pairedSE, pairedCritical),
  };
}
