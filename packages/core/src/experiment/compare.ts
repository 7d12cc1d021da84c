import { InputError } from "../errors.js";
import type { Scenario } from "../scenario.js";
import type { ResolvedScenario } from "../resolvedScenario.js";
import { runExperiment } from "./runExperiment.js";
import type { ExperimentOptions } from "./plan.js";
import type { Experiment } from "./experiment.js";

/**
 * Compare scenarios with a baseline over paired replications (common random numbers):
 * `compare(baseline, [a, b], { replications: 10 })` runs all three with the same seeds and
 * returns every run's outcomes and each scenario's effect with its 95% CI.
 */
export async function compare(baseline: ResolvedScenario | Scenario, scenarios: readonly (ResolvedScenario | Scenario)[], options: Omit<ExperimentOptions, "scenarios" | "baseline"> = {}): Promise<Experiment> {
  // With no scenarios there is no effect to estimate: an empty answer would look like "no effect".
  if (!Array.isArray(scenarios) || scenarios.length === 0) throw new InputError("scenarios", scenarios, "a non-empty array of scenarios to compare with the baseline");
  return runExperiment({ ...options, baseline, scenarios });
}
