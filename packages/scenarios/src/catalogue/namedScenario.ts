import type { ParamsInput, Scenario } from "@relocsim/core";

/** What a named scenario stands for. */
export type ScenarioKind = "baseline" | "historical" | "strategy" | "contrast" | "lever";

/**
 * A scenario of the catalogue: a plain scenario (what the engine runs) plus why each value
 * was chosen. `notes` maps a parameter path ("policies.landRights" or
 * "environment.demandShock") to the paper section or published source behind it; scenario
 * files carry the notes as "$comment" keys and the README lists them.
 */
export interface NamedScenario extends Scenario {
  name: string;
  title: string;
  description: string;
  paperSections: string[];
  params: ParamsInput;
  kind: ScenarioKind;
  notes: Record<string, string>;
}

/** Define a named scenario (a typed identity: the compiler checks every parameter path). */
export function defineScenario(s: NamedScenario): NamedScenario {
  return s;
}
