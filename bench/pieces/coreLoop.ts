import { EngineCore } from "../baselines/engineCore.ts";
import { ObjectModel } from "../baselines/objectModel.ts";
import { FloccModel } from "../baselines/floccModel.ts";
import { prepareCore, type CoreOutcomes } from "../baselines/coreSetup.ts";

export const IMPLEMENTATIONS = ["engine", "objects", "flocc"] as const;
export type Implementation = (typeof IMPLEMENTATIONS)[number];

export interface CoreLoopOptions {
  impl: Implementation;
  households: number;
  seeds: number[];
  warmup: number;
  steps: number;
}

export interface CoreLoopRun {
  seed: number;
  households: number;
  persons: number;
  agents: number;
  /** Building the population and the warm-up (engine), plus the copy into objects (baselines). */
  setupMs: number;
  copyMs: number;
  /** Wall time of the core-loop months, each including its collection. */
  stepMs: number[];
  totalMs: number;
  /** Engine only: time per process over all steps. */
  phaseMs?: Record<string, number>;
  outcomes: CoreOutcomes;
}

export interface CoreLoopResult extends Omit<CoreLoopOptions, "seeds"> {
  runs: CoreLoopRun[];
  heapUsedBytes: number;
}

/**
 * One implementation of the core monthly loop from the same engine-built state, for each seed.
 * Run in a child process per implementation so heaps and JIT state do not mix.
 */
export function runCoreLoop(o: CoreLoopOptions, log: (s: string) => void = () => {}): CoreLoopResult {
  const runs: CoreLoopRun[] = [];
  for (const seed of o.seeds) {
    const t0 = performance.now();
    const setup = prepareCore(o.households, seed, o.warmup, o.steps);
    const t1 = performance.now();
    const model = o.impl === "engine" ? new EngineCore(setup) : o.impl === "objects" ? new ObjectModel(setup, seed) : new FloccModel(setup, seed);
    const t2 = performance.now();
    const stepMs: number[] = [];
    for (let k = 0; k < o.steps; k++) {
      const a = performance.now();
      model.step();
      stepMs.push(performance.now() - a);
    }
    const totalMs = stepMs.reduce((x, y) => x + y, 0);
    const agents = setup.sim.state.sites.count + setup.households + setup.persons;
    runs.push({
      seed, households: setup.households, persons: setup.persons, agents, setupMs: t1 - t0, copyMs: t2 - t1, stepMs, totalMs,
      ...(model instanceof EngineCore ? { phaseMs: model.timings.phases } : {}),
      outcomes: model.outcomes,
    });
    log(`  ${o.impl} ${o.households} households seed ${seed}: ${o.steps} steps in ${(totalMs / 1000).toFixed(2)} s`);
  }
  return { impl: o.impl, households: o.households, warmup: o.warmup, steps: o.steps, runs, heapUsedBytes: process.memoryUsage().heapUsed };
}
