import seedrandom from "seedrandom";

/** A uniform [0, 1) source. Streams are plain functions so the hot loops call them directly. */
export type Random = () => number;

/**
 * A seeded stream for one (seed, site, process). Seeds are data: a run's results never depend
 * on iteration order across sites or on the number of workers, because no two sites or
 * processes share a stream (common random numbers across scenarios of one comparison).
 */
export function stream(seed: number, site: number | string, process: string): Random {
  return seedrandom.alea(`relocsim:${seed}:${site}:${process}`) as unknown as Random;
}

/** The seed of replicate r of an experiment with base seed `seed`, stable and well spread. */
export function replicateSeed(seed: number, replicate: number): number {
  let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(replicate + 1, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  // `>>> 0`: `^` gives a signed 32-bit result; seeds are whole numbers from 0.
  return ((h ^ (h >>> 16)) >>> 0) % 2_147_483_647;
}

/** Standard normal by Box-Muller (one draw pair per call; the second is discarded for simplicity). */
export function normal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson by inversion; fine for the small means the model uses. */
export function poisson(random: Random, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > l && k < 1000) {
    k++;
    p *= random();
  }
  return k;
}

/** Monthly probability from an annual hazard rate expressed as an annual probability. */
export function monthly(annualProbability: number): number {
  return 1 - Math.pow(1 - Math.min(annualProbability, 0.999999), 1 / 12);
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
export function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  return Math.log(q / (1 - q));
}
