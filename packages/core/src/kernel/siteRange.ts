import { keyed, type KeyedRandom, type KeyedStream } from "./random.js";

/**
 * One phase of a schedule: its name (timings are kept by it), the keyed random sources it draws
 * from, and what it runs: `begin` once per step, then `site` for each site of the range in
 * index order, with the phase's sources in the order `streams` declares them.
 * The kernel knows nothing of the model: the model's schedule (model/schedule.ts) is a table of these.
 */
export interface Phase<C> {
  readonly name: string;
  readonly streams: readonly string[];
  readonly begin?: (ctx: C, step: number) => void;
  readonly site?: (ctx: C, s: number, random: readonly KeyedRandom[]) => void;
}

/**
 * One thread's share of a simulation: a contiguous range of sites [s0, s1) with the keyed
 * random sources of the schedule. Sites interact only through the exogenous environment, and
 * every draw is keyed by (seed, source, step, entity, draw), so ranges can be stepped on
 * different threads over the same shared state and give exactly the single-threaded result.
 */
export interface SiteRange<C> {
  readonly phases: readonly Phase<C>[];
  /** What the phases read and write (parameters, state, collection buffers). */
  readonly ctx: C;
  readonly s0: number;
  readonly s1: number;
  /** random[phase]: the phase's keyed sources, in the order it declares them. */
  readonly random: ReadonlyArray<readonly KeyedRandom[]>;
  /** Every source once (streamNames order): stepSites sets their step. */
  readonly sources: readonly KeyedStream[];
  /** Milliseconds per phase, in schedule order. */
  readonly timings: Float64Array;
}

/**
 * A range with one keyed source per (seed, name) that the phases declare: phases that name the
 * same source share it. Sources have no position to save: a draw depends on its key alone, so
 * a range built for a resumed run draws exactly what the interrupted one would have.
 */
export function siteRange<C>(phases: readonly Phase<C>[], ctx: C, seed: number, s0: number, s1: number, timings: Float64Array): SiteRange<C> {
  const names = streamNames(phases);
  const sources = names.map((name) => keyed(seed, name));
  const random = phases.map((ph) => ph.streams.map((name) => sources[names.indexOf(name)]!));
  return { phases, ctx, s0, s1, random, sources, timings };
}

/** The distinct source names of a schedule, in the order phases first name them. */
export function streamNames(phases: readonly Pick<Phase<never>, "streams">[]): string[] {
  return [...new Set(phases.flatMap((ph) => ph.streams))];
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
 * processes still run in schedule order, and every draw is keyed by its entity, not by the
 * order of the calls.
 *
 * Timings: a begin is timed as it runs; the sites' time is measured as a whole and shared
 * among the phases in proportion to their time on a sample of the sites (TIMING_STRIDE), so
 * the clock costs nothing noticeable and the per-phase figures are estimates whose sum is exact.
 */
export function stepSites<C>(r: SiteRange<C>, step: number): void {
  const { phases, ctx, s0, s1, random, timings } = r;
  const n = phases.length;
  // Every source draws this step's numbers.
  for (const x of r.sources) x.step(step);
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
  for (let s = s0; s < s1; s++) {
    if ((s - s0) % TIMING_STRIDE === 0) {
      let a = performance.now();
      for (let k = 0; k < n; k++) {
        const site = phases[k]!.site;
        if (!site) continue;
        site(ctx, s, random[k]!);
        const b = performance.now();
        spent[k]! += b - a;
        a = b;
      }
    } else {
      for (let k = 0; k < n; k++) {
        const site = phases[k]!.site;
        if (site) site(ctx, s, random[k]!);
      }
    }
  }
  const total = performance.now() - t0;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += spent[k]!;
  if (sum > 0) for (let k = 0; k < n; k++) timings[k]! += (total * spent[k]!) / sum;
}
