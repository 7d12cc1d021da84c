import { STREAM_STATE_LENGTH, restoreStream, saveStream, stream, type Random, type Stream } from "./random.js";

/**
 * One phase of a schedule: its name (timings are kept by it), the random streams it draws, and
 * what it runs: `begin` once per step, then `site` for each site of the range in index order,
 * with the phase's streams at that site in the order `streams` declares them. The kernel knows
 * nothing of the model: the model's schedule (model/schedule.ts) is a table of these.
 */
export interface Phase<C> {
  readonly name: string;
  readonly streams: readonly string[];
  readonly begin?: (ctx: C, step: number) => void;
  readonly site?: (ctx: C, s: number, random: readonly Random[]) => void;
}

/**
 * One thread's share of a simulation: a contiguous range of sites [s0, s1) with their random
 * streams. Sites interact only through the exogenous environment, so ranges can be stepped on
 * different threads over the same shared state and give exactly the single-threaded result.
 */
export interface SiteRange<C> {
  readonly phases: readonly Phase<C>[];
  /** What the phases read and write (parameters, state, collection buffers). */
  readonly ctx: C;
  readonly s0: number;
  readonly s1: number;
  /** random[phase][s - s0]: the phase's streams at site s. */
  readonly random: ReadonlyArray<ReadonlyArray<readonly Random[]>>;
  /** streams[n][s - s0]: stream n of streamNames(phases) at site s (what a checkpoint saves). */
  readonly streams: ReadonlyArray<readonly Stream[]>;
  /** Milliseconds per phase, in schedule order. */
  readonly timings: Float64Array;
  /** The same streams as `random`, site-major: bySite[(s - s0) * phases + k] are phase k's at site s. */
  readonly bySite: ReadonlyArray<readonly Random[]>;
}

/**
 * A range with one stream per (seed, site, stream name) that the phases declare, and no other:
 * phases that name the same stream share it, and a stream's draws depend on its key alone.
 * With `restore` (streams saved by saveStreams, for all sites), the streams continue from there.
 */
export function siteRange<C>(phases: readonly Phase<C>[], ctx: C, seed: number, s0: number, s1: number, timings: Float64Array, restore?: Float64Array): SiteRange<C> {
  const names = streamNames(phases);
  const byName = names.map((name, n) =>
    Array.from({ length: s1 - s0 }, (_, i) => (restore ? restoreStream(restore, streamAt(names, s0 + i, n)) : stream(seed, s0 + i, name))),
  );
  const random = phases.map((ph) => {
    const named = ph.streams.map((name) => byName[names.indexOf(name)]!);
    return Array.from({ length: s1 - s0 }, (_, i) => named.map((st) => st[i]!));
  });
  const bySite = Array.from({ length: (s1 - s0) * phases.length }, (_, j) => random[j % phases.length]![Math.floor(j / phases.length)]!);
  return { phases, ctx, s0, s1, random, streams: byName, timings, bySite };
}

/** The distinct stream names of a schedule, in the order phases first name them. */
export function streamNames(phases: readonly Pick<Phase<never>, "streams">[]): string[] {
  return [...new Set(phases.flatMap((ph) => ph.streams))];
}

/** Where stream n (of `names`) of site s sits in a saved array: site-major, then name. */
function streamAt(names: readonly string[], s: number, n: number): number {
  return (s * names.length + n) * STREAM_STATE_LENGTH;
}

/** Length of a saved-streams array for `sites` sites. */
export function savedStreamsLength(phases: readonly Pick<Phase<never>, "streams">[], sites: number): number {
  return sites * streamNames(phases).length * STREAM_STATE_LENGTH;
}

/** Save the positions of the range's streams into out (an array for all sites; other ranges write their own sites). */
export function saveStreams<C>(r: SiteRange<C>, out: Float64Array): void {
  const names = streamNames(r.phases);
  r.streams.forEach((st, n) => st.forEach((x, i) => saveStream(x, out, streamAt(names, r.s0 + i, n))));
}

/**
 * Sites of a range timed phase by phase: every TIMING_STRIDE-th site from the range's first
 * (one in 16 keeps the clock reads to a few thousand a step at national scale).
 */
const TIMING_STRIDE = 16;
/** Per-phase milliseconds of the sampled sites in one step (scratch, one per thread). */
let sampled = new Float64Array(16);

/**
 * Step the range's sites through one step of the schedule: every phase's `begin` in schedule
 * order, then each site in index order through all the phases' `site` functions (site-major),
 * so that a site's rows stay in the cache from one process to the next instead of the whole
 * state being streamed from memory once per phase. The order changes no result: sites
 * interact only through what the begins set (the step's exogenous inputs), each site's
 * processes still run in schedule order, and each site's streams are its own.
 *
 * Timings: a begin is timed as it runs; the sites' time is measured as a whole and shared
 * among the phases in proportion to their time on a sample of the sites (TIMING_STRIDE), so
 * the clock costs nothing noticeable and the per-phase figures are estimates whose sum is exact.
 */
export function stepSites<C>(r: SiteRange<C>, step: number): void {
  const { phases, ctx, s0, s1, bySite, timings } = r;
  const n = phases.length;
  let t0 = performance.now();
  for (let k = 0; k < n; k++) {
    const begin = phases[k]!.begin;
    if (!begin) continue;
    begin(ctx, step);
    const t1 = performance.now();
    timings[k]! += t1 - t0;
    t0 = t1;
  }
  if (sampled.length < n) sampled = new Float64Array(n);
  const spent = sampled.fill(0, 0, n);
  for (let s = s0, j = 0; s < s1; s++) {
    if ((s - s0) % TIMING_STRIDE === 0) {
      let a = performance.now();
      for (let k = 0; k < n; k++, j++) {
        const site = phases[k]!.site;
        if (!site) continue;
        site(ctx, s, bySite[j]!);
        const b = performance.now();
        spent[k]! += b - a;
        a = b;
      }
    } else {
      for (let k = 0; k < n; k++, j++) {
        const site = phases[k]!.site;
        if (site) site(ctx, s, bySite[j]!);
      }
    }
  }
  const total = performance.now() - t0;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += spent[k]!;
  if (sum > 0) for (let k = 0; k < n; k++) timings[k]! += (total * spent[k]!) / sum;
}
