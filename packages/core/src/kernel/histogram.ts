/**
 * Histogram of per-capita income with integer person counts in log-spaced bins, so sums over
 * sites and threads are exact in any order: bin 0 holds incomes below LO (and losses).
 */
export const BINS = 480;
const LO = 200;
const HI = 500_000;
const LOG_LO = Math.log(LO);
const SCALE = (BINS - 1) / (Math.log(HI) - LOG_LO);

export function binOf(pc: number): number {
  if (pc < LO) return 0;
  const b = 1 + Math.floor((Math.log(pc) - LOG_LO) * SCALE);
  return b >= BINS ? BINS - 1 : b;
}

/** Representative (geometric mid) value of a bin. */
export function binValue(b: number): number {
  if (b === 0) return LO / 2;
  return Math.exp(LOG_LO + (b - 0.5) / SCALE);
}

/**
 * Quantiles at `targets` (ascending, in (0, 1)) written to out[0 …], and the Gini coefficient
 * returned; all NaN for an empty histogram.
 */
export function quantiles(hist: Float64Array, targets: readonly number[], out: Float64Array): number {
  out.fill(NaN);
  let n = 0;
  let total = 0;
  for (let b = 0; b < BINS; b++) { n += hist[b]!; total += hist[b]! * binValue(b); }
  if (n === 0) return NaN;
  let cum = 0;
  let t = 0;
  let lorenzPrev = 0;
  let gini = 1;
  for (let b = 0; b < BINS; b++) {
    const w = hist[b]!;
    if (w === 0) continue;
    while (t < targets.length && cum + w >= targets[t]! * n) {
      // Geometric interpolation inside the bin (linear from 0 in bin 0).
      const f = (targets[t]! * n - cum) / w;
      const lo = b === 0 ? 0 : binValue(b) / Math.exp(0.5 / SCALE);
      const hi = b === 0 ? LO : binValue(b) * Math.exp(0.5 / SCALE);
      out[t] = b === 0 ? lo + f * (hi - lo) : lo * Math.pow(hi / lo, f);
      t++;
    }
    cum += w;
    const lorenz = lorenzPrev + (w * binValue(b)) / total;
    gini -= (w / n) * (lorenzPrev + lorenz);
    lorenzPrev = lorenz;
  }
  return gini;
}
