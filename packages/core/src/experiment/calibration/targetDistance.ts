/** A published figure the calibration fits, with the tolerance that makes a miss of it count one unit. */
export interface AbcTarget {
  readonly value: number;
  /** > 0: a model value `tolerance` away from `value` is one unit of distance. */
  readonly tolerance: number;
}

/**
 * The distance between a particle's outcomes and the targets: the root mean square of the
 * misses, each in units of its target's tolerance, sqrt(mean_k ((model_k − published_k) / tol_k)²).
 * Infinity where an outcome is undefined (NaN), so such a particle is never accepted.
 */
export function targetDistance(outcomes: ArrayLike<number>, targets: readonly AbcTarget[]): number {
  let s = 0;
  for (let k = 0; k < targets.length; k++) {
    const m = outcomes[k]!;
    if (!Number.isFinite(m)) return Infinity;
    const z = (m - targets[k]!.value) / targets[k]!.tolerance;
    s += z * z;
  }
  return Math.sqrt(s / targets.length);
}
