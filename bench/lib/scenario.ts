import type { Scenario } from "../../packages/core/src/index.ts";
import { isNamedScenario, scenario } from "../../packages/scenarios/src/index.ts";

export interface BenchScenario {
  scenario: Scenario;
  /** Where it came from, for the report. */
  source: string;
}

/**
 * The scenario of the national run and the replications: the `historical` scenario of
 * @relocsim/scenarios (follow-up support as implemented 2016-2020), or the model's default
 * policies if the catalogue does not have it.
 */
export function benchScenario(name = "historical"): BenchScenario {
  if (isNamedScenario(name)) return { scenario: scenario(name), source: `${name} (@relocsim/scenarios)` };
  return { scenario: { name: "defaults" }, source: `model defaults (no '${name}' scenario in @relocsim/scenarios)` };
}
