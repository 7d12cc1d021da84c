import type { CostEffect, EffectRow } from "./effectRow.js";

export type { CostEffect } from "./effectRow.js";

/** The public-cost metric the cost of an effect is read from (model/metricTable.ts). */
export const COST_METRIC = "policy_cost_per_household";

/**
 * The outcomes with a cost-effectiveness: which way is a gain, and how one household's effect
 * is turned into units of it (`perHousehold`: the effect per household, given the baseline's
 * persons per household). Cost is yuan per household per year since the start, so each ratio
 * is public money a year per unit of the outcome held at that step.
 */
const OUTCOMES: Record<string, { better: 1 | -1; unit: string; perHousehold: (effect: number, personsPerHousehold: number) => number }> = {
  poverty_rate: { better: -1, unit: "yuan a year per person kept out of poverty", perHousehold: (e, pph) => e * pph },
  poverty_relapse_rate: { better: -1, unit: "yuan per household a year per percentage point fewer relapses", perHousehold: (e) => e * 100 },
  employment_rate: { better: 1, unit: "yuan per household a year per percentage point of employment", perHousehold: (e) => e * 100 },
  households_with_employed_share: { better: 1, unit: "yuan per household a year per percentage point of households with an employed member", perHousehold: (e) => e * 100 },
  per_capita_income: { better: 1, unit: "yuan of public money per yuan of income", perHousehold: (e, pph) => e * pph },
  per_capita_income_median: { better: 1, unit: "yuan of public money per yuan of median income", perHousehold: (e, pph) => e * pph },
  integration_index: { better: 1, unit: "yuan per household a year per 0.01 of the integration index", perHousehold: (e) => e * 100 },
  occupancy_rate: { better: 1, unit: "yuan per household a year per percentage point of occupancy", perHousehold: (e) => e * 100 },
  return_rate: { better: -1, unit: "yuan per household a year per percentage point fewer returns", perHousehold: (e) => e * 100 },
  give_up_rate: { better: -1, unit: "yuan per household a year per percentage point fewer give-ups", perHousehold: (e) => e * 100 },
};

/** Outcomes with a cost-effectiveness, and its unit. */
export const COST_EFFECTIVENESS_UNITS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(OUTCOMES).map(([m, o]) => [m, o.unit]));

const empty = (note: string, unit = ""): Omit<CostEffect, "cost_effect" | "cost_ci_low" | "cost_ci_high"> => ({ cost_effectiveness: NaN, cost_effectiveness_unit: unit, cost_effectiveness_note: note });

/**
 * Each effect with its cost: the paired cost difference (the effect on `policy_cost_per_household`
 * at the same scenario, group and step) and the cost-effectiveness, cost difference / gain in
 * the outcome. Left undefined, with a note, where the effect's 95% CI includes 0 (or there is
 * no CI), where the scenario worsens the outcome at a higher cost, or where the cost was not
 * kept. A scenario that gains at no higher cost has cost-effectiveness ≤ 0 (noted as saving).
 */
export function withCosts(rows: readonly EffectRow[]): EffectRow[] {
  const key = (e: EffectRow, metric: string) => `${e.scenario}\u0000${e.group}\u0000${e.step}\u0000${metric}`;
  const byKey = new Map(rows.map((e) => [key(e, e.metric), e]));
  return rows.map((e) => ({ ...e, ...costOf(e, byKey.get(key(e, COST_METRIC)), byKey.get(key(e, "persons")), byKey.get(key(e, "households"))) }));
}

