import { describe, expect, it } from "vitest";
import { costTable, costEffectivenessTable } from "../src/costTables.ts";
import type { EffectRow, TidyRow } from "../src/types.ts";

const m = (scenario: string, metric: string, value: number, replicate = 0): TidyRow => ({ scenario, replicate, seed: replicate, step: 12, date: "2016-12", group: "all", metric, value });
const e = (scenario: string, metric: string, extra: Partial<EffectRow>): EffectRow => ({
  scenario, baseline: "base", group: "all", metric, step: 12, date: "2016-12", n: 2,
  baseline_mean: 0, scenario_mean: 0, effect: 0, ci_low: -1, ci_high: 1, ...extra,
});

describe("costTable(metrics)", () => {
  it("shows each lever that costs anything, per scenario, and the total", () => {
    const rows = [0, 1].flatMap((r) => [
      m("base", "policy_cost_per_household", 500, r), m("base", "policy_cost_industrial_support", 500, r), m("base", "policy_cost_grid_management", 0, r),
      m("grid", "policy_cost_per_household", 620, r), m("grid", "policy_cost_industrial_support", 500, r), m("grid", "policy_cost_grid_management", 120, r),
    ]);
    const html = costTable(rows, { scenarios: ["base", "grid"] });
    expect(html).toMatch(/Industrial support<\/th><td class="num">500<\/td><td class="num">500<\/td>/);
    expect(html).toMatch(/Grid management<\/th><td class="num">0<\/td><td class="num">120<\/td>/);
    expect(html).toMatch(/All levers<\/th><td class="num">500<\/td><td class="num">620<\/td>/);
    expect(costTable([m("base", "poverty_rate", 0.1)])).toBe("");
  });
});

describe("costEffectivenessTable(effects)", () => {
  it("shows the cost difference with its CI and the cost-effectiveness, – with the note where undefined", () => {
    const cost = { cost_effect: 120, cost_ci_low: 110, cost_ci_high: 130 };
    const html = costEffectivenessTable([
      e("grid", "poverty_rate", { ...cost, cost_effectiveness: 3000, cost_effectiveness_unit: "yuan a year per person kept out of poverty", cost_effectiveness_note: "" }),
      e("grid", "employment_rate", { ...cost, cost_effectiveness: NaN, cost_effectiveness_unit: "yuan per point", cost_effectiveness_note: "undefined: the effect's 95% CI includes 0" }),
    ], { scenarios: ["base", "grid"] });
    expect(html).toMatch(/<th scope="row">grid<\/th><td class="num">\+120<br><span class="ci">\+110 to \+130<\/span><\/td><td class="num">3,000<\/td>/);
    expect(html).toMatch(/title="undefined: the effect&#39;s 95% CI includes 0">–<\/td>|title="undefined: the effect&#x27;s 95% CI includes 0">–<\/td>|title="undefined: the effect's 95% CI includes 0">–<\/td>/);
    expect(costEffectivenessTable([e("grid", "poverty_rate", {})])).toBe("");
  });
});
