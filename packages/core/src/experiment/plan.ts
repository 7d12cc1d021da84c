import { InputError, InputErrors } from "../errors.js";
import type { Scenario } from "../scenario.js";
import { isResolvedScenario, resolveScenario, type ResolvedScenario } from "../resolvedScenario.js";
import { checkExperimentFits, type Scale } from "../scale.js";
import { replicateSeed } from "../kernel/random.js";
import { resolveOutcomeSelection, type OutcomeSelection } from "./outcomeSelection.js";
import type { RunStore } from "./runStore.js";
import { checkExperimentOptions, experimentSpec } from "./experimentSpec.js";

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

/** An experiment's options checked and resolved: what every runner (threads, files, a queue) works from. */
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
