import { InputError, InputErrors } from "../errors.js";
import type { Scenario } from "../scenario.js";
import { isResolvedScenario, resolveScenario, type ResolvedScenario } from "../resolvedScenario.js";
import { checkExperimentFits, type Scale } from "../scale.js";
import { replicateSeed } from "../kernel/random.js";
import type { TidyRow } from "../results/tidyRow.js";
import { resolveOutcomeSelection, type OutcomeSelection } from "./outcomeSelection.js";
import { memoryRunStore, type RunStore } from "./runStore.js";
import { experimentTasks } from "./experimentTasks.js";
import { runTasks } from "./runTasks.js";
import { prestartTaskThreads } from "./workerPool.js";
import { assembleExperiment } from "./assembleExperiment.js";
import { checkExperimentOptions, experimentSpec } from "./experimentSpec.js";
import type { EffectRow } from "./effectRow.js";

/**
 * What an experiment runs and how. The options below `baseline` are declared (with defaults,
 * ranges and docs) in experimentSpec, which checks them.
 */
export interface ExperimentOptions {
  /** Every scenario of the experiment: resolved once (resolveScenario), or objects resolved here once. */
  scenarios: readonly (ResolvedScenario | Scenario)[];
  /**
   * The scenario the others are compared with: one of `scenarios` by name, or a scenario that
   * is added in front of them. @default the first of `scenarios`
   */
  baseline?: ResolvedScenario | Scenario | string;
  /** Replications per scenario; replicate r runs every scenario with seed replicateSeed(seed, r). @default 10 */
  replications?: number;
  /** Base seed of the replicate seeds. @default 1 */
  seed?: number;
  /** county (default), province, national, or a number of households. */
  scale?: Scale;
  /** Worker threads running replicates in parallel (1: run on this thread). Results never depend on it. @default the number of CPUs (at most the runs) */
  workers?: number;
  /** Population groups kept. @default ["all", "site:urban", "site:rural"] */
  groups?: readonly string[];
  /** Metrics kept. @default every metric */
  metrics?: readonly string[];
  /** Months between kept steps (the horizon is always kept). @default 12 (the end of each simulated year) */
  every?: number;
  /** Called after each run; `done` counts the runs the store held already. */
  onProgress?: (progress: { done: number; total: number; seconds: number }) => void;
  /**
   * Where finished runs are kept, and read back from for results; runs it holds already are
   * not run again. @default memory (memoryRunStore)
   */
  store?: RunStore;
  /** Stops the experiment: no run starts after it aborts, runs under way are dropped, and runExperiment rejects with the signal's reason. Finished runs stay in the store. */
  signal?: AbortSignal;
}

/** A scenario's description as results carry it. */
export interface ScenarioInfo {
  name: string;
  title: string;
  description: string;
  paperSections: string[];
}

export interface Experiment {
  /** Name of the baseline; effects are scenario − baseline. */
  readonly baseline: string;
  /** Baseline first, then the other scenarios in the order given. */
  readonly scenarios: ScenarioInfo[];
  readonly replications: number;
  readonly seed: number;
  /** Seed of each replicate, shared by every scenario (common random numbers). */
  readonly seeds: number[];
  readonly households: number;
  /** Sites of each scenario's population (scenario name → count). */
  readonly sites: Record<string, number>;
  readonly horizon: { start: string; months: number };
  readonly selection: OutcomeSelection;
  readonly workers: number;
  readonly seconds: number;
  /** Value of an outcome in one run (NaN where undefined); step defaults to the horizon. */
  value(scenario: string, replicate: number, metric: string, group?: string, step?: number): number;
  /** Every replicate's kept values at one kept step: [replicate][group × metrics + metric], NaN where undefined; step defaults to the horizon. */
  stepValues(scenario: string, step?: number): Float64Array[];
  /** Every run's kept outcomes as tidy rows (scenario, replicate, seed, step, date, group, metric, value). */
  rows(): IterableIterator<TidyRow>;
  /** The same rows as an array (built on first use). */
  readonly metrics: TidyRow[];
  /** Paired effect of each scenario against the baseline for every kept group, metric and step (computed on first use). */
  readonly effects: EffectRow[];
}

/**
 * Run every scenario with the same replicate seeds, on worker threads, and compare each with
 * the baseline. Replicate r of every scenario uses seed `replicateSeed(seed, r)`, and every
 * draw of the engine is keyed by (seed, process, month, entity, draw), so a policy that changes
 * one household's choices leaves every other person's, household's and site's draws alone: the
 * paired differences are mostly policy, not noise.
 * Runs are stored by (scenario, replicate), so results are identical for any number of workers.
 * Every scenario is validated before anything runs; bad input throws InputErrors.
 */
