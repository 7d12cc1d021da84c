import { createSimulation, type Simulation, type SimulationOptions } from "../../packages/core/src/index.ts";
import { benchScenario } from "../lib/scenario.ts";
import { peakRss } from "../lib/machine.ts";
import { stateBytes } from "../lib/stateBytes.ts";
import { leanLoop } from "../baselines/leanLoop.mjs";
import type { DrawsResult } from "./draws.ts";

export interface NationalOptions {
  households: number;
  /** Steps to run (default: the scenario's horizon). */
  steps?: number;
  /** Threads stepping the one simulation, when the engine offers it (SimulationOptions.threads). */
  threads?: number;
  seed?: number;
  /** The engine's draws per household in each month (pieces/draws.ts), for the lean loop. */
  draws: DrawsResult;
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
  /** The engine's steps (the lean loop's months between them not included). */
  runMs: number;
  /** build + run: the national run's wall time. */
  wallMs: number;
  householdStepsPerSecond: number;
  meanStepMs: number;
  stepMs: number[];
  /** Milliseconds per process of the step (sim.timings; summed over threads). */
  phaseMs: Record<string, number>;
  /** Peak RSS of the process at the end of the run (VmHWM), the lean loop's worker threads included (leanThreadsRssBytes). */
  peakRssBytes: number;
  /** heapUsed after each step (no forced GC: garbage included; see the heap bench for retained heap). */
  heapUsedBytes: number[];
  stateBytes: ReturnType<typeof stateBytes>;
  outcomes: Record<string, number>;
  /** The lean reference loop over the same state on as many threads (baselines/leanLoop.mjs). */
  lean: LeanResult;
}

export interface LeanResult {
  /** Households of the run in which the engine's draws were counted (same scenario and seed). */
  countedAtHouseholds: number;
  /** Mean draws per household and month, as the engine made them. */
  meanDrawsPerHousehold: number;
  /** Resident memory the lean loop's worker threads added when they started (in peakRssBytes). */
  threadsRssBytes: number;
  runMs: number;
  meanStepMs: number;
  stepMs: number[];
  /** The engine's steps' time ÷ the lean loop's: how far the engine is above the floor. */
  engineOverLean: number;
}

/**
 * One replication of the scenario at a scale, in this process (run it in a child: its peak RSS
 * is reported), and the lean reference loop over its state: each month, the engine's step and
 * then the lean loop's, so that both see the same load on a shared machine. The lean loop
 * writes back what it reads, so the engine's run is unchanged by it.
 */
export async function runNational(o: NationalOptions, log: (s: string) => void = () => {}): Promise<NationalResult> {
  const { scenario, source } = benchScenario("historical");
  const threads = o.threads ?? 1;
  const seed = o.seed ?? 1;
  const options: SimulationOptions & { threads?: number } = { seed, scale: o.households };
  if (threads > 1) options.threads = threads;
  const t0 = performance.now();
  const sim: Simulation = createSimulation(scenario, options);
  const t1 = performance.now();
  log(`  built ${sim.households.toLocaleString("en")} households, ${sim.state.sites.count.toLocaleString("en")} sites in ${((t1 - t0) / 1000).toFixed(1)} s`);
  const steps = Math.min(o.steps ?? sim.horizon, sim.horizon, o.draws.perHousehold.length);
  const rssBefore = process.memoryUsage().rss;
  const lean = await leanLoop(sim.state, seed, threads);
  const leanThreadsRss = process.memoryUsage().rss - rssBefore;
  const stepMs: number[] = [];
  const leanMs: number[] = [];
  const heapUsedBytes: number[] = [];
  try {
    for (let k = 0; k < steps; k++) {
      const a = performance.now();
      sim.step();
      const b = performance.now();
      await lean.step(k, o.draws.perHousehold[k]!);
      stepMs.push(b - a);
      leanMs.push(performance.now() - b);
      heapUsedBytes.push(process.memoryUsage().heapUsed);
      if ((k + 1) % 12 === 0) log(`  step ${k + 1}/${steps}: engine ${(sum(stepMs) / 1000).toFixed(1)} s, lean loop ${(sum(leanMs) / 1000).toFixed(1)} s`);
    }
  } finally {
    await lean.close();
  }
  const runMs = sum(stepMs);
  const phaseMs = { ...sim.timings } as Record<string, number>;
  const outcomes: Record<string, number> = {};
  for (const m of ["employment_rate", "per_capita_income", "integration_index", "occupancy_rate", "poverty_rate"]) outcomes[m] = sim.metric(m);
  const H = sim.state.households;
  let persons = 0;
  for (let h = 0; h < H.count; h++) persons += H.size[h]!;
  const leanRunMs = sum(leanMs);
  const result: NationalResult = {
    scenario: source,
    households: sim.households,
    sites: sim.state.sites.count,
    persons,
    steps,
    threads,
    buildMs: t1 - t0,
    runMs,
    wallMs: t1 - t0 + runMs,
    householdStepsPerSecond: (sim.households * steps) / (runMs / 1000),
    meanStepMs: runMs / steps,
    stepMs,
    phaseMs,
    peakRssBytes: peakRss(),
    heapUsedBytes,
    stateBytes: stateBytes(sim.state),
    outcomes,
    lean: {
      countedAtHouseholds: o.draws.households,
      meanDrawsPerHousehold: sum(o.draws.perHousehold.slice(0, steps)) / steps,
      threadsRssBytes: leanThreadsRss,
      runMs: leanRunMs,
      meanStepMs: leanRunMs / steps,
      stepMs: leanMs,
      engineOverLean: runMs / leanRunMs,
    },
  };
  (sim as { close?: () => void }).close?.();
  return result;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
