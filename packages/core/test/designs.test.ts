import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fullFactorial, latinHypercube, morrisDesign, saltelliDesign, sobolPoints, pointValues, saltelliAB, SALTELLI_A, SALTELLI_B } from "../src/experiment/designs/index.js";
import { parameterRange, uncertainParameters } from "../src/experiment/parameterSpace.js";

describe("sobolPoints(n, dims)", () => {
  it("gives the Sobol sequence of Joe & Kuo's new-joe-kuo-6.21201 (first points, Gray-code order)", () => {
    expect(sobolPoints(10, 6)).toEqual([
      [0, 0, 0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25, 0.75, 0.75],
      [0.25, 0.75, 0.75, 0.75, 0.25, 0.25],
      [0.375, 0.375, 0.625, 0.875, 0.375, 0.125],
      [0.875, 0.875, 0.125, 0.375, 0.875, 0.625],
      [0.625, 0.125, 0.875, 0.625, 0.625, 0.875],
      [0.125, 0.625, 0.375, 0.125, 0.125, 0.375],
      [0.1875, 0.3125, 0.9375, 0.4375, 0.5625, 0.3125],
      [0.6875, 0.8125, 0.4375, 0.9375, 0.0625, 0.8125],
    ]);
  });
  it("matches reference points deep in the sequence and in high dimensions (64)", () => {
    const p = sobolPoints(1001, 64);
    expect([0, 1, 2, 10, 31, 47, 63].map((d) => p[777]![d])).toEqual([0.6923828125, 0.9365234375, 0.1630859375, 0.7451171875, 0.8994140625, 0.0322265625, 0.4267578125]);
    expect([5, 40, 62].map((d) => p[1000]![d])).toEqual([0.9072265625, 0.9130859375, 0.2587890625]);
  });
  it("with skip starts inside the sequence", () => {
    expect(sobolPoints(5, 8, { skip: 300 })).toEqual(sobolPoints(305, 8).slice(300));
  });
  it("the first 2^m points put one point in each interval of length 2^-m of every coordinate", () => {
    const pts = sobolPoints(64, 20);
    for (let d = 0; d < 20; d++) expect(new Set(pts.map((p) => Math.floor(p[d]! * 64))).size).toBe(64);
  });
});

describe("fullFactorial(levels)", () => {
  it("gives every combination of evenly spaced levels, ends included", () => {
    expect(fullFactorial([3, 2])).toEqual([
      [0, 0], [0, 1], [0.5, 0], [0.5, 1], [1, 0], [1, 1],
    ]);
    expect(fullFactorial([1])).toEqual([[0.5]]);
    expect(fullFactorial([4, 3, 5])).toHaveLength(60);
  });
});

