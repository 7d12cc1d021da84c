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
  return { phases, ctx, s0, s1, random, streams: byName, timings };
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

/** Step the range's sites through one step of the schedule, phase after phase. */
export function stepSites<C>(r: SiteRange<C>, step: number): void {
  const { phases, ctx, s0, s1, random, timings } = r;
  let t0 = performance.now();
  for (let k = 0; k < phases.length; k++) {
    const { begin, site } = phases[k]!;
    if (begin) begin(ctx, step);
    if (site) {
      const rs = random[k]!;
      for (let s = s0; s < s1; s++) site(ctx, s, rs[s - s0]!);
    }
    const t1 = performance.now();
    timings[k]! += t1 - t0;
    t0 = t1;
  }
}
