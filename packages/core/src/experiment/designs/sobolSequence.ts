import { JOE_KUO_6_21201 } from "./joeKuo.js";

/** Bits of each coordinate: points 0 … 2^32 − 1 are distinct. */
const BITS = 32;

interface Direction {
  s: number;
  a: number;
  m: number[];
}

const DIRECTIONS: Direction[] = JOE_KUO_6_21201.trim()
  .split("\n")
  .map((line) => {
    const [, s, a, ...m] = line.trim().split(/\s+/).map(Number);
    return { s: s!, a: a!, m };
  });

/** The most dimensions the stored direction numbers give. */
export const SOBOL_MAX_DIMENSIONS = DIRECTIONS.length + 1;

/** Direction integers v[j] (j = 0 … BITS − 1, as 32-bit fractions) of one dimension (0-based). */
function directionIntegers(dim: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dim === 0) {
    for (let j = 0; j < BITS; j++) v[j] = 2 ** (BITS - 1 - j);
    return v;
  }
  const { s, a, m } = DIRECTIONS[dim - 1]!;
  for (let j = 0; j < Math.min(s, BITS); j++) v[j] = (m[j]! * 2 ** (BITS - 1 - j)) >>> 0;
  // Bratley & Fox's recurrence: v_j = a_1 v_{j-1} ⊕ … ⊕ a_{s-1} v_{j-s+1} ⊕ v_{j-s} ⊕ (v_{j-s} >> s).
  for (let j = s; j < BITS; j++) {
    let x = (v[j - s]! ^ (v[j - s]! >>> s)) >>> 0;
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x = (x ^ v[j - k]!) >>> 0;
    v[j] = x;
  }
  return v;
}

/**
 * The first `n` points of the `dims`-dimensional Sobol sequence (Joe–Kuo direction numbers),
 * from point `skip` on, in Gray-code order (Antonov & Saleev), as rows in [0, 1)^dims. Point 0
 * is the origin. `shift`, if given, is one 32-bit word per dimension XORed into every
 * coordinate (a random digital shift: each shifted point set is still a (t, s)-net, and the
 * estimate over a random shift is unbiased).
 */
export function sobolPoints(n: number, dims: number, options: { skip?: number; shift?: readonly number[] } = {}): number[][] {
  if (!Number.isInteger(dims) || dims < 1 || dims > SOBOL_MAX_DIMENSIONS) throw new RangeError(`sobolPoints: dims ${dims} outside 1 … ${SOBOL_MAX_DIMENSIONS}`);
  const skip = options.skip ?? 0;
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(skip) || skip < 0 || n + skip > 2 ** BITS) throw new RangeError(`sobolPoints: n ${n}, skip ${skip}`);
  const v = Array.from({ length: dims }, (_, d) => directionIntegers(d));
  const x = new Uint32Array(dims);
  // Point i in Gray-code order is the XOR of the directions of the bits of gray(i) = i ^ (i >> 1).
  const gray = (skip ^ (skip >>> 1)) >>> 0;
  for (let d = 0; d < dims; d++) {
    let acc = 0;
    for (let j = 0; j < BITS; j++) if ((gray >>> j) & 1) acc ^= v[d]![j]!;
    x[d] = acc >>> 0;
  }
  const out: number[][] = [];
  for (let i = skip; i < skip + n; i++) {
    out.push(Array.from(x, (xi, d) => (((xi ^ (options.shift?.[d] ?? 0)) >>> 0) / 2 ** BITS)));
    // The next point differs in the direction of the lowest zero bit of i.
    let c = 0;
    while ((i >>> c) & 1) c++;
    if (c < BITS) for (let d = 0; d < dims; d++) x[d] = (x[d]! ^ v[d]![c]!) >>> 0;
  }
  return out;
}
