import { createSimulation } from "../simulation.js";
import type { ResolvedScenario } from "../resolvedScenario.js";
import type { OutcomeSelection } from "./outcomeSelection.js";

export interface ReplicateTask {
  /** Index of the scenario in the experiment's list. */
  scenario: number;
  replicate: number;
  seed: number;
}

export interface ReplicateValues {
  /** values[(stepIndex * groups + group) * metrics + metric] of the selection; NaN where undefined. */
  values: Float64Array;
  sites: number;
}

/** One run of an experiment, kept compact: the selected outcomes as one typed array. */
export function runReplicate(scenario: ResolvedScenario, task: ReplicateTask, households: number, sel: OutcomeSelection): ReplicateValues {
  // Household and residence groups are collected only if the selection keeps one of them.
  const sim = createSimulation(scenario, { seed: task.seed, replicate: task.replicate, scale: households, groups: sel.groups });
  sim.run();
  const G = sel.groups.length;
  const M = sel.metrics.length;
  const values = new Float64Array(sel.steps.length * G * M);
  sel.steps.forEach((step, k) => {
    for (let g = 0; g < G; g++) {
      for (let m = 0; m < M; m++) values[(k * G + g) * M + m] = sim.metric(sel.metrics[m]!, sel.groups[g]!, step);
    }
  });
  sim.close();
  return { values, sites: sim.state.sites.count };
}
