import { InputError, suggest } from "../errors.js";
import { GROUPS } from "../model/collect.js";
import { METRICS } from "../model/metricTable.js";
import { formatMonth, parseMonth } from "../params/resolve.js";

/** Which outcomes an experiment keeps from each run: a few groups, every metric, a step every so often. */
export interface OutcomeSelection {
  /** 1-based steps kept (always ending with the horizon). */
  steps: number[];
  /** YYYY-MM of each kept step. */
  dates: string[];
  groups: string[];
  metrics: string[];
}

/** Population groups an experiment keeps unless told otherwise: everyone, and urban vs rural sites. */
export const DEFAULT_GROUPS = ["all", "site:urban", "site:rural"] as const;
/** Months between kept steps unless told otherwise: the end of each simulated year. */
export const DEFAULT_EVERY = 12;

/**
 * Check and complete the outcome options of an experiment. Keeping every month of every group
 * for many runs is large (a county comparison would write over 100 MB of CSV), so by default
 * an experiment keeps three groups at the end of each simulated year and at the horizon.
 */
export function resolveOutcomeSelection(
  options: { groups?: readonly string[]; metrics?: readonly string[]; every?: number },
  horizon: { start: string; months: number },
  where: { groups: string; metrics: string; every: string } = { groups: "groups", metrics: "metrics", every: "every" },
): OutcomeSelection {
  const groups = checkList(options.groups ?? DEFAULT_GROUPS, GROUPS, where.groups, "group");
  const metrics = checkList(options.metrics ?? METRICS, METRICS, where.metrics, "metric");
  const every = options.every ?? DEFAULT_EVERY;
  if (!Number.isInteger(every) || every < 1 || every > 600) throw new InputError(where.every, every, "a whole number of months from 1 to 600 between kept steps");
  const steps: number[] = [];
  for (let k = every; k < horizon.months; k += every) steps.push(k);
  steps.push(horizon.months);
  const start = parseMonth(horizon.start);
  return { steps, dates: steps.map((k) => formatMonth(start + k - 1)), groups, metrics };
}

function checkList(values: readonly string[], known: readonly string[], where: string, what: string): string[] {
  if (!Array.isArray(values) || values.length === 0) throw new InputError(where, values, `a non-empty list of ${what}s (${known.join(", ")})`);
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (typeof v !== "string" || !known.includes(v)) {
      const s = typeof v === "string" ? suggest(v, known) : undefined;
      throw new InputError(`${where}[${i}]`, v, `a ${what}: one of ${known.join(", ")}`, s ? `did you mean '${s}'?` : undefined);
    }
    if (seen.has(v)) throw new InputError(`${where}[${i}]`, v, `each ${what} once (it is listed twice)`);
    seen.add(v);
  });
  return [...values];
}
