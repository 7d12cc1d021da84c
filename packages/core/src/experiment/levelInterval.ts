import { tQuantile } from "./studentT.js";

/** The mean of one outcome over replicates with its confidence interval. */
export interface LevelInterval {
  /** Replicates with a finite value. */
  n: number;
  mean: number;
  /** Sample standard deviation (NaN when n < 2). */
  sd: number;
  /** mean ∓ t(p, n − 1)·sd/√n; NaN when n < 2, for one value gives no interval. */
  ci_low: number;
  ci_high: number;
}

/**
 * The level of an outcome over replicates: every level interval relocsim writes or draws
 * (summary.json, the report's bands and tables) comes from here. Student's t, because
 * replication counts are small. Non-finite values (outcomes undefined in a run) are left out.
 */
export function levelInterval(values: Iterable<number>, level = 0.95): LevelInterval {
  const xs: number[] = [];
  for (const v of values) if (Number.isFinite(v)) xs.push(v);
  const n = xs.length;
  let sum = 0;
  for (const v of xs) sum += v;
  const mean = n ? sum / n : NaN;
  if (n < 2) return { n, mean, sd: NaN, ci_low: NaN, ci_high: NaN };
  let ss = 0;
  for (const v of xs) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, ci_low: mean - half, ci_high: mean + half };
}

/** Why an interval over `n` replicates is missing, for tables and summary.json. */
export function noIntervalReason(n: number): string {
  return n === 1 ? "one replication gives no interval" : "no replication has a value";
}
