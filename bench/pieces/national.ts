import { createSimulation, type Simulation, type SimulationOptions } from "../../packages/core/src/index.ts";
import { benchScenario } from "../lib/scenario.ts";
import { peakRss } from "../lib/machine.ts";
import { stateBytes } from "../lib/stateBytes.ts";

export interface NationalOptions {
  households: number;
  /** Steps to run (default: the scenario's horizon). */
  steps?: number;
  /** Threads stepping the one simulation, when the engine offers it (SimulationOptions.threads). */
  threads?: number;
  seed?: number;
}

export interface NationalResult {
  scenario: string;
  households: number;
  sites: number;
  persons: number;
  steps: number;
  threads: number;
  /** createSimulation: population, network, income priming. */
  buildMs: number;
  runMs: number;
  /** build + run: the national run's wall time. */
  wallMs: number;
  householdStepsPerSecond: number;
  meanStepMs: number;
  stepMs: number[];
  /** Milliseconds per process of the step (sim.timings; summed over threads). */
  phaseMs: Record<string, number>;
  peakRssBytes: number;
  /** heapUsed after each step (no forced GC: garbage included; see the heap bench for retained heap). */
  heapUsedBytes: number[];
  stateBytes: ReturnType<typeof stateBytes>;
  outcomes: Record<string, number>;
}

/** One replication of the scenario at a scale, in this process (run it in a child: its peak RSS is reported). */
export async function runNational(o: NationalOptions, log: (s: string) => void = () => {}): Promise<NationalResult> {
  const { scenario, source } = benchScenario("historical");
  const threads = o.threads ?? 1;
  const options: SimulationOptions & { threads?: number } = { seed: o.seed ?? 1, scale: o.households };
  if (threads > 1) options.threads = threads;
  const t0 = performance.now();
  const sim: Simulation = createSimulation(scenario, options);
  const t1 = performance.now();
  log(`  built ${sim.households.toLocaleString("en")} households, ${sim.state.sites.count.toLocaleString("en")} sites in ${((t1 - t0) / 1000).toFixed(1)} s`);
  const steps = Math.min(o.steps ?? sim.horizon, sim.horizon);
  const stepMs: number[] = [];
  const heapUsedBytes: number[] = [];
  for (let k = 0; k < steps; k++) {
    const a = performance.now();
    sim.step();
    stepMs.push(performance.now() - a);
    heapUsedBytes.push(process.memoryUsage().heapUsed);
    if ((k + 1) % 12 === 0) log(`  step ${k + 1}/${steps}: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }
  const t2 = performance.now();
  const phaseMs = { ...sim.timings } as Record<string, number>;
  const outcomes: Record<string, number> = {};
  for (const m of ["employment_rate", "per_capita_income", "integration_index", "occupancy_rate", "poverty_rate"]) outcomes[m] = sim.metric(m);
  const H = sim.state.households;
  let persons = 0;
  for (let h = 0; h < H.count; h++) persons += H.size[h]!;
  const result: NationalResult = {
    scenario: source,
    households: sim.households,
    sites: sim.state.sites.count,
    persons,
    steps,
    threads,
    buildMs: t1 - t0,
    runMs: t2 - t1,
    wallMs: t2 - t0,
    householdStepsPerSecond: (sim.households * steps) / ((t2 - t1) / 1000),
    meanStepMs: (t2 - t1) / steps,
    stepMs,
    phaseMs,
    peakRssBytes: peakRss(),
    heapUsedBytes,
    stateBytes: stateBytes(sim.state),
    outcomes,
  };
  (sim as { close?: () => void }).close?.();
  return result;
}
