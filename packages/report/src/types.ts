/**
 * The data contract between the simulation and the report, taken from the core package as
 * types only (erased at run time: the report reads a results directory without loading the
 * simulation).
 */
import type { TidyRow, EffectRow as CoreEffectRow } from "@relocsim/core";

export type { TidyRow };

/**
 * A paired scenario-minus-baseline effect over replications at one step: the first twelve
 * columns of effects.csv (the unpaired interval that follows them is optional here).
 */
export type EffectRow = Omit<CoreEffectRow, "unpaired_ci_low" | "unpaired_ci_high"> & Partial<Pick<CoreEffectRow, "unpaired_ci_low" | "unpaired_ci_high">>;

export interface ScenarioInfo {
  name: string;
  title: string;
  description: string;
  /** sections of the paper the scenario stands for, e.g. ["4.1(2)", "3.2"] */
  paperSections: string[];
}
