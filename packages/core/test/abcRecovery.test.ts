import { describe, expect, it } from "vitest";
import { resolveScenario, withValues } from "../src/resolvedScenario.js";
import { runReplicate } from "../src/experiment/runReplicate.js";
import { resolveOutcomeSelection } from "../src/experiment/outcomeSelection.js";
import { replicateSeed } from "../src/kernel/random.js";
import { abcSmc } from "../src/experiment/calibration/abcSmc.js";
import { logUniformPrior } from "../src/experiment/calibration/prior.js";
import { weightedQuantile } from "../src/experiment/calibration/weightedStatistics.js";

describe("abcSmc on relocsim itself", () => {
  it("recovers labour.farmingIncome from the 2016 income it generated: the truth lies inside the 90% posterior interval", async () => {
    const base = resolveScenario({ name: "recovery", params: { horizon: { months: 12 } } });
    const sel = resolveOutcomeSelection({ groups: ["all"], metrics: ["per_capita_income"], every: 12 }, { start: "2016-01", months: 12 });
    const households = 300;
    const run = (farmingIncome: number, seed: number, replicate: number) =>
      runReplicate(withValues(base, { "labour.farmingIncome": farmingIncome }), { scenario: 0, replicate, seed }, households, sel).values[0]!;
    const truth = 300;
    // The "published" figure: the model at the truth with seeds the calibration never uses.
    const observed = run(truth, replicateSeed(999, 0), 0);
    const res = await abcSmc({
      priors: [logUniformPrior("labour.farmingIncome", 100, 900)],
      // The tolerance covers twice the model's own spread between seeds at this scale (about
      // 200 yuan at 300 households): every particle runs with the same seeds, so the tolerance
      // is the only place the chance difference between the data's seeds and these can go.
      targets: [{ value: observed, tolerance: 400 }],
      simulate: async (batch) => batch.map((r) => [run(r.values[0]!, replicateSeed(1, r.replicate), r.replicate)]),
      particles: 20,
      generations: 4,
      seed: 2,
      // Every particle runs with the same seeds (common random numbers), so the tolerance stands
      // for the error between the model and the figure: fitting closer than one tolerance would
      // fit the noise of those seeds.
      minTolerance: 1,
    });
    const g = res.generations[res.generations.length - 1]!;
    const x = g.particles.map((p) => p[0]!);
    const lo = weightedQuantile(x, g.weights, 0.05);
    const hi = weightedQuantile(x, g.weights, 0.95);
    expect(lo).toBeLessThanOrEqual(truth);
    expect(hi).toBeGreaterThanOrEqual(truth);
    // Narrower than the prior: the 2016 income identifies the farming income.
    expect(hi / lo).toBeLessThan(3);
  }, 300_000);
});
