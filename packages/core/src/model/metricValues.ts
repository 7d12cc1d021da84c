import { quantiles } from "../kernel/histogram.js";
import { F } from "./collect.js";
import { METRIC_TABLE, type Sum, type SiteField } from "./metricTable.js";

/** The income quantiles the metric table asks for, ascending (one pass over the histogram). */
const TARGETS = [...new Set(METRIC_TABLE.flatMap((m) => ("quantile" in m.of ? [m.of.quantile] : [])))].sort((a, b) => a - b);

/** A group's value of one metric from its summed fields, its quantiles and its Gini coefficient. */
type Evaluate = (g: Float64Array, q: Float64Array, gini: number) => number;

/** Σ fields left to right, times the factor: the arithmetic the metric table states, in its order. */
function sumOf(s: Sum<SiteField>): (g: Float64Array) => number {
  const at = s.sum.map((f) => F[f]);
  const k = s.times;
  return (g) => {
    let x = g[at[0]!]!;
    for (let i = 1; i < at.length; i++) x += g[at[i]!]!;
    return k === undefined ? x : k * x;
  };
}

const EVALUATE: readonly Evaluate[] = METRIC_TABLE.map(({ of }): Evaluate => {
  if ("total" in of) {
    const total = sumOf(of.total);
    return (g) => total(g);
  }
  if ("num" in of) {
    const num = sumOf(of.num);
    const den = sumOf(of.den);
    return (g) => {
      const d = den(g);
      return d > 0 ? num(g) / d : Number.NaN;
    };
  }
  if ("quantile" in of) {
    const t = TARGETS.indexOf(of.quantile);
    return (_g, q) => q[t]!;
  }
  return (_g, _q, gini) => gini;
});

const q = new Float64Array(TARGETS.length);

/**
 * Metric values of one group, in METRICS order, from its reduced sums and income histogram
 * (NaN where undefined, e.g. no residents yet). Runs once per group and step, not per household.
 */
export function metricValues(g: Float64Array, hist: Float64Array, out: Float64Array): void {
  const gini = quantiles(hist, TARGETS, q);
  for (let i = 0; i < EVALUATE.length; i++) out[i] = EVALUATE[i]!(g, q, gini);
}