describe("latinHypercube(n, k, seed)", () => {
  it("hits each of the n strata of every parameter exactly once (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, k, seed) => {
        const pts = latinHypercube(n, k, seed);
        expect(pts).toHaveLength(n);
        for (let j = 0; j < k; j++) {
          const strata = pts.map((p) => Math.floor(p[j]! * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
      { numRuns: 60 },
    );
  });
  it("is deterministic for a seed and differs between seeds", () => {
    expect(latinHypercube(20, 3, 7)).toEqual(latinHypercube(20, 3, 7));
    expect(latinHypercube(20, 3, 7)).not.toEqual(latinHypercube(20, 3, 8));
  });
});

describe("morrisDesign(k, options)", () => {
  it("gives r trajectories of k + 1 grid points, each step moving one parameter by ±Δ = p/(2(p−1))", () => {
    const k = 5;
    const d = morrisDesign(k, { trajectories: 7, levels: 4, seed: 3 });
    expect(d.delta).toBeCloseTo(4 / 6);
    expect(d.points).toHaveLength(7 * (k + 1));
    for (const t of d.trajectories) {
      expect([...t.factors].sort()).toEqual([0, 1, 2, 3, 4]);
      for (let i = 0; i < k; i++) {
        const a = d.points[t.start + i]!;
        const b = d.points[t.start + i + 1]!;
        const changed = a.map((x, j) => (x !== b[j] ? j : -1)).filter((j) => j >= 0);
        expect(changed).toEqual([t.factors[i]]);
        expect(b[t.factors[i]!]! - a[t.factors[i]!]!).toBeCloseTo(t.deltas[i]!);
        expect(Math.abs(t.deltas[i]!)).toBeCloseTo(d.delta);
      }
      // Every coordinate on the grid {0, 1/3, 2/3, 1} and inside the cube.
      for (const p of d.points.slice(t.start, t.start + k + 1)) for (const x of p) expect(Math.abs(x * 3 - Math.round(x * 3))).toBeLessThan(1e-12);
    }
  });
  it("with candidates keeps r of them spread out (Campolongo et al. 2007), deterministic for a seed", () => {
    const a = morrisDesign(4, { trajectories: 5, levels: 4, seed: 1, candidates: 40 });
    expect(a.trajectories).toHaveLength(5);
    expect(a).toEqual(morrisDesign(4, { trajectories: 5, levels: 4, seed: 1, candidates: 40 }));
    expect(a.points).not.toEqual(morrisDesign(4, { trajectories: 5, levels: 4, seed: 2, candidates: 40 }).points);
  });
  it("stays on the grid inside the unit cube, one parameter moved by ±Δ per step, for any k, r, p and seed (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(2, 4, 6, 8), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (k, r, p, seed) => {
        const d = morrisDesign(k, { trajectories: r, levels: p, seed });
        expect(d.points).toHaveLength(r * (k + 1));
        for (const x of d.points.flat()) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1 + 1e-12);
          expect(Math.abs(x * (p - 1) - Math.round(x * (p - 1)))).toBeLessThan(1e-9);
        }
        for (const t of d.trajectories) {
          t.factors.forEach((j, i) => {
            const a = d.points[t.start + i]!;
            const b = d.points[t.start + i + 1]!;
            expect(b.filter((x, c) => x !== a[c]).length).toBe(1);
            expect(b[j]! - a[j]!).toBeCloseTo(t.deltas[i]!, 12);
          });
        }
      }),
      { numRuns: 80 },
    );
  });
  it("refuses odd levels", () => {
    expect(() => morrisDesign(3, { trajectories: 2, levels: 3, seed: 1 })).toThrow(/even/);
  });
});

describe("saltelliDesign(N, k, options)", () => {
  it("has N·(k+2) rows: per base row A, B, and A_B^(i) = A with column i from B", () => {
    for (const base of ["sobol", "random"] as const) {
      const n = 16;
      const k = 4;
      const d = saltelliDesign(n, k, { seed: 5, base });
      expect(d.points).toHaveLength(n * (k + 2));
      for (let j = 0; j < n; j++) {
        const row = (c: number) => d.points[j * (k + 2) + c]!;
        for (let i = 0; i < k; i++) {
          const ab = row(saltelliAB(i));
          for (let c = 0; c < k; c++) expect(ab[c]).toBe(c === i ? row(SALTELLI_B)[c] : row(SALTELLI_A)[c]);
        }
      }
    }
  });
  it("is deterministic for a seed; the seed shifts the Sobol points digitally", () => {
    expect(saltelliDesign(8, 3, { seed: 1 })).toEqual(saltelliDesign(8, 3, { seed: 1 }));
    expect(saltelliDesign(8, 3, { seed: 1 }).points).not.toEqual(saltelliDesign(8, 3, { seed: 2 }).points);
    // A digital shift keeps the net: 8 base rows still fill the 8 intervals of each A column.
    const d = saltelliDesign(8, 3, { seed: 9 });
    for (let c = 0; c < 3; c++) expect(new Set(Array.from({ length: 7 }, (_, j) => Math.floor(d.points[(j + 1) * 5]![c]! * 8))).size).toBeGreaterThan(5);
  });
});

describe("pointValues(ranges, u)", () => {
  it("maps unit coordinates into each parameter's range", () => {
    const doc = uncertainParameters().find((x) => !x.log && !x.integer)!;
    const r = parameterRange(doc.path, [doc.lo, doc.hi], "parameters[0]");
    expect(pointValues([r], [0.5])[doc.path]).toBeCloseTo((doc.lo + doc.hi) / 2);
    expect(pointValues([r], [0])[doc.path]).toBe(doc.lo);
  });
});
