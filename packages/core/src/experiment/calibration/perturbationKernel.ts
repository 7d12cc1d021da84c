import { normal, type Random } from "../../kernel/random.js";
import type { Prior } from "./prior.js";
import { normalCdf, normalDensity } from "./normalDistribution.js";
import { weightedVariance } from "./weightedStatistics.js";

/**
 * The perturbation kernel of one ABC-SMC generation: component-wise Gaussian in each
 * parameter's kernel coordinate t, with variance twice the weighted variance of the previous
 * generation's particles (Beaumont, Cornuet, Marin and Robert 2009, Biometrika 96(4): the
 * choice that minimises the Kullback-Leibler divergence from the target for a Gaussian
 * kernel), truncated to the prior's support. Being a product of one-dimensional
 * truncated normals, its truncation is normalised exactly (a product of Φ differences), so
 * the importance weights are exact; a full-covariance kernel could not be normalised on a box
 * without numerical integration.
 */
export interface PerturbationKernel {
  /** Standard deviation of each component (in t). */
  readonly sd: readonly number[];
  /** A move from `from` (a particle's t), inside the support. */
  perturb(from: readonly number[], random: Random): number[];
  /** Density of moving from `from` to `to` (0 outside the support). */
  density(to: readonly number[], from: readonly number[]): number;
}

/** The kernel for particles `ts` (t of each particle) with weights `w`. */
export function perturbationKernel(priors: readonly Prior[], ts: readonly (readonly number[])[], w: readonly number[]): PerturbationKernel {
  const sd = priors.map((p, k) => {
    const col = ts.map((t) => t[k]!);
    const s = Math.sqrt(2 * weightedVariance(col, w));
    // All particles at one value: a small step still explores (a share of the support, or of the value).
    const scale = Number.isFinite(p.hi - p.lo) ? (p.hi - p.lo) * 1e-6 : Math.max(1e-9, Math.abs(col[0]!) * 1e-6);
    return s > scale ? s : scale;
  });
  // Z_j, the kernel's mass inside the support from particle j, cached by the particle's array.
  const mass = new WeakMap<readonly number[], number>();
  const inside = (from: readonly number[]) => {
    let z = mass.get(from);
    if (z === undefined) {
      z = 1;
      for (let k = 0; k < priors.length; k++) {
        const p = priors[k]!;
        z *= normalCdf((p.hi - from[k]!) / sd[k]!) - normalCdf((p.lo - from[k]!) / sd[k]!);
      }
      mass.set(from, z);
    }
    return z;
  };
  return {
    sd,
    perturb(from, random) {
      return priors.map((p, k) => {
        // Rejection keeps the draw exactly truncated-normal; the kernel is centred on a
        // particle inside the support, so at least about half of the draws land inside.
        for (let tries = 0; tries < 10_000; tries++) {
          const t = from[k]! + sd[k]! * normal(random);
          if (t >= p.lo && t <= p.hi) return t;
        }
        return from[k]!;
      });
    },
    density(to, from) {
      let d = 1;
      for (let k = 0; k < priors.length; k++) {
        const p = priors[k]!;
        const t = to[k]!;
        if (t < p.lo || t > p.hi) return 0;
        d *= normalDensity((t - from[k]!) / sd[k]!) / sd[k]!;
      }
      return d / inside(from);
    },
  };
}
