import { csvField } from "../results/tidyRow.js";
import type { PairedDifference } from "./pairedDifference.js";

/** The cost columns of an effect (the last columns of effects.csv; experiment/costEffectiveness.ts fills them). */
export interface CostEffect {
  /** Paired difference of the public cost, yuan per household per year since the start, with its 95% CI. */
  cost_effect: number;
  cost_ci_low: number;
  cost_ci_high: number;
  /** Public money per unit of the outcome gained (NaN where undefined; the note says why). */
  cost_effectiveness: number;
  cost_effectiveness_unit: string;
  cost_effectiveness_note: string;
}

/**
 * A paired scenario-minus-baseline effect over replications at one step: one row of
 * effects.csv. The first twelve columns are the contract with @relocsim/report; the unpaired
 * interval (Welch, for the same runs) follows so the gain from pairing can be measured; then
 * the public cost of the effect and its cost-effectiveness (experiment/costEffectiveness.ts).
 */
export interface EffectRow extends PairedDifference, Partial<CostEffect> {
  scenario: string;
  baseline: string;
  group: string;
  metric: string;
  /** 1-based step; the state at the end of month `step`. */
  step: number;
  /** YYYY-MM of that month. */
  date: string;
}

export const EFFECT_COLUMNS = [
  "scenario", "baseline", "group", "metric", "step", "date", "n",
  "baseline_mean", "scenario_mean", "effect", "ci_low", "ci_high",
  "unpaired_ci_low", "unpaired_ci_high",
  "cost_effect", "cost_ci_low", "cost_ci_high", "cost_effectiveness", "cost_effectiveness_unit", "cost_effectiveness_note",
] as const;

/**
 * Columns `compare --posterior` appends to effects.csv (experiment/calibration/posteriorExperiment.ts):
 * the split of the effect's variance into a parameter and a stochastic part, the 95% interval
 * over posterior draws, which counts parameter uncertainty, and the 95% interval from chance
 * alone (the within-draw variance: what the interval would be with the parameters known).
 */
export const POSTERIOR_EFFECT_COLUMNS = ["parameter_variance", "stochastic_variance", "parameter_share", "draw_ci_low", "draw_ci_high", "stochastic_ci_low", "stochastic_ci_high"] as const;

/** An effect's posterior columns (POSTERIOR_EFFECT_COLUMNS), NaN where undefined. */
export type PosteriorEffect = Record<(typeof POSTERIOR_EFFECT_COLUMNS)[number], number>;

/**
 * effects.csv: numbers in JavaScript's shortest round-trip form; a cell is empty where its
 * value is undefined for lack of data (no pair has it; or one pair only, which gives an
 * effect but no interval), so no file relocsim writes holds NaN. `n` says which.
 */
export function effectsToCsv(rows: Iterable<EffectRow>): string {
  const out: string[] = [EFFECT_COLUMNS.join(",")];
  for (const r of rows) {
    out.push(
      `${csvField(r.scenario)},${csvField(r.baseline)},${csvField(r.group)},${r.metric},${r.step},${r.date},${r.n},` +
        `${cell(r.baseline_mean)},${cell(r.scenario_mean)},${cell(r.effect)},${cell(r.ci_low)},${cell(r.ci_high)},${cell(r.unpaired_ci_low)},${cell(r.unpaired_ci_high)},` +
        `${cell(r.cost_effect)},${cell(r.cost_ci_low)},${cell(r.cost_ci_high)},${cell(r.cost_effectiveness)},${csvField(r.cost_effectiveness_unit ?? "")},${csvField(r.cost_effectiveness_note ?? "")}`,
    );
  }
  return out.join("\n") + "\n";
}

function cell(x: number | undefined): string {
  return x !== undefined && Number.isFinite(x) ? String(x) : "";
}
