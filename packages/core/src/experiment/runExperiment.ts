import { InputError, InputErrors } from "../errors.js";
import type { Scenario } from "../scenario.js";
import { isResolvedScenario, resolveScenario, scenarioData, type ResolvedScenario } from "../resolvedScenario.js";
import type { Scale } from "../scale.js";
import { replicateSeed } from "../kernel/random.js";
import type { TidyRow } from "../results.js";
import { resolveOutcomeSelection, type OutcomeSelection } from "./outcomeSelection.js";
import { runReplicate, type ReplicateTask, type ReplicateValues } from "./runReplicate.js";
import { runWorkerPool } from "./workerPool.js";
import { pairedDifference } from "./pairedDifference.js";
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
  /** Called after each run. */
  onProgress?: (progress: { done: number; total: number; seconds: number }) => void;
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
  /** Every run's kept outcomes as tidy rows (scenario, replicate, seed, step, date, group, metric, value). */
  rows(): IterableIterator<TidyRow>;
  /** The same rows as an array (built on first use). */
  readonly metrics: TidyRow[];
  /** Paired effect of each scenario against the baseline for every kept group, metric and step. */
  readonly effects: EffectRow[];
}

/**
 * Run every scenario with the same replicate seeds, on worker threads, and compare each with
 * the baseline. Replicate r of every scenario uses seed `replicateSeed(seed, r)`, and the
 * engine draws from streams per (seed, site, process), so a policy that changes one process
 * leaves the other processes' draws alone: the paired differences are mostly policy, not noise.
 * Runs are stored by (scenario, replicate), so results are identical for any number of workers.
 * Every scenario is validated before anything runs; bad input throws InputErrors.
 */
export async function runExperiment(options: ExperimentOptions): Promise<Experiment> {
  const started = performance.now();
  const plan = planExperiment(options);
  const { scenarios, selection, households, replications, seeds } = plan;
  const tasks: ReplicateTask[] = [];
  for (let r = 0; r < replications; r++) for (let s = 0; s < scenarios.length; s++) tasks.push({ scenario: s, replicate: r, seed: seeds[r]! });
  const values: Float64Array[][] = scenarios.map(() => new Array<Float64Array>(replications));
  const sites: Record<string, number> = {};
  let done = 0;
  const store = (index: number, result: ReplicateValues) => {
    const t = tasks[index]!;
    values[t.scenario]![t.replicate] = result.values;
    sites[scenarios[t.scenario]!.name] = result.sites;
    done++;
    options.onProgress?.({ done, total: tasks.length, seconds: (performance.now() - started) / 1000 });
  };
  const workers = plan.workers;
  if (workers === 1) {
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i]!;
      store(i, runReplicate(scenarios[t.scenario]!, t, households, selection));
      // Let timers and output (a progress bar) run between runs.
      await new Promise((r) => setImmediate(r));
    }
  } else {
    await runWorkerPool<ReplicateTask, ReplicateValues>(
      new URL("./experimentWorker.js", import.meta.url),
      { scenarios: scenarios.map(scenarioData), households, selection },
      tasks,
      workers,
      store,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  return new Results(plan, values, sites, workers, seconds);
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
  return { scenarios, baseline: 0, replications, seed, seeds, households, workers, horizon: horizon!, selection };
}

class Results implements Experiment {
  readonly baseline: string;
  readonly scenarios: ScenarioInfo[];
  readonly replications: number;
  readonly seed: number;
  readonly seeds: number[];
  readonly households: number;
  readonly horizon: { start: string; months: number };
  readonly selection: OutcomeSelection;
  readonly effects: EffectRow[];
  private cachedRows?: TidyRow[];

  constructor(
    plan: Plan,
    private readonly values: Float64Array[][],
    readonly sites: Record<string, number>,
    readonly workers: number,
    readonly seconds: number,
  ) {
    this.baseline = plan.scenarios[0]!.name;
    this.scenarios = plan.scenarios.map((s) => ({ name: s.name, title: s.title, description: s.description, paperSections: [...s.paperSections] }));
    this.replications = plan.replications;
    this.seed = plan.seed;
    this.seeds = plan.seeds;
    this.households = plan.households;
    this.horizon = plan.horizon;
    this.selection = plan.selection;
    this.effects = this.computeEffects();
  }

  private cell(s: number, r: number, k: number, g: number, m: number): number {
    const { groups, metrics } = this.selection;
    return this.values[s]![r]![(k * groups.length + g) * metrics.length + m]!;
  }

  value(scenario: string, replicate: number, metric: string, group = "all", step = this.horizon.months): number {
    const s = this.scenarios.findIndex((x) => x.name === scenario);
    const { steps, groups, metrics } = this.selection;
    const k = steps.indexOf(step);
    const g = groups.indexOf(group);
    const m = metrics.indexOf(metric);
    if (s < 0) throw new InputError("scenario", scenario, `one of ${this.scenarios.map((x) => x.name).join(", ")}`);
    if (!Number.isInteger(replicate) || replicate < 0 || replicate >= this.replications) throw new InputError("replicate", replicate, `a replicate from 0 to ${this.replications - 1}`);
    if (m < 0) throw new InputError("metric", metric, `one of the kept metrics ${metrics.join(", ")}`);
    if (g < 0) throw new InputError("group", group, `one of the kept groups ${groups.join(", ")}`);
    if (k < 0) throw new InputError("step", step, `one of the kept steps ${steps.join(", ")}`);
    return this.cell(s, replicate, k, g, m);
  }

  *rows(): IterableIterator<TidyRow> {
    const { steps, dates, groups, metrics } = this.selection;
    for (let s = 0; s < this.scenarios.length; s++) {
      const scenario = this.scenarios[s]!.name;
      for (let r = 0; r < this.replications; r++) {
        const seed = this.seeds[r]!;
        for (let k = 0; k < steps.length; k++) {
          for (let g = 0; g < groups.length; g++) {
            for (let m = 0; m < metrics.length; m++) {
              const value = this.cell(s, r, k, g, m);
              if (Number.isNaN(value)) continue;
              yield { scenario, replicate: r, seed, step: steps[k]!, date: dates[k]!, group: groups[g]!, metric: metrics[m]!, value };
            }
          }
        }
      }
    }
  }

  get metrics(): TidyRow[] {
    return (this.cachedRows ??= [...this.rows()]);
  }

  private computeEffects(): EffectRow[] {
    const { steps, dates, groups, metrics } = this.selection;
    const R = this.replications;
    const rows: EffectRow[] = [];
    const b = new Float64Array(R);
    const x = new Float64Array(R);
    for (let s = 1; s < this.scenarios.length; s++) {
      for (let g = 0; g < groups.length; g++) {
        for (let m = 0; m < metrics.length; m++) {
          for (let k = 0; k < steps.length; k++) {
            for (let r = 0; r < R; r++) {
              b[r] = this.cell(0, r, k, g, m);
              x[r] = this.cell(s, r, k, g, m);
            }
            const d = pairedDifference(b, x);
            if (d.n === 0) continue;
            rows.push({ scenario: this.scenarios[s]!.name, baseline: this.baseline, group: groups[g]!, metric: metrics[m]!, step: steps[k]!, date: dates[k]!, ...d });
          }
        }
      }
    }
    return rows;
  }
}

