import { stream } from "../../kernel/random.js";
import { sobolPoints, SOBOL_MAX_DIMENSIONS } from "./sobolSequence.js";

export interface SaltelliDesign {
  /** N · (k + 2) rows in [0, 1)^k: for each base row j the block A_j, B_j, A_B^(1)_j, …, A_B^(k)_j. */
  points: number[][];
  /** Base rows N and parameters k: row of matrix c (0 A, 1 B, 2 + i A_B^(i)) of base row j is j · (k + 2) + c. */
  n: number;
  k: number;
  base: "sobol" | "random";
}

export interface SaltelliOptions {
  seed: number;
  /**
   * Where A and B come from. "sobol" (the default): the first 2k dimensions of the Sobol
   * sequence (Joe–Kuo), A the first k, B the next k, from point 1 on (point 0 is the origin),
   * with a random digital shift from the seed: quasi-random points converge faster than
   * random ones (Saltelli et al. 2010 use them), and the shift makes the estimate unbiased and
   * the seed meaningful. "random": independent uniform draws (stream (seed, "design",
   * "saltelli")), for k > 32 or when bootstrap intervals must rest on independent rows.
   */
  base?: "sobol" | "random";
}

/** Column layout of a Saltelli block. */
export const SALTELLI_A = 0;
export const SALTELLI_B = 1;
/** Column of A_B^(i) (A with column i taken from B) in a block. */
export const saltelliAB = (i: number) => 2 + i;

/**
 * Saltelli's (2002, 2010) sample for first- and total-order Sobol indices: two independent
 * N × k matrices A and B and, for each parameter i, A_B^(i), which is A with column i from B.
 * N · (k + 2) model runs estimate every S_i and S_Ti.
 */
export function saltelliDesign(n: number, k: number, options: SaltelliOptions): SaltelliDesign {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`saltelliDesign: N ${n} is not a whole number ≥ 2`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`saltelliDesign: k ${k}`);
  const base = options.base ?? "sobol";
  if (base === "sobol" && 2 * k > SOBOL_MAX_DIMENSIONS) throw new RangeError(`saltelliDesign: Sobol base samples need 2k ≤ ${SOBOL_MAX_DIMENSIONS} dimensions (k = ${k}); use base "random"`);
  let rows: number[][];
  if (base === "sobol") {
    const shiftStream = stream(options.seed, "design", "saltelli-shift");
    const shift = Array.from({ length: 2 * k }, () => Math.floor(shiftStream() * 2 ** 32) >>> 0);
    rows = sobolPoints(n, 2 * k, { skip: 1, shift });
  } else {
    const random = stream(options.seed, "design", "saltelli");
    rows = Array.from({ length: n }, () => Array.from({ length: 2 * k }, () => random()));
  }
  const points: number[][] = [];
  for (const row of rows) {
    const a = row.slice(0, k);
    const b = row.slice(k);
    points.push(a, b);
    for (let i = 0; i < k; i++) {
      const ab = [...a];
      ab[i] = b[i]!;
      points.push(ab);
    }
  }
  return { points, n, k, base };
}
