import { runExperiment, type Scenario } from "../../packages/core/src/index.ts";
import { inChild } from "../lib/child.ts";
import { benchScenario } from "../lib/scenario.ts";

export interface ReplicationsOptions {
  households: number;
  /** The experiment sizes measured: replications of one experiment (e.g. 10 and 100). */
  replications: number[];
  workers: number[];
  /** Experiments of each size and worker count, run in the order 1, 2 | 2, 1 | 1, 2 … (default 2). */
  repeats?: number;
  /** Months per run (default: the scenario's horizon). */
  steps?: number;
  baseSeed?: number;
}

/** One experiment, timed in a process of its own: what the `experiment` child piece returns. */
export interface ExperimentOptions {
  households: number;
  replications: number;
  workers: number;
  seed: number;
  steps?: number;
}

export interface ExperimentTiming {
  /** Wall time of runExperiment: planning (the scenario resolved), worker start-up, runs, results. */
  wallMs: number;
  months: number;
  seeds: number[];
  /** Each replicate's outcomes, by replicate. */
  outcomes: Array<Record<string, number>>;
  /** Seconds from the start of the runs (after planning) to each run's end, in the order they ended. */
  runEnds: number[];
}

export interface ReplicateOutcome {
  repeat: number;
  replicate: number;
  seed: number;
  outcomes: Record<string, number>;
}

export interface WorkerRun {
  workers: number;
  /** Wall time of runExperiment summed over the repeats (worker start-up included). */
  wallMs: number;
  /** Each repeat's wall time, in repeat order. */
  experimentMs: number[];
  /** Each repeat's seconds from the start of its runs to its first run's end. */
  firstRunEndS: number[];
  replicationsPerSecond: number;
  householdStepsPerSecond: number;
  runs: ReplicateOutcome[];
}

export interface ReplicationsSize {
  replications: number;
  byWorkers: WorkerRun[];
  /** throughput(w) ÷ (w × throughput(1)) for each w > 1. */
  efficiency: Record<string, number>;
}

export interface ReplicationsResult {
  scenario: string;
  households: number;
  months: number;
  repeats: number;
  pool: string;
  sizes: ReplicationsSize[];
  /** Every replicate gives identical outcomes whatever the number of workers. */
  identicalAcrossWorkers: boolean;
}

const METRICS = ["employment_rate", "per_capita_income", "integration_index"];

/**
 * County-scale experiments through the engine's experiment API (runExperiment: worker threads,
 * or the calling thread for one worker) at each size and worker count. Each experiment runs in
 * a Node process of its own that has loaded the engine and run nothing, as one command does:
 * the calling thread's compiled code is as cold as the workers', and every experiment pays its
 * workers' start-up. Each size runs `repeats` times per worker count in the order 1, 2 | 2, 1
 * | …, so that a drift of the machine (other load, thermal) weighs on every worker count alike;
 * repeat k uses base seed baseSeed + k for every worker count.
 */
export async function runReplications(o: ReplicationsOptions, log: (s: string) => void = () => {}): Promise<ReplicationsResult> {
  const repeats = o.repeats ?? 2;
  const baseSeed = o.baseSeed ?? 1;
  let months = 0;
  const sizes: ReplicationsSize[] = [];
  for (const replications of o.replications) {
    const acc = new Map(o.workers.map((w) => [w, { wallMs: 0, experimentMs: [] as number[], firstRunEndS: [] as number[], runs: [] as ReplicateOutcome[] }]));
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const workers of repeat % 2 === 0 ? [...o.workers] : [...o.workers].reverse()) {
        const x = (await inChild<ExperimentTiming>("experiment", { households: o.households, replications, workers, seed: baseSeed + repeat, steps: o.steps } satisfies ExperimentOptions)).result;
        const a = acc.get(workers)!;
        a.wallMs += x.wallMs;
        a.experimentMs[repeat] = x.wallMs;
        a.firstRunEndS[repeat] = x.runEnds[0]!;
        months = x.months;
        x.outcomes.forEach((outcomes, r) => a.runs.push({ repeat, replicate: r, seed: x.seeds[r]!, outcomes }));
        log(`  ${replications} replications, ${workers} worker${workers > 1 ? "s" : ""}: ${(x.wallMs / 1000).toFixed(1)} s (first run ended at ${x.runEnds[0]!.toFixed(1)} s)`);
      }
    }
    const byWorkers: WorkerRun[] = o.workers.map((w) => {
      const a = acc.get(w)!;
      const done = replications * repeats;
      a.runs.sort((x, y) => x.repeat - y.repeat || x.replicate - y.replicate);
      return { workers: w, ...a, replicationsPerSecond: done / (a.wallMs / 1000), householdStepsPerSecond: (done * o.households * months) / (a.wallMs / 1000) };
    });
    const one = byWorkers.find((r) => r.workers === 1);
    const efficiency: Record<string, number> = {};
    if (one) for (const r of byWorkers) if (r.workers > 1) efficiency[r.workers] = r.replicationsPerSecond / (r.workers * one.replicationsPerSecond);
    sizes.push({ replications, byWorkers, efficiency });
  }
  const key = (runs: ReplicateOutcome[]) => JSON.stringify(runs.map((x) => [x.seed, x.outcomes]));
  return {
    scenario: benchScenario("historical").source,
    households: o.households,
    months,
    repeats,
    pool: "runExperiment (packages/core/src/experiment), each experiment in a process of its own: worker threads; 1 worker runs on the calling thread",
    sizes,
    identicalAcrossWorkers: sizes.every((s) => s.byWorkers.every((r) => key(r.runs) === key(s.byWorkers[0]!.runs))),
  };
}

/** One experiment, timed: the `experiment` piece (run by runReplications, each in a fresh process). */
export async function runReplicationExperiment(o: ExperimentOptions): Promise<ExperimentTiming> {
  const { scenario: base } = benchScenario("historical");
  const scenario: Scenario = o.steps === undefined ? base : { ...base, params: { ...base.params, horizon: { ...base.params?.horizon, months: o.steps } } };
  const runEnds: number[] = [];
  const t0 = performance.now();
  const exp = await runExperiment({
    scenarios: [scenario], replications: o.replications, seed: o.seed, scale: o.households, workers: o.workers, metrics: METRICS, groups: ["all"],
    onProgress: (p) => runEnds.push(p.seconds),
  });
  const wallMs = performance.now() - t0;
  const outcomes = exp.seeds.map((_, r) => Object.fromEntries(METRICS.map((m) => [m, exp.value(scenario.name, r, m)])));
  return { wallMs, months: exp.horizon.months, seeds: exp.seeds, outcomes, runEnds };
}
