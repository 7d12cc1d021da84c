import type { EffectRow, ScenarioInfo, TidyRow } from "./types.ts";
import { scenarioOrder } from "@relocsim/core/results";

/**
 * The one scenario order of a report (tables, legends, colours): the baseline, then the
 * described scenarios in their order, then any others found in the rows.
 */
export function reportScenarioOrder(input: {
  scenarios: readonly ScenarioInfo[];
  metrics: readonly TidyRow[];
  effects?: readonly EffectRow[];
  baseline?: string;
}): string[] {
  const preferred = [
    ...(input.baseline ? [input.baseline] : []),
    ...(input.effects ?? []).slice(0, 1).map((e) => e.baseline),
    ...input.scenarios.map((s) => s.name),
  ];
  return scenarioOrder([...input.scenarios.map((s) => ({ scenario: s.name })), ...input.metrics], preferred);
}
