import { stream } from "../../kernel/random.js";

/**
 * A Latin hypercube of n points in k dimensions: each parameter's range is cut into n equal
 * strata and every stratum holds exactly one point; which point is a random permutation per
 * parameter, and where in its stratum a uniform draw. Column j draws from its own stream
 * (seed, "design", "lhs:j"), so adding a parameter leaves the others' columns as they were.
 */
export function latinHypercube(n: number, k: number, seed: number): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`latinHypercube: n ${n} is not a whole number ≥ 1`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`latinHypercube: k ${k} is not a whole number ≥ 1`);
  const points = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const random = stream(seed, "design", `lhs:${j}`);
    const perm = Array.from({ length: n }, (_, i) => i);
    // Fisher–Yates.
    for (let i = n - 1; i > 0; i--) {
      const r = Math.floor(random() * (i + 1));
      [perm[i], perm[r]] = [perm[r]!, perm[i]!];
    }
    for (let i = 0; i < n; i++) points[i]![j] = (perm[i]! + random()) / n;
  }
  return points;
}
