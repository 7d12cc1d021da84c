import { describe, expect, it } from "vitest";
import { stream, normal } from "../src/kernel/random.js";
import { abcSmc, type AbcRun } from "../src/experiment/calibration/abcSmc.js";
import { normalPrior, uniformPrior, logUniformPrior } from "../src/experiment/calibration/prior.js";
import { perturbationKernel } from "../src/experiment/calibration/perturbationKernel.js";
import { effectiveSampleSize, weightedMean, weightedVariance } from "../src/experiment/calibration/weightedStatistics.js";
import { targetDistance } from "../src/experiment/calibration/targetDistance.js";
import { normalCdf } from "../src/experiment/calibration/normalDistribution.js";

/** The mean of n draws from N(θ, 1), drawn from a stream keyed by the run (deterministic for any batching). */
function sampleMean(n: number) {
  return async (batch: readonly AbcRun[]) =>
    batch.map((run) => {
      const r = stream(7, `g${run.generation}p${run.particle}`, `rep${run.replicate}`);
      let s = 0;
      for (let i = 0; i < n; i++) s += run.values[0]! + normal(r);
      return [s / n];
    });
}

/** The same, from one stream per generation (batches come in a fixed order, so this is deterministic too). */
function fastSampleMean(n: number) {
  const streams = new Map<number, ReturnType<typeof stream>>();
  return async (batch: readonly AbcRun[]) =>
    batch.map((run) => {
      let r = streams.get(run.generation);
      if (!r) streams.set(run.generation, (r = stream(7, "data", `g${run.generation}`)));
      // The sample mean of n draws from N(θ, 1) is N(θ, 1/n).
      return [run.values[0]! + normal(r) / Math.sqrt(n)];
    });
}

describe("abcSmc", () => {
  it("abcSmc({normal prior, sample-mean data}) recovers the conjugate normal posterior's mean and variance", async () => {
    // θ ~ N(0, 2²); y_1..n ~ N(θ, 1), n = 10, observed mean 1: posterior N(v·n·ȳ, v), v = 1/(1/4 + 10).
    const n = 10;
    const ybar = 1;
    const v = 1 / (1 / 4 + n);
    const res = await abcSmc({
      priors: [normalPrior("theta", 0, 2)],
      targets: [{ value: ybar, tolerance: 1 / Math.sqrt(n) }],
      simulate: fastSampleMean(n),
      particles: 1000,
      generations: 10,
      seed: 3,
      minAcceptance: 0.005,
    });
    const g = res.generations[res.generations.length - 1]!;
    const x = g.particles.map((p) => p[0]!);
    expect(g.tolerance).toBeLessThan(0.05);
    // Monte Carlo error of the mean: sd/√ESS ≈ 0.31/√500 ≈ 0.014; ±0.05 is > 3 of them.
    expect(Math.abs(weightedMean(x, g.weights) - v * n * ybar)).toBeLessThan(0.05);
    expect(weightedVariance(x, g.weights) / v).toBeGreaterThan(0.8);
    expect(weightedVariance(x, g.weights) / v).toBeLessThan(1.25);
    expect(g.ess).toBeGreaterThan(200);
    // Tolerances shrink generation by generation.
    for (let t = 2; t < res.generations.length; t++) expect(res.generations[t]!.tolerance).toBeLessThan(res.generations[t - 1]!.tolerance);
  });

  it("abcSmc(two parameters, one identified) concentrates the identified one and leaves the other at its prior", async () => {
    const res = await abcSmc({
      priors: [uniformPrior("a", 0, 10), uniformPrior("b", 0, 1)],
      targets: [{ value: 4, tolerance: 0.1 }],
      // The outcome is a + noise; b plays no part.
      simulate: async (batch) => batch.map((run) => [run.values[0]! + 0.05 * normal(stream(1, `g${run.generation}p${run.particle}`, "x"))]),
      particles: 600,
      generations: 6,
      seed: 11,
    });
    const g = res.generations[res.generations.length - 1]!;
    const a = g.particles.map((p) => p[0]!);
    const b = g.particles.map((p) => p[1]!);
    expect(Math.abs(weightedMean(a, g.weights) - 4)).toBeLessThan(0.05);
    expect(Math.sqrt(weightedVariance(a, g.weights))).toBeLessThan(0.15);
    // b: uniform(0, 1) has mean 0.5 and variance 1/12.
    expect(Math.abs(weightedMean(b, g.weights) - 0.5)).toBeLessThan(0.06);
    expect(Math.abs(weightedVariance(b, g.weights) - 1 / 12)).toBeLessThan(0.015);
    for (const x of b) expect(x >= 0 && x <= 1).toBe(true);
  });

  it("abcSmc(options) is deterministic for a seed and differs between seeds; a resumed run equals an uninterrupted one", async () => {
    const opts = { priors: [uniformPrior("a", 0, 10)], targets: [{ value: 4, tolerance: 0.5 }], simulate: sampleMean(4), particles: 50, generations: 4 };
    const a = await abcSmc({ ...opts, seed: 5 });
    const b = await abcSmc({ ...opts, seed: 5 });
    const c = await abcSmc({ ...opts, seed: 6 });
    expect(b).toEqual(a);
    expect(c.generations[1]!.particles).not.toEqual(a.generations[1]!.particles);
    const calls: number[] = [];
    const resumed = await abcSmc({ ...opts, seed: 5, previous: a.generations.slice(0, 2), simulate: async (batch) => (calls.push(batch[0]!.generation), opts.simulate(batch)) });
    expect(resumed).toEqual(a);
    expect(Math.min(...calls)).toBe(2);
  });

  it("abcSmc averages replicates and stops when acceptance would fall below minAcceptance", async () => {
    const seen: number[] = [];
    const res = await abcSmc({
      priors: [uniformPrior("a", 0, 1)],
      targets: [{ value: 5, tolerance: 1 }],
      // Never near the target: distance ≥ 4, generation 1 accepts only half, and so on until the budget runs out.
      simulate: async (batch) => batch.map((r) => (seen.push(r.replicate), [r.values[0]! + (r.replicate === 0 ? -0.001 : 0.001)])),
      particles: 20,
      generations: 50,
      replications: 2,
      seed: 1,
      minAcceptance: 0.2,
    });
    expect(new Set(seen)).toEqual(new Set([0, 1]));
    expect(res.generations[0]!.outcomes[0]![0]).toBeCloseTo(res.generations[0]!.particles[0]![0]!, 12);
    expect(res.stopped === "acceptance" || res.stopped === "generations").toBe(true);
    expect(res.generations.length).toBeGreaterThan(1);
  });

  it("abcSmc refuses an empty target list and a non-positive tolerance, naming the field", async () => {
    const base = { priors: [uniformPrior("a", 0, 1)], simulate: sampleMean(1), particles: 10, generations: 2, seed: 1 };
    await expect(abcSmc({ ...base, targets: [] })).rejects.toThrow(/invalid targets/);
    await expect(abcSmc({ ...base, targets: [{ value: 1, tolerance: 0 }] })).rejects.toThrow(/invalid targets\[0\]\.tolerance/);
  });
});