function costOf(e: EffectRow, cost: EffectRow | undefined, persons: EffectRow | undefined, households: EffectRow | undefined): CostEffect {
  const o = OUTCOMES[e.metric];
  if (!cost) return { cost_effect: NaN, cost_ci_low: NaN, cost_ci_high: NaN, ...empty(`cost not kept (keep ${COST_METRIC} among the metrics)`, o?.unit) };
  const c = { cost_effect: cost.effect, cost_ci_low: cost.ci_low, cost_ci_high: cost.ci_high };
  if (!o) return { ...c, ...empty("") };
  if (!Number.isFinite(e.ci_low) || !Number.isFinite(e.ci_high)) return { ...c, ...empty("undefined: no 95% CI for the effect (one replication)", o.unit) };
  if (e.ci_low <= 0 && e.ci_high >= 0) return { ...c, ...empty("undefined: the effect's 95% CI includes 0", o.unit) };
  const pph = persons && households && households.baseline_mean > 0 ? persons.baseline_mean / households.baseline_mean : NaN;
  const gain = o.perHousehold(o.better * e.effect, pph);
  if (!Number.isFinite(gain)) return { ...c, ...empty("undefined: persons per household not kept", o.unit) };
  if (gain < 0) return { ...c, ...empty(cost.effect > 0 ? "undefined: the scenario worsens the outcome at a higher cost (dominated)" : "undefined: the scenario worsens the outcome (saving public money)", o.unit) };
  const ratio = cost.effect / gain;
  return { ...c, cost_effectiveness: ratio, cost_effectiveness_unit: o.unit, cost_effectiveness_note: ratio <= 0 ? "gains the outcome at no higher public cost (dominant)" : "" };
}

/** A plain-text table: each scenario's cost difference at a step and its cost-effectiveness on a few outcomes. */
export function costEffectivenessTable(effects: readonly EffectRow[], options: { step?: number; group?: string; scenarios?: readonly string[]; metrics?: readonly string[] } = {}): string {
  const rows = effects.filter((e) => e.cost_effect !== undefined);
  if (rows.length === 0) return "";
  const step = options.step ?? Math.max(...rows.map((e) => e.step));
  const group = options.group ?? "all";
  const at = rows.filter((e) => e.step === step && e.group === group);
  const metrics = (options.metrics ?? ["poverty_rate", "employment_rate", "per_capita_income"]).filter((m) => at.some((e) => e.metric === m));
  const scenarios = options.scenarios?.slice(1) ?? [...new Set(at.map((e) => e.scenario))];
  const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "" : Math.round(x).toLocaleString("en"));
  // Yuan per yuan is a small ratio: two significant decimals below 10.
  const ratio = (x: number) => (Math.abs(x) < 10 ? x.toFixed(2) : fmt(x));
  const signed = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "n/a" : `${x > 0 ? "+" : x < 0 ? "−" : ""}${fmt(Math.abs(x))}`);
  const table: string[][] = [["", "cost", "95% CI", ...metrics]];
  for (const s of scenarios) {
    const cost = at.find((e) => e.scenario === s && e.metric === COST_METRIC);
    if (!cost) continue;
    const ci = Number.isFinite(cost.ci_low) ? `[${signed(cost.ci_low)}, ${signed(cost.ci_high)}]` : "";
    const ce = metrics.map((m) => {
      const e = at.find((x) => x.scenario === s && x.metric === m);
      if (!e || !Number.isFinite(e.cost_effectiveness ?? NaN)) return "–";
      return e.cost_effectiveness! <= 0 ? "dominant" : ratio(e.cost_effectiveness!);
    });
    table.push([`  ${s}`, signed(cost.effect), ci, ...ce]);
  }
  if (table.length === 1) return "";
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const lines = table.map((r) => r.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join("  ").trimEnd());
  const units = metrics.map((m) => `  ${m}: ${COST_EFFECTIVENESS_UNITS[m]}`);
  return [
    `Public cost (yuan per household per year since the start, scenario − baseline) and cost-effectiveness at ${rows.find((e) => e.step === step)!.date}`,
    `(– : undefined, the effect's 95% CI includes 0 or the outcome worsens; dominant: a gain at no higher cost; see effects.csv's cost_effectiveness_note):`,
    ...lines,
    ...units,
  ].join("\n") + "\n";
}
