import seedrandom from "seedrandom";

/** A uniform [0, 1) source. Streams are plain functions so the hot loops call them directly. */
export type Random = () => number;

/**
 * A seeded sequential stream (seedrandom's Alea) for one (seed, site, process): what builds
 * the population, its networks and the experiment designs, where the order of draws is fixed.
 * The model's monthly processes draw from keyed sources instead (`keyed`).
 */
export function stream(seed: number, site: number | string, process: string): Random {
  return seedrandom.alea(`relocsim:${seed}:${site}:${process}`);
}

/**
 * Draws keyed by entity. `at(id)` positions the source at entity `id` in the current month and
 * returns that entity's draws: successive calls give its 0th, 1st, … numbers. `draw(id)` is the
 * entity's 0th number, for the many choices that take one draw (the same as `at(id)()`). A
 * process draws for one kind of entity (a person, a household or a site), so ids never mean two
 * things.
 */
export interface KeyedRandom {
  at(id: number): Random;
  draw(id: number): number;
}

/** 2^-32: a 32-bit unsigned integer to [0, 1). */
const UNIT = 2.3283064365386963e-10;

/**
 * Wellons' `triple32` integer hash (C. Wellons, "Prospecting for hash functions", nullprogram.com,
 * 2018-07-31; github.com/skeeto/hash-prospector): three xorshift-multiply rounds with an
 * avalanche bias of about 0.021, near the ideal for 32 bits (MurmurHash3's fmix32: 0.26). A
 * bijection of 32-bit integers; returns a signed 32-bit result (callers take `>>> 0`).
 */
export function triple32(x: number): number {
  x ^= x >>> 17;
  x = Math.imul(x, 0xed5ad4bb);
  x ^= x >>> 11;
  x = Math.imul(x, 0xac4c1b51);
  x ^= x >>> 15;
  x = Math.imul(x, 0x31848bab);
  x ^= x >>> 14;
  return x;
}

/**
 * A counter-based source of the draws of one (seed, process): the k-th draw of entity `id` at
 * step `t` is a pure function of (key, t, id, k), so it does not depend on which other
 * entities drew before it, how many draws they made, the order of the sites, the number of
 * threads, or where a run was checkpointed. Common random numbers then stay paired: a lever
 * that changes one household's choices leaves every other entity's draws as they were.
 *
 * Construction (all 32-bit, with Math.imul): the key is two words of seedrandom's Alea seeded
 * with `relocsim:<seed>:<process>`. A step hashes the key and the step into two words (s0, s1).
 * Draw k of entity id is triple32((s0 ^ id) + k·w) / 2^32 with the odd increment
 * w = (s1 ^ id·0x9e3779b9) | 1: a hash of a Weyl sequence, as in SplitMix (Steele, Lea & Flood
 * 2014, "Fast splittable pseudorandom number generators", OOPSLA), with a 32-bit finalizer of
 * near-ideal avalanche (Wellons 2018). Since triple32 is a bijection, the first draws of two
 * entities of one step never coincide. One hash per draw, none to position: as fast as the
 * sequential Alea streams it replaces. Doubles in [0, 1) with 32 random bits; no allocation per
 * draw (the state lives in the object's own fields: a closure's mutated context variables
 * would be boxed).
 */
export class KeyedStream implements KeyedRandom {
  private readonly k0: number;
  private readonly k1: number;
  private s0 = 0;
  private s1 = 0;
  private x = 0;
  private w = 1;

  constructor(seed: number, process: string) {
    const alea = seedrandom.alea(`relocsim:${seed}:${process}`);
    this.k0 = alea.int32();
    this.k1 = alea.int32();
    this.step(0);
  }

  /** The month whose draws at() gives (the kernel sets it before each step). */
  step(t: number): void {
    this.s0 = triple32(this.k0 ^ triple32((t + 0x632be5ab) | 0));
    this.s1 = triple32(this.k1 ^ triple32((t + 0x1b873593) | 0));
    this.at(-1);
  }

  at(id: number): Random {
    this.x = this.s0 ^ id;
    this.w = (this.s1 ^ Math.imul(id, 0x9e3779b9)) | 1;
    return this.next;
  }

  draw(id: number): number {
    return (triple32(this.s0 ^ id) >>> 0) * UNIT;
  }

  /** The positioned entity's next draw (what at() returns; an arrow so it can be passed as a Random). */
  readonly next: Random = () => {
    const x = this.x;
    this.x = (x + this.w) | 0;
    return (triple32(x) >>> 0) * UNIT;
  };
}

/** The keyed source of one (seed, process), at step 0. */
export function keyed(seed: number, process: string): KeyedStream {
  return new KeyedStream(seed, process);
}

/**
 * A sequential source that ignores keys: every at() and draw() continues the same sequence
 * (scripted draws in tests; the model never uses it). Callable itself, so it serves where a
 * Random does.
 */
export function unkeyed(random: Random): Random & KeyedRandom {
  const next = (): number => random();
  return Object.assign(next, { at: () => next, draw: () => random() });
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
