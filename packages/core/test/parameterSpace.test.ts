import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { modelSpec } from "../src/params/model.js";
import { leaves } from "../src/params/spec.js";
import { fromUnit, parameterRange, toUnit, uncertainParameters } from "../src/experiment/parameterSpace.js";

describe("parameter space", () => {
  const all = uncertainParameters();
  const first = all[0]!;

  it("lists the parameters with a documented range, with that range", () => {
    expect(all.map((r) => r.path)).toContain("population.networkDegree");
    for (const r of all) expect(r.lo).toBeLessThan(r.hi);
    expect(parameterRange(first.path, undefined, "x")).toEqual(first);
  });

  it("narrows a range from a file but never widens it", () => {
    const mid = (first.lo + first.hi) / 2;
    expect(parameterRange(first.path, [first.lo, mid], "p").hi).toBe(mid);
    expect(parameterRange(first.path, { lo: mid, hi: first.hi }, "p").from).toBe("file");
    expect(() => parameterRange(first.path, [first.lo - 1, first.hi], "parameters[0]")).toThrow(/invalid parameters\[0\] range: .*documented plausible range/);
    expect(() => parameterRange(first.path, [mid, mid], "p")).toThrow(/lo < hi/);
    expect(() => parameterRange(first.path, { lo: first.lo, hi: first.hi, step: 1 }, "p")).toThrow(/p range.step/);
  });

  it("needs a range from the file where none is documented, inside the accepted values", () => {
    // A share without a documented range (any will do; they are being given ranges).
    const bare = leaves(modelSpec).find(({ spec }) => spec.kind === "number" && !spec.plausible && spec.min === 0 && spec.max === 1)!.path;
    expect(() => parameterRange(bare, undefined, "p")).toThrow(/no documented plausible range/);
    expect(parameterRange(bare, [0.05, 0.12], "p")).toMatchObject({ lo: 0.05, hi: 0.12, log: false, from: "file" });
    expect(() => parameterRange(bare, [0.05, 1.5], "p")).toThrow(/accepted values \[0, 1\]/);
    expect(parameterRange("population.networkDegree", undefined, "p")).toMatchObject({ integer: true, lo: 3, hi: 12 });
  });

  it("refuses an unknown parameter with a suggestion", () => {
    const typo = first.path.slice(0, -1);
    expect(() => parameterRange(typo, undefined, "parameters[2].path")).toThrow(new RegExp(`invalid parameters\\[2\\].path: "${typo.replace(/\./g, "\\.")}".*did you mean "${first.path.replace(/\./g, "\\.")}"`));
    expect(() => parameterRange(42, undefined, "p")).toThrow(/numeric model parameter/);
  });

  it("maps the unit interval onto the range and back", () => {
    fc.assert(fc.property(fc.constantFrom(...all), fc.double({ min: 0, max: 1, noNaN: true }), (r, u) => {
      const x = fromUnit(r, u);
      expect(x).toBeGreaterThanOrEqual(r.lo);
      expect(x).toBeLessThanOrEqual(r.hi);
      if (!r.integer) expect(toUnit(r, x)).toBeCloseTo(u, 9);
    }));
  });
});
