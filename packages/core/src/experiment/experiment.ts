import type { TidyRow } from "../results/tidyRow.js";
import type { OutcomeSelection } from "./outcomeSelection.js";
import type { EffectRow } from "./effectRow.js";

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
