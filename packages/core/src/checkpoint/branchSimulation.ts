import { InputError } from "../errors.js";
import { isResolvedScenario, resolveScenario, type ResolvedScenario } from "../resolvedScenario.js";
import type { Scenario } from "../scenario.js";
import { continueSimulation, type Simulation } from "../simulation.js";
import { readCheckpoint, type Checkpoint } from "./readCheckpoint.js";
import type { ResumeOptions } from "./resumeSimulation.js";

/**
 * A what-if branch: `scenario` continues from the state another scenario's run saved in a
 * checkpoint (the population as of that month and the rows collected so far), its own
 * parameters and time expressions in force from the next step on. Refused
 * when the two scenarios' populations differ (a `population.*` parameter or `horizon.start`):
 * the saved state was built for the other one.
 */
export function branchSimulation(file: string, scenario: ResolvedScenario | Scenario | Record<string, unknown>, options: ResumeOptions & { read?: Checkpoint } = {}): Simulation {
  const field = options.field ?? "checkpoint";
  const to = isResolvedScenario(scenario) ? scenario : resolveScenario(scenario);
  // `read`: the checkpoint already read from `file`, by a caller that records what it branched from.
  const { scenario: from, snapshot } = options.read ?? readCheckpoint(file, { field });
  const differs = structuralDifference(from, to);
  if (differs) throw new InputError(field, file, `a checkpoint of a scenario with the population of '${to.name}'`, `it is of '${from.name}', whose ${differs}`);
  return continueSimulation(to, snapshot, { threads: options.threads });
}

/** The first structural parameter two scenarios disagree on, described, or undefined. */
function structuralDifference(a: ResolvedScenario, b: ResolvedScenario): string | undefined {
  if (a.params.horizon.start !== b.params.horizon.start) return `horizon.start is ${a.params.horizon.start}, not ${b.params.horizon.start}`;
  const pa = a.params.population as unknown as Record<string, unknown>;
  const pb = b.params.population as unknown as Record<string, unknown>;
  for (const key of Object.keys(pa)) {
    if (JSON.stringify(pa[key]) !== JSON.stringify(pb[key])) return `population.${key} is ${JSON.stringify(pa[key])}, not ${JSON.stringify(pb[key])}`;
  }
  return undefined;
}
