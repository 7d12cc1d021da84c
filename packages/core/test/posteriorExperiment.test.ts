import { describe, expect, it } from "vitest";
import { stream, normal } from "../src/kernel/random.js";
import { planExperiment } from "../src/experiment/plan.js";
import { experimentTasks } from "../src/experiment/experimentTasks.js";
import { resolveScenario } from "../src/resolvedScenario.js";
import { posteriorPlan, posteriorParticle, varianceSplit, drawOfReplicate } from "../src/experiment/calibration/posteriorExperiment.js";
import { readPosterior, posteriorToCsv } from "../src/experiment/calibration/posteriorCsv.js";

const posterior = readPosterior(
  "generation,particle,weight,labour.farmingIncome,population.initialMigrantShare,distance\n" +
    "0,0,0.5,100,0.1,3\n0,1,0.5,200,0.1,2\n" +
    "1,0,0.2,150,0.05,1\n1,1,0.3,400,0.15,1.5\n1,2,0.5,600,0.2,0.5\n",
  "--posterior",
);

describe("compare --posterior", () => {
  it("readPosterior(csv) keeps the last generation with normalised weights; posteriorToCsv writes what it reads", () => {
    expect(posterior.generation).toBe(1);
    expect(posterior.parameters).toEqual(["labour.farmingIncome", "population.initialMigrantShare"]);
    expect(posterior.particles).toEqual([[150, 0.05], [400, 0.15], [600, 0.2]]);
    expect(posterior.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    const text = posteriorToCsv([{ generation: 0, tolerance: 1, particles: [[1, 2]], weights: [1], distances: [0.5], outcomes: [[0]], proposed: 1, acceptance: 1, ess: 1 }], ["a.b", "c.d"]);
    expect(readPosterior(text, "p")).toEqual({ parameters: ["a.b", "c.d"], generation: 0, particles: [[1, 2]], weights: [1] });
    expect(() => readPosterior("x,y\n1,2\n", "--posterior")).toThrow(/invalid --posterior header/);
  });

  it("posteriorPlan(plan, posterior) gives every scenario of replicate r the same draw and seed (pairing holds), pairs of replicates one draw", () => {
    const a = resolveScenario({ name: "a", params: { horizon: { months: 12 } } });
    const b = resolveScenario({ name: "b", params: { horizon: { months: 12 }, policies: { landRights: { enabled: true } } } });
    const plan = planExperiment({ scenarios: [a, b], replications: 8, seed: 4, scale: 100, workers: 1 });
    const pp = posteriorPlan(plan, posterior, "--posterior");
    const plain = experimentTasks(plan);
    expect(pp.tasks.map((t) => [t.index, t.replicate, t.seed, t.name])).toEqual(plain.map((t) => [t.index, t.replicate, t.seed, t.name]));
    for (let r = 0; r < plan.replications; r++) {
      const draw = pp.draws[r]!;
      expect(draw.draw).toBe(drawOfReplicate(r));
      expect(draw.particle).toBe(posteriorParticle(posterior, plan.seed, draw.draw));
      const ofR = pp.tasks.filter((t) => t.replicate === r);
      expect(ofR.length).toBe(2);
      for (const t of ofR) {
        const sc = pp.runPlan.scenarios[t.scenario]!;
        // The task's own scenario, at its replicate's draw.
        expect(sc.name).toBe(plan.scenarios[t.index % 2]!.name);
        expect(sc.params.labour.farmingIncome).toBe(posterior.particles[draw.particle]![0]);
        expect(sc.params.population.initialMigrantShare).toBe(posterior.particles[draw.particle]![1]);
      }
      expect(pp.runPlan.scenarios[ofR[1]!.scenario]!.params.policies.landRights.enabled).toBe(true);
      expect(pp.runPlan.scenarios[ofR[0]!.scenario]!.params.policies.landRights.enabled).toBe(false);
    }
    // Another posterior: the stored runs are not these (hashes differ).
    expect(pp.storePlan.scenarios.map((s) => s.hash)).not.toEqual(plan.scenarios.map((s) => s.hash));
    // Draws follow the weights: over many k, particle 2 (weight 0.5) about half the time.
    const n = 2000;
    const hits = Array.from({ length: n }, (_, k) => posteriorParticle(posterior, 1, k)).filter((p) => p === 2).length;
    expect(Math.abs(hits / n - 0.5)).toBeLessThan(0.04);
  });

  it("varianceSplit(d) recovers a parameter and a stochastic variance from pairs of replicates sharing a draw", () => {
    const r = stream(3, "split", "test");
    const d: number[] = [];
    for (let k = 0; k < 4000; k++) {
      const theta = 2 * normal(r); // parameter variance 4
      d.push(theta + normal(r), theta + normal(r)); // stochastic variance 1
    }
    const s = varianceSplit(d);
    expect(s.parameter_variance).toBeGreaterThan(3.7);
    expect(s.parameter_variance).toBeLessThan(4.3);
    expect(s.stochastic_variance).toBeGreaterThan(0.93);
    expect(s.stochastic_variance).toBeLessThan(1.07);
    expect(s.parameter_share).toBeCloseTo(0.8, 1);
    expect(s.draw_ci_low).toBeLessThan(0);
    expect(s.draw_ci_high).toBeGreaterThan(0);
    // Chance alone: mean ± t · √(1 / 8000), about ±0.022, inside the interval over draws (±0.06).
    const half = (s.stochastic_ci_high - s.stochastic_ci_low) / 2;
    expect(half).toBeGreaterThan(0.02);
    expect(half).toBeLessThan(0.024);
    expect(s.stochastic_ci_low).toBeGreaterThan(s.draw_ci_low);
    expect(s.stochastic_ci_high).toBeLessThan(s.draw_ci_high);
    expect(Number.isNaN(varianceSplit([1, 2, 3]).parameter_variance)).toBe(true);
  });
});
