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

/** Step the range's sites through one step of the schedule, phase after phase. */
export function stepSites<C>(r: SiteRange<C>, step: number): void {
  const { phases, ctx, s0, s1, random, timings } = r;
  // Every source draws this step's numbers.
  for (const x of r.sources) x.step(step);
  let t0 = performance.now();
  for (let k = 0; k < phases.length; k++) {
    const { begin, site } = phases[k]!;
    if (begin) begin(ctx, step);
    if (site) {
      const rs = random[k]!;
      for (let s = s0; s < s1; s++) site(ctx, s, rs);
    }
    const t1 = performance.now();
    timings[k]! += t1 - t0;
    t0 = t1;
  }
}
