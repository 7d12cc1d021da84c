import { csvField } from "../results.js";
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
 * effects.csv: numbers in JavaScript's shortest round-trip form, NaN where a value is
 * undefined for lack of data (no pair has it, or one pair only). Without `intervals` (an
 * experiment of one replication, which has none) the interval cells are left empty.
 */
export function effectsToCsv(rows: Iterable<EffectRow>, options: { intervals?: boolean } = {}): string {
  const intervals = options.intervals ?? true;
  const out: string[] = [EFFECT_COLUMNS.join(",")];
  for (const r of rows) {
    const ci = intervals ? `${r.ci_low},${r.ci_high},${r.unpaired_ci_low},${r.unpaired_ci_high}` : ",,,";
    out.push(
      `${csvField(r.scenario)},${csvField(r.baseline)},${csvField(r.group)},${r.metric},${r.step},${r.date},${r.n},` +
        `${r.baseline_mean},${r.scenario_mean},${r.effect},${ci}`,
    );
  }
  return out.join("\n") + "\n";
}
