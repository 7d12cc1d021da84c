import { saltelliAB, SALTELLI_A, SALTELLI_B, type SaltelliDesign } from "../designs/saltelliDesign.js";
import { bootstrapIntervals, type BootstrapOptions } from "./bootstrap.js";
import type { SensitivityIndex } from "./sensitivityIndex.js";

/**
 * First- and total-order Sobol indices from the outputs `y` of a Saltelli design (one per row
 * of design.points). With f_A, f_B and f_ABi the outputs of A, B and A_B^(i) and V the
 * variance of the outputs of A and B together:
 *   S1_i = mean((f_B − m) · (f_ABi − f_A)) / V    (Saltelli et al. 2010, table 2 (b))
 *   ST_i = mean((f_A − f_ABi)²) / (2 V)           (Jansen 1999; Saltelli et al. 2010 (f))
 * where m is the mean of f_A and f_B. Centring f_B on m leaves the estimator's expectation as
 * it is (f_ABi − f_A has mean 0) but its variance falls from about mean² to about V times its
 * own: without it, an outcome whose level is large against its spread (income of 10,000 yuan
 * varying by a few hundred) gives first-order indices of ±10. Bootstrap intervals resample
 * base rows (each row's whole block of k + 2 runs).
 */
export function sobolIndices(design: SaltelliDesign, y: ArrayLike<number>, bootstrap: BootstrapOptions): SensitivityIndex[] {
  const { n, k } = design;
  const w = k + 2;
  if (y.length !== n * w) throw new RangeError(`sobolIndices: ${y.length} outputs for ${n * w} design points`);
  const f = (j: number, c: number) => y[j * w + c]!;
  const stats = (units: ArrayLike<number>): number[] => {
    const m = units.length;
    let mean = 0;
    for (let u = 0; u < m; u++) mean += f(units[u]!, SALTELLI_A) + f(units[u]!, SALTELLI_B);
    mean /= 2 * m;
    let v = 0;
    for (let u = 0; u < m; u++) v += (f(units[u]!, SALTELLI_A) - mean) ** 2 + (f(units[u]!, SALTELLI_B) - mean) ** 2;
    v /= 2 * m - 1;
    const out: number[] = [];
    for (let i = 0; i < k; i++) {
      let first = 0;
      let total = 0;
      for (let u = 0; u < m; u++) {
        const j = units[u]!;
        const a = f(j, SALTELLI_A);
        const ab = f(j, saltelliAB(i));
        first += (f(j, SALTELLI_B) - mean) * (ab - a);
        total += (a - ab) ** 2;
      }
      // No variance (a constant outcome): no parameter explains any of it.
      out.push(v > 0 ? first / m / v : NaN, v > 0 ? total / (2 * m) / v : NaN);
    }
    return out;
  };
  const value = stats(Array.from({ length: n }, (_, j) => j));
  const ci = bootstrapIntervals(n, stats, bootstrap);
  return value.map((x, s) => ({ parameter: Math.floor(s / 2), index: s % 2 === 0 ? "S1" : "ST", value: x, lo: ci.lo[s]!, hi: ci.hi[s]! }));
}
