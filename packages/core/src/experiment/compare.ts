import type { Scenario } from "../scenario.js";
import type { ResolvedScenario } from "../resolvedScenario.js";
import { runExperiment, type Experiment, type ExperimentOptions } from "./runExperiment.js";

/**
 * Compare scenarios with a baseline over paired replications (common random numbers):
 * `compare(baseline, [a, b], { replications: 10 })` runs all three with the same seeds and
 * returns every run's outcomes and each scenario's effect with its 95% CI.
 */
export function compare(baseline: ResolvedScenario | Scenario, scenarios: readonly (ResolvedScenario | Scenario)[], options: Omit<ExperimentOptions, "scenarios" | "baseline"> = {}): Promise<Experiment> {
  return runExperiment({ ...options, baseline, scenarios });
}
