import { InputError, InputErrors } from "../errors.js";
import { formatMonth, parseMonth } from "../params/resolve.js";
import { checkExperimentOptions, experimentSpec, type ExperimentOptionName } from "./experimentSpec.js";

/** Which outcomes an experiment keeps from each run: a few groups, every metric, a step every so often. */
export interface OutcomeSelection {
  /** 1-based steps kept (always ending with the horizon). */
  steps: number[];
  /** YYYY-MM of each kept step. */
  dates: string[];
  groups: string[];
  metrics: string[];
}

/**
 * Check and complete the outcome options of an experiment for its horizon. Keeping every
 * month of every group for many runs is large (a county comparison would write over 100 MB
 * of CSV), so by default an experiment keeps three groups at the end of each simulated year
 * and at the horizon (experimentSpec's defaults).
 */
export function resolveOutcomeSelection(
  options: { groups?: readonly string[]; metrics?: readonly string[]; every?: number },
  horizon: { start: string; months: number },
  field: (name: ExperimentOptionName) => string = (name) => name,
): OutcomeSelection {
  const errors: InputError[] = [];
  const given = checkExperimentOptions({ groups: options.groups, metrics: options.metrics, every: options.every }, errors, field);
  if (errors.length) throw new InputErrors(errors);
  const { groups, metrics, every } = experimentSpec.fields;
  const steps: number[] = [];
  const step = given.every ?? every.default;
  for (let k = step; k < horizon.months; k += step) steps.push(k);
  steps.push(horizon.months);
  const start = parseMonth(horizon.start);
  return { steps, dates: steps.map((k) => formatMonth(start + k - 1)), groups: given.groups ?? [...groups.default], metrics: given.metrics ?? [...metrics.default] };
}
