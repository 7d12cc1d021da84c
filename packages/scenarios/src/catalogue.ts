import { InputError, type Scenario } from "@relocsim/core";
import { suggest } from "@relocsim/core/engine";
import type { NamedScenario } from "./catalogue/namedScenario.js";
import { baseline } from "./catalogue/baseline.js";
import { historical } from "./catalogue/historical.js";
import { livelihoodLinkage } from "./catalogue/livelihoodLinkage.js";
import { policySupplements } from "./catalogue/policySupplements.js";
import { developmentPolicies } from "./catalogue/developmentPolicies.js";
import { fullStrategy } from "./catalogue/fullStrategy.js";
import { CONTRAST_SCENARIOS } from "./catalogue/contrasts.js";
import { LEVER_SCENARIOS } from "./catalogue/levers.js";

/**
 * Every named scenario, in the order the README lists them: the baseline, the historical
 * follow-up, the paper's three strategies and all of them together, the three diagnoses as
 * contrasts, and each lever on its own.
 */
export const CATALOGUE: readonly NamedScenario[] = [
  baseline, historical, livelihoodLinkage, policySupplements, developmentPolicies, fullStrategy,
  ...CONTRAST_SCENARIOS, ...LEVER_SCENARIOS,
];

const byName = new Map(CATALOGUE.map((s) => [s.name, s]));

/** Names of every named scenario. */
export function scenarioNames(): string[] {
  return CATALOGUE.map((s) => s.name);
}

/** A named scenario with its notes; unknown names get a did-you-mean. */
export function namedScenario(name: string, field = "scenario"): NamedScenario {
  const s = byName.get(name);
  if (s) return s;
  const near = suggest(name, byName.keys());
  throw new InputError(field, name, `the name of a scenario (${[...byName.keys()].filter((n) => !n.startsWith("lever.")).join(", ")}, lever.<lever>) or a path to a .json file`, near ? `did you mean '${near}'?` : undefined);
}

/** A named scenario as the engine runs it (a fresh copy): `createSimulation(scenario("historical"))`. */
export function scenario(name: string): Scenario {
  const s = namedScenario(name);
  return structuredClone({ name: s.name, title: s.title, description: s.description, paperSections: s.paperSections, params: s.params });
}

export function isNamedScenario(name: string): boolean {
  return byName.has(name);
}
