import { continueSimulation, type Simulation } from "../simulation.js";
import { readCheckpoint } from "./readCheckpoint.js";

export interface ResumeOptions {
  /** Threads stepping the resumed run: any number gives the same results. @default 1 */
  threads?: number;
  /** The checkpoint's name in errors (a CLI flag). @default "checkpoint" */
  field?: string;
}

/**
 * Continue the run a checkpoint was taken of (its scenario comes from the file): stepped to
 * the horizon, its results are byte for byte those of the run never interrupted.
 */
export function resumeSimulation(file: string, options: ResumeOptions = {}): Simulation {
  const { scenario, snapshot } = readCheckpoint(file, { field: options.field });
  return continueSimulation(scenario, snapshot, { threads: options.threads });
}
