import type { MorrisDesign } from "../designs/morrisDesign.js";
import { bootstrapIntervals, type BootstrapOptions } from "./bootstrap.js";
import type { SensitivityIndex } from "./sensitivityIndex.js";

/**
 * Morris's (1991) screening measures from the outputs `y` of a Morris design (one per row of
 * design.points): the elementary effect of parameter i in a trajectory is
 * (y after − y before) / Δ (signed Δ, unit-cube terms, so effects are comparable across
 * parameters); per parameter μ (mean effect), μ* (mean absolute effect, Campolongo et al.
 * 2007: robust to effects of opposite sign) and σ (standard deviation of the effects:
 * non-linearity or interactions). Bootstrap intervals resample whole trajectories.
 */
export function morrisIndices(design: MorrisDesign, y: ArrayLike<number>, bootstrap: BootstrapOptions): SensitivityIndex[] {
  if (y.length !== design.points.length) throw new RangeError(`morrisIndices: ${y.length} outputs for ${design.points.length} design points`);
  const r = design.trajectories.length;
  const k = design.points[0]!.length;
  // effects[t * k + i]: the elementary effect of parameter i in trajectory t.
  const effects = new Float64Array(r * k);
  design.trajectories.forEach((t, ti) => {
    t.factors.forEach((i, step) => {
      effects[ti * k + i] = (y[t.start + step + 1]! - y[t.start + step]!) / t.deltas[step]!;
    });
  });
  const stats = (units: ArrayLike<number>): number[] => {
    const out: number[] = [];
    const n = units.length;
    for (let i = 0; i < k; i++) {
      let s = 0;
      let a = 0;
      for (let u = 0; u < n; u++) {
        const e = effects[units[u]! * k + i]!;
        s += e;
        a += Math.abs(e);
      }
      const mu = s / n;
      let ss = 0;
      for (let u = 0; u < n; u++) ss += (effects[units[u]! * k + i]! - mu) ** 2;
      out.push(mu, a / n, n > 1 ? Math.sqrt(ss / (n - 1)) : NaN);
    }
    return out;
  };
  const all = Array.from({ length: r }, (_, t) => t);
  const value = stats(all);
  const ci = bootstrapIntervals(r, stats, bootstrap);
  const names = ["mu", "mu_star", "sigma"] as const;
  return value.map((v, s) => ({ parameter: Math.floor(s / 3), index: names[s % 3]!, value: v, lo: ci.lo[s]!, hi: ci.hi[s]! }));
}
