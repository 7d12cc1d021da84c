import { csvField } from "../results/tidyRow.js";
import type { PairedDifference } from "./pairedDifference.js";

/**
 * A paired scenario-minus-baseline effect over replications at one step: one row of
 * effects.csv. The first twelve columns are the contract with @relocsim/report; the unpaired
 * interval (Welch, for the same runs) follows so the gain from pairing can be measured.
 */
export interface EffectRow extends PairedDifference {
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
] as const;

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
        `${cell(r.baseline_mean)},${cell(r.scenario_mean)},${cell(r.effect)},${cell(r.ci_low)},${cell(r.ci_high)},${cell(r.unpaired_ci_low)},${cell(r.unpaired_ci_high)}`,
    );
  }
  return out.join("\n") + "\n";
}

function cell(x: number): string {
  return Number.isFinite(x) ? String(x) : "";
}