describe("calibration helpers", () => {
  it("perturbationKernel(priors, particles, weights) has variance 2× the weighted variance and integrates to 1 on the support", () => {
    const priors = [uniformPrior("a", 0, 1)];
    const ts = [[0.2], [0.4], [0.9]];
    const w = [0.5, 0.3, 0.2];
    const k = perturbationKernel(priors, ts, w);
    expect(k.sd[0]! ** 2).toBeCloseTo(2 * weightedVariance([0.2, 0.4, 0.9], w), 12);
    // Riemann sum of the truncated density from a particle near the edge.
    let s = 0;
    const h = 1e-4;
    for (let x = h / 2; x < 1; x += h) s += k.density([x], [0.9]) * h;
    expect(s).toBeCloseTo(1, 3);
    const r = stream(1, "k", "k");
    for (let i = 0; i < 200; i++) {
      const x = k.perturb([0.9], r)[0]!;
      expect(x >= 0 && x <= 1).toBe(true);
    }
  });

  it("logUniformPrior explores in log space and values stay in range; integers round", () => {
    const p = logUniformPrior("x", 0.01, 100, true);
    expect(p.value(p.coordinate(3.4))).toBe(3);
    expect(p.value(p.lo)).toBe(0.01 < 0.5 ? 0.01 : 0);
    const q = logUniformPrior("y", 0.01, 100);
    const r = stream(2, "p", "p");
    const xs = Array.from({ length: 4000 }, () => q.value(q.sample(r)));
    // Log-uniform over four decades: a quarter of the draws below 0.1.
    expect(xs.filter((x) => x < 0.1).length / xs.length).toBeGreaterThan(0.22);
    expect(xs.filter((x) => x < 0.1).length / xs.length).toBeLessThan(0.28);
  });

  it("targetDistance is the root mean square of misses in tolerances; ESS and Φ are right", () => {
    expect(targetDistance([1, 2], [{ value: 0, tolerance: 1 }, { value: 0, tolerance: 1 }])).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(targetDistance([NaN], [{ value: 0, tolerance: 1 }])).toBe(Infinity);
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([1, 0, 0, 0])).toBe(1);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });
});
