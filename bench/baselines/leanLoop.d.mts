import type { State } from "../../packages/core/src/kernel/state.ts";

/**
 * The lean reference loop of the national bench: the floor the engine's step is set beside.
 * Over the very state of the national run (its typed arrays in shared memory), one month is,
 * for each site: as many uniform draws per household as the engine makes in that month (from
 * the engine's own keyed generator, positioned at each household), then one tight loop
 * per household column and per person column over the site's rows, every value read and
 * written back unchanged (floats times a 1 the compiler cannot see, integers `| 0`); of a
 * 12-month ring only the month's slot, as the engine. No rules and no branches on the data:
 * what remains of a step when the model is taken out. Run between the engine's steps, it
 * leaves the state as it found it.
 */
export interface LeanRange {
  readonly state: State;
  readonly s0: number;
  readonly s1: number;
}

/** The lean loop over sites [s0, s1) of a state (streams keyed by seed and site). */
export function leanRange(state: State, seed: number, s0: number, s1: number): LeanRange;

/**
 * Month `step` of the lean loop over a range: `drawsPerHousehold` draws per household on
 * average (fractions carried from one household to the next, so a month makes exactly its
 * count). Returns the draws' sum.
 */
export function leanStep(r: LeanRange, step: number, drawsPerHousehold: number): number;

/** Contiguous ranges of sites of about equal households for `threads` threads: the engine's cuts. */
export function siteCuts(state: State, threads: number): number[];

/** The lean loop on `threads` threads (this one and workers) over a state in shared memory. */
export function leanLoop(state: State, seed: number, threads: number): Promise<{ step(step: number, drawsPerHousehold: number): Promise<number>; close(): Promise<void> }>;
