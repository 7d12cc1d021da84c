/** Summaries of weighted particles (weights need not sum to 1). */

/** Kish's effective sample size (Σw)² / Σw². */
export function effectiveSampleSize(weights: readonly number[]): number {
  let s = 0;
  let s2 = 0;
  for (const w of weights) {
    s += w;
    s2 += w * w;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

export function weightedMean(x: readonly number[], w: readonly number[]): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < x.length; i++) {
    s += w[i]! * x[i]!;
    sw += w[i]!;
  }
  return s / sw;
}

/** The weighted (population) variance Σ w (x − mean)² / Σ w. */
export function weightedVariance(x: readonly number[], w: readonly number[]): number {
  const m = weightedMean(x, w);
  let s = 0;
  let sw = 0;
  for (let i = 0; i < x.length; i++) {
    s += w[i]! * (x[i]! - m) ** 2;
    sw += w[i]!;
  }
  return s / sw;
}

/**
 * The weighted p-quantile: the smallest x whose cumulative weight (of the sorted values)
 * reaches p · Σw. NaN values are left out.
 */
export function weightedQuantile(x: readonly number[], w: readonly number[], p: number): number {
  const idx = x.map((_, i) => i).filter((i) => Number.isFinite(x[i]!) && w[i]! > 0).sort((a, b) => x[a]! - x[b]!);
  if (!idx.length) return NaN;
  const total = idx.reduce((s, i) => s + w[i]!, 0);
  let c = 0;
  for (const i of idx) {
    c += w[i]!;
    if (c >= p * total * (1 - 1e-12)) return x[i]!;
  }
  return x[idx[idx.length - 1]!]!;
}

/** The unweighted p-quantile by linear interpolation between order statistics (type 7). */
export function quantile(x: readonly number[], p: number): number {
  const s = x.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)]! - s[lo]!));
}
