import { availableParallelism } from "node:os";
import { InputError } from "../errors.js";
import { group, list, num, type LeafSpec, type Resolved } from "../params/spec.js";
import { checkLeaf } from "../params/checkLeaf.js";
import { GROUPS } from "../model/collect.js";
import { METRICS } from "../model/metricTable.js";
import { scaleSpec } from "../scale.js";

const DESIGN = "experiment design";

/**
 * How an experiment runs, declared once like the model's parameters: planExperiment checks
 * options against it, comparison files are validated and given their JSON Schema from it,
 * and the command's flags take their parsing, default and range in --help from it.
 */
export const experimentSpec = group("How an experiment runs: replications, seeds, size, and which outcomes it keeps", {
  replications: num(10, { min: 1, max: 100_000, integer: true, timeVarying: false }, DESIGN, "Replications per scenario; replicate r of every scenario uses the same seed (common random numbers)"),
  // One range for every seed (a run's, an experiment's base seed, the replicate seeds derived
  // from it), so any seed a result records can be given back to the command.
  seed: num(1, { min: 0, max: 2 ** 31 - 1, integer: true, timeVarying: false }, DESIGN, "Seed of a run, or base seed of an experiment's replicate seeds"),
  scale: scaleSpec,
  groups: list(GROUPS, ["all", "site:urban", "site:rural"], "group", DESIGN, "Population groups kept"),
  metrics: list(METRICS, METRICS, "metric", DESIGN, "Metrics kept"),
  every: num(12, { min: 1, max: 600, integer: true, timeVarying: false, unit: "months" }, DESIGN, "Months between kept steps; the horizon is always kept (12: the end of each simulated year; 1: every month)"),
  workers: num(availableParallelism(), { min: 1, max: 256, integer: true, timeVarying: false }, DESIGN, "Worker threads running replicates in parallel (1: this thread; default: the CPUs here); results never depend on it"),
});

export type ExperimentSettings = Resolved<typeof experimentSpec>;
export type ExperimentOptionName = keyof ExperimentSettings;

/** Population groups an experiment keeps unless told otherwise: everyone, and urban vs rural sites. */
export const DEFAULT_GROUPS = experimentSpec.fields.groups.default;
/** Months between kept steps unless told otherwise: the end of each simulated year. */
export const DEFAULT_EVERY = experimentSpec.fields.every.default;

/**
 * Check the experiment options given in `input` (those missing keep their defaults later).
 * Every problem is collected; `field` names an option in messages ("seed", "--seed").
 */
export function checkExperimentOptions(
  input: Partial<Record<ExperimentOptionName, unknown>>,
  errors: InputError[],
  field: (name: ExperimentOptionName) => string = (name) => name,
): Partial<ExperimentSettings> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(experimentSpec.fields) as Array<[ExperimentOptionName, LeafSpec]>) {
    if (input[name] === undefined) continue;
    const v = checkLeaf(spec, input[name], field(name));
    if (v instanceof InputError) errors.push(v);
    else out[name] = v;
  }
  return out as Partial<ExperimentSettings>;
}
