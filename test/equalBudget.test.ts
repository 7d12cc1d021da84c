import { describe, expect, it } from "vitest";
import { createSimulation } from "../packages/core/src/index.ts";
import { scenario } from "../packages/scenarios/src/index.ts";

/** Industrial support's public cost at the horizon (yuan per household per year since the start). */
function industrialCost(name: string, seed: number): number {
  const s = createSimulation(scenario(name), { seed, scale: 2000 });
  while (!s.done) s.step();
  return s.metric("policy_cost_industrial_support", "all", s.stepsDone);
}

describe("the 3.2 contrast at an equal budget", () => {
  it("industrial-long-term-equal-budget spends on industrial support what the baseline's short-term subsidy spends, within 2%, as its description says (the plain long-term scenario spends twice as much)", () => {
    for (const seed of [1, 7]) {
      const short = industrialCost("industrial-short-term", seed);
      const equal = industrialCost("industrial-long-term-equal-budget", seed);
      const long = industrialCost("industrial-long-term", seed);
      expect(short).toBeGreaterThan(0);
      expect(Math.abs(equal / short - 1), `seed ${seed}: ${equal} vs ${short}`).toBeLessThan(0.02);
      expect(long / short).toBeGreaterThan(1.5);
    }
  });
});
