/**
 * The data contract between the simulation and the report, taken from the core package as
 * types only (erased at run time: the report reads a results directory without loading the
 * simulation).
 */
import type { TidyRow } from "@relocsim/core";
import type { ReadEffectRow } from "@relocsim/core/results";

export type { TidyRow };

/**
 * A paired scenario-minus-baseline effect over replications at one step: the first twelve
 * columns of effects.csv (the unpaired interval that follows them is optional here, and so are
 * the columns of a comparison run with --posterior: parameter_share, draw_ci_low, draw_ci_high …).
 */
export type EffectRow = ReadEffectRow;

export interface ScenarioInfo {
  name: string;
  title: string;
  description: string;
  /** sections of the paper the scenario stands for, e.g. ["4.1(2)", "3.2"] */
  paperSections: string[];
}
