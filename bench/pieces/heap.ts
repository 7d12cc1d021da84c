import { createSimulation } from "../../packages/core/src/index.ts";
import { benchScenario } from "../lib/scenario.ts";
import { median, slope } from "../lib/stats.ts";

export interface HeapOptions {
  households: number;
  steps?: number;
}

export interface HeapResult {
  households: number;
  steps: number;
  /** heapUsed after a forced full GC, after each step: what the run retains. */
  retainedBytes: number[];
  firstBytes: number;
  lastBytes: number;
  maxBytes: number;
  growthBytes: number;
  slopeBytesPerStep: number;
  /** heapUsed just after a step minus just before it (GC forced before, none during): what the step allocates. */
  allocatedBytesPerStep: number[];
  /** Median over the second half of the steps (after the JIT has settled). */
  medianAllocatedBytesPerStep: number;
}

/**
 * Is the step loop allocation-free? Needs `node --expose-gc` (and a young generation large
 * enough that no scavenge runs inside a step: --max-semi-space-size). Before each step a full
 * GC empties the young generation, so heapUsed right after the step is what the step allocated;
 * after another full GC it is what the run retains.
 */
export async function runHeap(o: HeapOptions): Promise<HeapResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("the heap bench needs node --expose-gc");
  const { scenario } = benchScenario("historical");
  const sim = createSimulation(scenario, { seed: 1, scale: o.households });
  const steps = Math.min(o.steps ?? sim.horizon, sim.horizon);
  const retained: number[] = [];
  const allocated: number[] = [];
  for (let k = 0; k < steps; k++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    sim.step();
    const after = process.memoryUsage().heapUsed;
    allocated.push(after - before);
    gc();
    retained.push(process.memoryUsage().heapUsed);
  }
  (sim as { close?: () => void }).close?.();
  const med = median(allocated.slice(Math.floor(steps / 2)));
  return {
    households: o.households,
    steps,
    retainedBytes: retained,
    firstBytes: retained[0]!,
    lastBytes: retained.at(-1)!,
    maxBytes: Math.max(...retained),
    growthBytes: retained.at(-1)! - retained[0]!,
    slopeBytesPerStep: slope(retained),
    allocatedBytesPerStep: allocated,
    medianAllocatedBytesPerStep: med,
  };
}
