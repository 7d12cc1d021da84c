/**
 * The data contract between the simulation and the report. The core package produces
 * these shapes; the report declares them itself (structurally identical) so it can be
 * used on a results directory without loading the simulation.
 */

/** One observation of one metric: the long format every result is written in. */
export interface TidyRow {
  scenario: string;
  replicate: number;
  seed: number;
  step: number;
  /** "YYYY-MM" */
  date: string;
  /** "all", "site:urban", "site:rural", "cohort:2016" … */
  group: string;
  metric: string;
  value: number;
}

/** A paired scenario-minus-baseline effect over replications at one step. */
export interface EffectRow {
  scenario: string;
  baseline: string;
  group: string;
  metric: string;
  step: number;
  date: string;
  /** number of replications */
  n: number;
  baseline_mean: number;
  scenario_mean: number;
  /** mean paired difference, scenario − baseline */
  effect: number;
  /** 95% confidence interval of the paired difference */
  ci_low: number;
  ci_high: number;
}

export interface ScenarioInfo {
  name: string;
  title: string;
  description: string;
  /** sections of the paper the scenario stands for, e.g. ["4.1(2)", "3.2"] */
  paperSections: string[];
}
