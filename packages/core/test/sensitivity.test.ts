import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { morrisDesign, saltelliDesign } from "../src/experiment/designs/index.js";
import { morrisIndices, sobolIndices, bootstrapIntervals, type SensitivityIndex } from "../src/experiment/sensitivity/index.js";

/** Ishigami & Homma (1990) on [−π, π]^3, a = 7, b = 0.1. */
const ishigami = (u: number[]) => {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v) as [number, number, number];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
};
// Analytic indices (Ishigami & Homma 1990; Saltelli et al. 2008, §4.6).
const ISHIGAMI_S1 = [0.3139, 0.4424, 0];
const ISHIGAMI_ST = [0.5576, 0.4424, 0.2437];

/** Sobol's G-function on [0, 1]^k: Π (|4x − 2| + a) / (1 + a). */
const G_A = [0, 1, 4.5, 9, 99, 99];
const gFunction = (u: number[]) => u.reduce((p, x, i) => p * ((Math.abs(4 * x - 2) + G_A[i]!) / (1 + G_A[i]!)), 1);
const gV = G_A.map((a) => 1 / (3 * (1 + a) ** 2));
const gVar = gV.reduce((p, v) => p * (1 + v), 1) - 1;
const G_S1 = gV.map((v) => v / gVar);
const G_ST = gV.map((v, i) => (v * gV.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / gVar);

const pick = (xs: SensitivityIndex[], index: string) => xs.filter((x) => x.index === index).sort((a, b) => a.parameter - b.parameter);

describe("sobolIndices(design, y)", () => {
  it("gives the Ishigami function's first-order (0.314, 0.442, 0) and total-order (0.558, 0.442, 0.244) indices", () => {
    const d = saltelliDesign(8192, 3, { seed: 1 });
    const ix = sobolIndices(d, d.points.map(ishigami), { seed: 1, resamples: 200 });
    pick(ix, "S1").forEach((x, i) => expect(x.value).toBeCloseTo(ISHIGAMI_S1[i]!, 1));
    pick(ix, "ST").forEach((x, i) => expect(x.value).toBeCloseTo(ISHIGAMI_ST[i]!, 1));
    pick(ix, "S1").forEach((x, i) => expect(Math.abs(x.value - ISHIGAMI_S1[i]!)).toBeLessThan(0.02));
    pick(ix, "ST").forEach((x, i) => expect(Math.abs(x.value - ISHIGAMI_ST[i]!)).toBeLessThan(0.02));
  });

  it("gives the G-function's analytic indices (a = 0, 1, 4.5, 9, 99, 99)", () => {
    const d = saltelliDesign(4096, 6, { seed: 2 });
    const ix = sobolIndices(d, d.points.map(gFunction), { seed: 2, resamples: 200 });
    pick(ix, "S1").forEach((x, i) => expect(Math.abs(x.value - G_S1[i]!)).toBeLessThan(0.03));
    pick(ix, "ST").forEach((x, i) => expect(Math.abs(x.value - G_ST[i]!)).toBeLessThan(0.03));
  });

  it("brackets the analytic Ishigami indices with its bootstrap intervals on random base samples, and narrows them with N", () => {
    const width = (n: number) => {
      const d = saltelliDesign(n, 3, { seed: 11, base: "random" });
      const ix = sobolIndices(d, d.points.map(ishigami), { seed: 3, resamples: 300 });
      for (const x of ix) expect(x.lo).toBeLessThanOrEqual(x.hi);
      if (n === 4096) {
        // Within 0.01 of the 95% interval (a fixed seed: deterministic).
        const inside = (x: SensitivityIndex, truth: number) => expect(truth >= x.lo - 0.01 && truth <= x.hi + 0.01, `${x.index}[${x.parameter}] ${truth} in [${x.lo}, ${x.hi}]`).toBe(true);
        pick(ix, "S1").forEach((x, i) => inside(x, ISHIGAMI_S1[i]!));
        pick(ix, "ST").forEach((x, i) => inside(x, ISHIGAMI_ST[i]!));
      }
      return ix.reduce((s, x) => s + (x.hi - x.lo), 0);
    };
    expect(width(4096)).toBeLessThan(width(256) / 2);
  });

  it("does not depend on the outcome's level: f + 10^4 gives the same indices (f_B is centred)", () => {
    const d = saltelliDesign(512, 3, { seed: 6 });
    const a = sobolIndices(d, d.points.map(ishigami), { seed: 6, resamples: 50 });
    const b = sobolIndices(d, d.points.map((u) => ishigami(u) + 1e4), { seed: 6, resamples: 50 });
    a.forEach((x, i) => {
      expect(b[i]!.value).toBeCloseTo(x.value, 6);
      expect(b[i]!.lo).toBeCloseTo(x.lo, 6);
    });
  });

  it("is deterministic for a seed (design and bootstrap)", () => {
    const run = (seed: number) => {
      const d = saltelliDesign(64, 3, { seed });
      return sobolIndices(d, d.points.map(ishigami), { seed, resamples: 50 });
    };
    expect(run(4)).toEqual(run(4));
    expect(run(4)).not.toEqual(run(5));
  });

  it("gives NaN, not a number, for a constant outcome", () => {
    const d = saltelliDesign(16, 2, { seed: 1 });
    for (const x of sobolIndices(d, d.points.map(() => 3), { seed: 1, resamples: 10 })) expect(x.value).toBeNaN();
  });
});

describe("morrisIndices(design, y)", () => {
  it("ranks the G-function's parameters by importance (μ* decreasing in a)", () => {
    const d = morrisDesign(6, { trajectories: 60, levels: 6, seed: 7, candidates: 200 });
    const ix = morrisIndices(d, d.points.map(gFunction), { seed: 7, resamples: 200 });
    const muStar = pick(ix, "mu_star").map((x) => x.value);
    for (let i = 0; i < 3; i++) expect(muStar[i]!).toBeGreaterThan(muStar[i + 1]!);
    expect(muStar[3]!).toBeGreaterThan(Math.max(muStar[4]!, muStar[5]!));
    // a = 99: nearly no effect next to x1's.
    expect(muStar[4]! / muStar[0]!).toBeLessThan(0.05);
  });

  it("gives a linear model's coefficients as μ and μ*, with σ = 0", () => {
    const d = morrisDesign(3, { trajectories: 10, levels: 4, seed: 1 });
    const ix = morrisIndices(d, d.points.map(([a, b, c]) => 2 * a! - 3 * b! + 0 * c!), { seed: 1, resamples: 50 });
    expect(pick(ix, "mu").map((x) => x.value)).toEqual([expect.closeTo(2, 9), expect.closeTo(-3, 9), expect.closeTo(0, 9)]);
    expect(pick(ix, "mu_star").map((x) => x.value)).toEqual([expect.closeTo(2, 9), expect.closeTo(3, 9), expect.closeTo(0, 9)]);
    for (const x of pick(ix, "sigma")) expect(x.value).toBeCloseTo(0, 9);
  });

  it("gives σ > 0 where a parameter interacts, and intervals that contain the estimate", () => {
    const d = morrisDesign(2, { trajectories: 30, levels: 4, seed: 2 });
    const ix = morrisIndices(d, d.points.map(([a, b]) => a! * b!), { seed: 2, resamples: 200 });
    for (const x of pick(ix, "sigma")) expect(x.value).toBeGreaterThan(0.1);
    for (const x of ix) expect(x.lo <= x.value + 1e-12 && x.value <= x.hi + 1e-12).toBe(true);
  });
});

describe("bootstrapIntervals(n, stat)", () => {
  it("gives lo ≤ hi for any data, and the same intervals for a seed (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 30 }), fc.integer({ min: 0, max: 1000 }), (xs, seed) => {
        const mean = (u: ArrayLike<number>) => [Array.from(u).reduce((s, i) => s + xs[i]!, 0) / u.length];
        const a = bootstrapIntervals(xs.length, mean, { seed, resamples: 50 });
        expect(a.lo[0]!).toBeLessThanOrEqual(a.hi[0]!);
        expect(a).toEqual(bootstrapIntervals(xs.length, mean, { seed, resamples: 50 }));
      }),
      { numRuns: 40 },
    );
  });
});
