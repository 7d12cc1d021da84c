import { median } from "simple-statistics";
import type { EffectRow } from "./effectRow.js";

/** How much narrower the paired intervals are than unpaired ones for the same runs. */
export interface PairingGain {
  scenario: string;
  group: string;
  step: number;
  /** Outcomes with both intervals of positive width. */
  outcomes: number;
  /** Median over outcomes of unpaired width / paired width. */
  medianWidthRatio: number;
  /** The same ratio's range over outcomes. */
  minWidthRatio: number;
  maxWidthRatio: number;
  /** Replications an unpaired design would need for the paired width: n × ratio², median over outcomes. */
  medianReplicationsFactor: number;
}

/**
 * The variance reduction common random numbers buy, measured on the effects themselves: for
 * each scenario, the ratio of the unpaired (Welch) to the paired CI width over the outcomes of
 * one group at one step (by default every step's last: the horizon).
 */
export function pairingGain(effects: readonly EffectRow[], options: { group?: string; step?: number } = {}): PairingGain[] {
  const group = options.group ?? "all";
  const step = options.step ?? Math.max(...effects.map((e) => e.step));
  const by = new Map<string, number[]>();
  for (const e of effects) {
    if (e.group !== group || e.step !== step) continue;
    const paired = e.ci_high - e.ci_low;
    const unpaired = e.unpaired_ci_high - e.unpaired_ci_low;
    if (!(paired > 0) || !(unpaired > 0)) continue;
    const list = by.get(e.scenario) ?? [];
    list.push(unpaired / paired);
    by.set(e.scenario, list);
  }
  return [...by].map(([scenario, ratios]) => ({
    scenario, group, step, outcomes: ratios.length,
    medianWidthRatio: median(ratios),
    minWidthRatio: Math.min(...ratios),
    maxWidthRatio: Math.max(...ratios),
    medianReplicationsFactor: median(ratios.map((x) => x * x)),
  }));
}
