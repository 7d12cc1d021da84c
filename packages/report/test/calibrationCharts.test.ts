import { describe, expect, it } from "vitest";
import { calibrationFitChart, posteriorMarginalsChart, toSvg } from "../src/index.ts";

describe("calibration charts", () => {
  it("calibrationFitChart(rows) draws each target in tolerances of the published value", async () => {
    const spec = calibrationFitChart([{ target: "income 2016", published: 4221, mean: 4641, lo: 4400, hi: 5000, tolerance: 420 }], { title: "fit" });
    const values = (spec as { data: { values: Array<Record<string, number>> } }).data.values;
    expect(values[0]!.mean).toBeCloseTo(1, 12);
    expect(values[0]!.lo).toBeCloseTo(179 / 420, 12);
    const svg = await toSvg(spec);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("income 2016");
    expect(() => calibrationFitChart([], { title: "x" })).toThrow(/at least one target/);
  });

  it("posteriorMarginalsChart(particles) draws one panel per parameter over its range", async () => {
    const svg = await toSvg(posteriorMarginalsChart([{ parameter: "a.b", value: 0.3, weight: 0.6 }, { parameter: "c.d", value: 5, weight: 0.4 }], { title: "post", ranges: { "a.b": [0, 1], "c.d": [1, 10] } }));
    expect(svg).toContain("a.b");
    expect(svg).toContain("c.d");
    expect(() => posteriorMarginalsChart([], { title: "x", ranges: {} })).toThrow(/at least one weighted particle/);
  });
});
