import { createSimulation, type Simulation } from "../../packages/core/src/index.ts";
import type { Params } from "../../packages/core/src/params/types.ts";
import { parseMonth, timeScope } from "../../packages/core/src/params/resolve.ts";
import { stepContext, type StepContext } from "../../packages/core/src/model/context.ts";

/**
 * The shared starting point of the core-loop comparison: one synthetic population built and
 * advanced by the engine through its full schedule until every site has signed and most
 * households live at their site (2016-01 to 2019-12 by default). The engine's core loop and
 * both baselines then run the same months from this state: the engine in place, the
 * baselines from a copy into their own objects.
 */
export interface CoreSetup {
  sim: Simulation;
  params: Params;
  /** Engine step index of the first core-loop month. */
  firstStep: number;
  households: number;
  persons: number;
}

/** Full engine steps before the core loop: through 2019-12, when the last cohort has signed. */
export const WARMUP = 48;

/** Levers that switch on with `enabled` (the others choose a mode). */
const LEVERS = [
  "talentIntroduction", "entrepreneurshipSupport", "ecologicalLivability", "ruralCivilization", "effectiveGovernance", "transitionPeriod",
  "maintenanceFund", "dualRegistration", "collectiveAssets", "landRights", "employmentPromotion", "gridManagement", "housingAdjustment",
] as const;

/**
 * The comparison's scenario: every policy lever on (needs-based training), so that every
 * branch of the three processes is exercised and a baseline that missed a rule would disagree.
 */
export function coreScenario(months: number) {
  const policies: Record<string, Record<string, unknown>> = Object.fromEntries(LEVERS.map((k) => [k, { enabled: true }]));
  policies.vocationalTraining = { mode: "needsBased" };
  return {
    name: "bench-core",
    title: "Every lever on: the bench's core-loop comparison",
    params: { horizon: { months: Math.max(120, months) }, policies },
  };
}

export function prepareCore(households: number, seed: number, warmup: number, steps: number): CoreSetup {
  const sim = createSimulation(coreScenario(warmup + steps), { seed, scale: households });
  for (let k = 0; k < warmup; k++) sim.step();
  const H = sim.state.households;
  let persons = 0;
  for (let h = 0; h < H.count; h++) persons += H.size[h]!;
  return { sim, params: sim.params, firstStep: warmup, households: H.count, persons };
}

/** The step constants of core-loop month k (the same function the engine's schedule uses). */
export function coreContext(setup: CoreSetup, k: number): StepContext {
  return stepContext(setup.params, timeScope(parseMonth(setup.params.horizon.start), setup.firstStep + k));
}

/** Aggregate outcomes every implementation reports after each month. */
export interface CoreOutcomes {
  employment_rate: number;
  per_capita_income: number;
  integration_index: number;
}
export const CORE_METRICS = ["employment_rate", "per_capita_income", "integration_index"] as const;
