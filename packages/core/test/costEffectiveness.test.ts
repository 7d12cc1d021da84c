import { describe, expect, it } from "vitest";
import { compare } from "../src/index.js";
import { EFFECT_COLUMNS, effectsToCsv, type EffectRow } from "../src/experiment/effectRow.js";
import { costEffectivenessTable, withCosts, COST_METRIC } from "../src/experiment/costEffectiveness.js";

const row = (metric: string, effect: number, ci: [number, number], extra: Partial<EffectRow> = {}): EffectRow => ({
  scenario: "a", baseline: "b", group: "all", metric, step: 12, date: "2016-12", n: 4,
  baseline_mean: 1, scenario_mean: 1 + effect, effect, ci_low: ci[0], ci_high: ci[1], unpaired_ci_low: ci[0], unpaired_ci_high: ci[1], ...extra,
});

describe("withCosts(effects): the cost and cost-effectiveness of each effect", () => {
  const base = [
    row(COST_METRIC, 600, [500, 700]),
    row("persons", 0, [0, 0], { baseline_mean: 4000 }),
    row("households", 0, [0, 0], { baseline_mean: 1000 }),
  ];

  it("divides the cost difference by the gain: yuan a year per person kept out of poverty", () => {
    const [, , , e] = withCosts([...base, row("poverty_rate", -0.02, [-0.03, -0.01])]);
    // 0.02 × 4 persons per household = 0.08 persons per household out of poverty; 600 / 0.08.
    expect(e!.cost_effect).toBe(600);
    expect([e!.cost_ci_low, e!.cost_ci_high]).toEqual([500, 700]);
    expect(e!.cost_effectiveness).toBeCloseTo(7500, 9);
    expect(e!.cost_effectiveness_unit).toMatch(/per person kept out of poverty/);
  });

  it("per percentage point of employment, and per yuan of income", () => {
    const [, , , emp, inc] = withCosts([...base, row("employment_rate", 0.03, [0.01, 0.05]), row("per_capita_income", 100, [50, 150])]);
    expect(emp!.cost_effectiveness).toBeCloseTo(200, 9);
    expect(inc!.cost_effectiveness).toBeCloseTo(600 / 400, 9);
  });

  it("leaves it undefined, with a note, where the effect's CI includes 0, where the outcome worsens at a higher cost, or without a CI", () => {
    const [, , , a, b, c] = withCosts([
      ...base,
      row("poverty_rate", -0.01, [-0.03, 0.01]),
      row("employment_rate", -0.02, [-0.03, -0.01]),
      row("per_capita_income", 50, [NaN, NaN], { n: 1 }),
    ]);
    expect(a!.cost_effectiveness).toBeNaN();
    expect(a!.cost_effectiveness_note).toMatch(/CI includes 0/);
    expect(b!.cost_effectiveness).toBeNaN();
    expect(b!.cost_effectiveness_note).toMatch(/dominated/);
    expect(c!.cost_effectiveness_note).toMatch(/no 95% CI/);
    const csv = effectsToCsv([a!]).split("\n");
    // Undefined values are empty cells; the note is quoted only if it needs to be.
    expect(csv[1]!.split(",").slice(EFFECT_COLUMNS.indexOf("cost_effectiveness"), EFFECT_COLUMNS.indexOf("cost_effectiveness") + 1)).toEqual([""]);
  });

  it("notes a gain at a lower cost as dominant", () => {
    const all = withCosts([row(COST_METRIC, -100, [-150, -50]), base[1]!, base[2]!, row("employment_rate", 0.01, [0.005, 0.015])]);
    const e = all[3];
    expect(e!.cost_effectiveness).toBeLessThan(0);
    expect(e!.cost_effectiveness_note).toMatch(/dominant/);
    expect(costEffectivenessTable(all, { scenarios: ["b", "a"], metrics: ["employment_rate"] })).toMatch(/a\s+−100\s+\[−150, −50\]\s+dominant/);
  });
});

describe("compare(...): effects.csv ends with the cost columns", () => {
  it("writes beside each effect the paired cost difference of the scenario, and prints a cost-effectiveness table", async () => {
    const horizon = { months: 24 };
    const x = await compare(
      { name: "base", params: { horizon } },
      [{ name: "promotion", params: { horizon, policies: { employmentPromotion: { enabled: true } } } }],
      { scale: 300, replications: 3, seed: 2, workers: 1 },
    );
    expect(EFFECT_COLUMNS.slice(-6)).toEqual(["cost_effect", "cost_ci_low", "cost_ci_high", "cost_effectiveness", "cost_effectiveness_unit", "cost_effectiveness_note"]);
    const cost = x.effects.find((e) => e.metric === COST_METRIC && e.step === 24 && e.group === "all")!;
    expect(cost.effect).toBeGreaterThan(0);
    const emp = x.effects.find((e) => e.metric === "employment_rate" && e.step === 24 && e.group === "all")!;
    expect(emp.cost_effect).toBe(cost.effect);
    const header = effectsToCsv(x.effects).split("\n")[0]!;
    expect(header.endsWith("cost_effectiveness,cost_effectiveness_unit,cost_effectiveness_note")).toBe(true);
    const text = costEffectivenessTable(x.effects, { scenarios: ["base", "promotion"] });
    expect(text).toMatch(/promotion\s+\+[\d,]+/);
  });
});
