import { stream } from "../../kernel/random.js";

export interface BootstrapOptions {
  /** Resamples. @default 1000 */
  resamples?: number;
  /** Coverage of the percentile interval. @default 0.95 */
  confidence?: number;
  seed: number;
}

/**
 * Percentile bootstrap intervals (Efron & Tibshirani 1993) of several statistics of the same
 * n units at once: each resample draws n units with replacement (indices into the units) from
 * the stream (seed, "sensitivity", "bootstrap"), and `stat` gives every statistic of it. The
 * result holds, per statistic, the lower and upper percentile of the resampled values
 * (NaN resamples are dropped; none left: NaN).
 */
export function bootstrapIntervals(n: number, stat: (units: Int32Array) => number[], options: BootstrapOptions): { lo: number[]; hi: number[] } {
  const B = options.resamples ?? 1000;
  const level = options.confidence ?? 0.95;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`bootstrap: resamples ${B}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap: confidence ${level}`);
  const random = stream(options.seed, "sensitivity", "bootstrap");
  const units = new Int32Array(n);
  const draws: number[][] = [];
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < n; i++) units[i] = Math.floor(random() * n);
    stat(units).forEach((v, s) => (draws[s] ??= []).push(v));
  }
  const lo: number[] = [];
  const hi: number[] = [];
  for (const d of draws) {
    const v = d.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    lo.push(quantile(v, (1 - level) / 2));
    hi.push(quantile(v, 1 - (1 - level) / 2));
  }
  return { lo, hi };
}

/** Quantile of sorted values by linear interpolation (type 7, as R's default). */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i]! + (h - i) * (sorted[i + 1]! - sorted[i]!) : sorted[i]!;
}