export async function runExperiment(options: ExperimentOptions): Promise<Experiment> {
  const started = performance.now();
  // Worker threads load their modules while this thread resolves the scenarios.
  prestartTaskThreads(threadsAskedFor(options));
  // The path every runner shares: plan → tasks → run each → results in task order.
  const plan = planExperiment(options);
  const tasks = experimentTasks(plan);
  const { selection } = plan;
  // Without a store on disk every kept value stays in memory: count it before running.
  if (!options.store) checkExperimentFits(plan.households, plan.workers, tasks.length * selection.steps.length * selection.groups.length * selection.metrics.length);
  const store = options.store ?? memoryRunStore();
  await runTasks(plan, tasks, store, { onProgress: options.onProgress, signal: options.signal });
  return assembleExperiment(plan, store, { workers: plan.workers, seconds: (performance.now() - started) / 1000 });
}

/** The worker threads an experiment's options ask for: 0 if it runs on this thread or its options are wrong (planExperiment says how). */
function threadsAskedFor(options: ExperimentOptions): number {
  if (typeof options !== "object" || options === null || !Array.isArray(options.scenarios)) return 0;
  const set = checkExperimentOptions(options, []);
  const d = experimentSpec.fields;
  const scenarios = options.scenarios.length + (options.baseline !== undefined && typeof options.baseline !== "string" ? 1 : 0);
  const threads = Math.min(set.workers ?? d.workers.default, (set.replications ?? d.replications.default) * scenarios);
  return threads > 1 ? threads : 0;
}

export interface Plan {
  /** Baseline first. */
  scenarios: ResolvedScenario[];
  baseline: number;
  replications: number;
  seed: number;
  seeds: number[];
  households: number;
  workers: number;
  horizon: { start: string; months: number };
  selection: OutcomeSelection;
}

/**
 * Validate an experiment's options completely (nothing runs until all of it is right). Each
 * scenario's parameters are resolved here, once, unless it comes resolved already.
 */
export function planExperiment(options: ExperimentOptions): Plan {
  if (typeof options !== "object" || options === null) throw new InputError("experiment options", options, "an object with scenarios");
  if (!Array.isArray(options.scenarios)) throw new InputError("scenarios", options.scenarios, "an array of scenarios");
  const given: unknown[] = [...options.scenarios];
  const nameOf = (s: unknown) => (typeof s === "object" && s !== null ? (s as { name?: unknown }).name : undefined);
  let baseline = 0;
  if (typeof options.baseline === "string") {
    baseline = given.findIndex((s) => nameOf(s) === options.baseline);
    if (baseline < 0) throw new InputError("baseline", options.baseline, `the name of one of the scenarios (${given.map(nameOf).join(", ")})`);
  } else if (options.baseline !== undefined) {
    given.unshift(options.baseline);
  }
  if (given.length < 1) throw new InputError("scenarios", given, "at least one scenario");
  const errors: InputError[] = [];
  const scenarios: ResolvedScenario[] = [];
  let horizon: { start: string; months: number } | undefined;
  const where = (i: number) => (options.baseline !== undefined && typeof options.baseline !== "string" ? (i === 0 ? "baseline" : `scenarios[${i - 1}]`) : `scenarios[${i}]`);
  const names = new Map<string, number>();
  given.forEach((raw, i) => {
    try {
      const sc = isResolvedScenario(raw) ? raw : resolveScenario(raw as Scenario, { where: where(i) });
      const h = { start: sc.params.horizon.start, months: sc.params.horizon.months };
      if (!horizon) horizon = h;
      else if (h.start !== horizon.start || h.months !== horizon.months) {
        throw new InputError(`${where(i)}.params.horizon`, h, `the horizon of ${where(0)} (start ${horizon.start}, ${horizon.months} months): paired effects compare the same months`);
      }
      const seen = names.get(sc.name);
      if (seen !== undefined) throw new InputError(`${where(i)}.name`, sc.name, `a name no other scenario of the experiment has (${where(seen)} has it)`);
      names.set(sc.name, i);
      scenarios.push(sc);
    } catch (e) {
      if (e instanceof InputErrors) errors.push(...e.errors);
      else if (e instanceof InputError) errors.push(e);
      else throw e;
    }
  });
  const set = checkExperimentOptions(options, errors);
  if (errors.length) throw new InputErrors(errors);
  // The baseline goes first in results (and in the report's colours).
  if (baseline > 0) scenarios.unshift(...scenarios.splice(baseline, 1));
  const d = experimentSpec.fields;
  const replications = set.replications ?? d.replications.default;
  const seed = set.seed ?? d.seed.default;
  const households = set.scale ?? d.scale.default;
  const runs = replications * scenarios.length;
  const workers = Math.min(set.workers ?? d.workers.default, runs);
  const selection = resolveOutcomeSelection(set, horizon!);
  const seeds = Array.from({ length: replications }, (_, r) => replicateSeed(seed, r));
  checkExperimentFits(households, workers);
  return { scenarios, baseline: 0, replications, seed, seeds, households, workers, horizon: horizon!, selection };
}
