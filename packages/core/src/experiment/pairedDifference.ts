import { mean, sampleVariance } from "simple-statistics";
import { tQuantile } from "./studentT.js";

/** Scenario against baseline over paired replicates, with paired and unpaired 95% intervals. */
export interface PairedDifference {
  /** Replicates where both values are defined (pairs). */
  n: number;
  baseline_mean: number;
  scenario_mean: number;
  /** Mean of the paired differences, scenario − baseline. */
  effect: number;
  /** 95% CI of the mean paired difference (Student t, n − 1 degrees of freedom). */
  ci_low: number;
  ci_high: number;
  /** 95% CI for the same values treated as two independent samples (Welch): what pairing saves. */
  unpaired_ci_low: number;
  unpaired_ci_high: number;
}

/**
 * The paired comparison of one outcome: replicate r of the scenario and of the baseline share
 * their seed (common random numbers), so the difference within a pair has most of the
 * run-to-run noise removed. Pairs with an undefined value on either side (NaN, e.g. no
 * residents yet) are left out. Swapping the two arguments flips every sign exactly.
 */
export function pairedDifference(baseline: ArrayLike<number>, scenario: ArrayLike<number>, level = 0.95): PairedDifference {
  if (baseline.length !== scenario.length) throw new RangeError(`paired samples of different lengths (${baseline.length} and ${scenario.length})`);
  const b: number[] = [];
  const s: number[] = [];
  const d: number[] = [];
  for (let r = 0; r < baseline.length; r++) {
    const x = baseline[r]!;
    const y = scenario[r]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    b.push(x);
    s.push(y);
    d.push(y - x);
  }
  const n = d.length;
  if (n === 0) return { n, baseline_mean: NaN, scenario_mean: NaN, effect: NaN, ci_low: NaN, ci_high: NaN, unpaired_ci_low: NaN, unpaired_ci_high: NaN };
  const effect = mean(d);
  const out: PairedDifference = {
    n, baseline_mean: mean(b), scenario_mean: mean(s), effect,
    ci_low: NaN, ci_high: NaN, unpaired_ci_low: NaN, unpaired_ci_high: NaN,
  };
  if (n < 2) return out;
  const p = 1 - (1 - level) / 2;
  // Paired: the differences are one sample.
  const vd = sampleVariance(d);
  const half = vd > 0 ? tQuantile(p, n - 1) * Math.sqrt(vd / n) : 0;
  out.ci_low = effect - half;
  out.ci_high = effect + half;
  // Unpaired (Welch): as if the two sets of runs had independent seeds.
  const qb = sampleVariance(b) / n;
  const qs = sampleVariance(s) / n;
  const se2 = qb + qs;
  // Welch-Satterthwaite, written scale-free so tiny variances do not underflow.
  const m = Math.max(qb, qs);
  const rb = qb / m;
  const rs = qs / m;
  const df = ((n - 1) * (rb + rs) * (rb + rs)) / (rb * rb + rs * rs);
  const uhalf = se2 > 0 ? tQuantile(p, df) * Math.sqrt(se2) : 0;
  out.unpaired_ci_low = effect - uhalf;
  out.unpaired_ci_high = effect + uhalf;
  return out;
}
