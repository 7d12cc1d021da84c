import seedrandom from "seedrandom";

/** A uniform [0, 1) source. Streams are plain functions so the hot loops call them directly. */
export type Random = () => number;

/**
 * A seeded stream for one (seed, site, process). Seeds are data: a run's results never depend
 * on iteration order across sites or on the number of workers, because no two sites or
 * processes share a stream (common random numbers across scenarios of one comparison).
 */
export function stream(seed: number, site: number | string, process: string): Stream {
  return seedrandom.alea(`relocsim:${seed}:${site}:${process}`, { state: true }) as unknown as Stream;
}

/** A stream whose position can be saved (checkpoints) and restored: `{ state: true }` changes no draw. */
export type Stream = Random & { state(): StreamState };

/** The four numbers of an alea generator's position (exact in a Float64Array). */
export const STREAM_STATE_LENGTH = 4;
interface StreamState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** Write a stream's position to out[at …at+3]. */
export function saveStream(r: Stream, out: Float64Array, at: number): void {
  const { c, s0, s1, s2 } = r.state();
  out[at] = c;
  out[at + 1] = s0;
  out[at + 2] = s1;
  out[at + 3] = s2;
}

/** A stream continuing from a position saved by saveStream: it draws what the saved one would have drawn next. */
export function restoreStream(saved: Float64Array, at: number): Stream {
  const state: StreamState = { c: saved[at]!, s0: saved[at + 1]!, s1: saved[at + 2]!, s2: saved[at + 3]! };
  return seedrandom.alea("", { state }) as unknown as Stream;
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
