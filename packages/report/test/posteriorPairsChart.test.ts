import { describe, expect, it } from "vitest";
import { posteriorPairsChart, toSvg } from "../src/index.ts";
import { fixtureParticles } from "./fixtures.ts";

const ranges = { "labour.migrateIntercept": [-1, 2], "environment.migrantWageFactor": [0.45, 0.75], "labour.migrateIntegrationPull": [0.3, 2] } as const;

type Panel = { mark?: { type: string }; encoding?: Record<string, { field?: string; scale?: { domain?: number[]; type?: string }; axis?: { title?: unknown; labels?: boolean } }> };

describe("posteriorPairsChart(particles, options)", () => {
  const spec = posteriorPairsChart(fixtureParticles(), { title: "pairs", ranges, log: ["labour.migrateIntegrationPull"] }) as unknown as { columns: number; concat: Panel[]; data: { values: Array<Record<string, number>> } };

  it("lays out every pair of k parameters once: a (k − 1) × (k − 1) grid, blank above the diagonal", () => {
    expect(spec.columns).toBe(2);
    expect(spec.concat).toHaveLength(4);
    const points = spec.concat.filter((p) => p.mark?.type === "point");
    // Rows: parameters 1 … k−1 on y; columns: 0 … k−2 on x; only j < i.
    expect(points.map((p) => [p.encoding!.x!.field, p.encoding!.y!.field])).toEqual([["p0", "p1"], ["p0", "p2"], ["p1", "p2"]]);
    expect(spec.concat[1]!.mark?.type).toBe("text");
  });

  it("draws each axis over the parameter's prior range (log for a log-uniform prior), titles on the outer panels only", () => {
    const [ab, ac, bc] = spec.concat.filter((p) => p.mark?.type === "point");
    expect(ab!.encoding!.x!.scale).toMatchObject({ domain: [-1, 2] });
    expect(ab!.encoding!.y!.scale).toMatchObject({ domain: [0.45, 0.75] });
    expect(ac!.encoding!.y!.scale).toMatchObject({ domain: [0.3, 2], type: "log" });
    expect(ab!.encoding!.x!.axis).toMatchObject({ title: null, labels: false });
    expect(ac!.encoding!.x!.axis!.title).toEqual(["labour.", "migrateIntercept"]);
    expect(bc!.encoding!.y!.axis).toMatchObject({ title: null, labels: false });
  });

  it("keeps each particle's values and weight (point size), under field names without dots", () => {
    const first = fixtureParticles()[0]!;
    expect(spec.data.values[0]).toEqual({ p0: first.values["labour.migrateIntercept"], p1: first.values["environment.migrantWageFactor"], p2: first.values["labour.migrateIntegrationPull"], weight: first.weight });
    expect(spec.concat[0]!.encoding!.size!.field).toBe("weight");
  });

  it("renders to an SVG with the parameters' names", async () => {
    const svg = await toSvg(spec as never);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("migrantWageFactor");
  });

  it("refuses no particles, fewer than two parameters, or a particle without a parameter's value, naming what is wrong", () => {
    expect(() => posteriorPairsChart([], { title: "x", ranges })).toThrow(/at least one weighted particle/);
    expect(() => posteriorPairsChart(fixtureParticles(), { title: "x", ranges: { a: [0, 1] } })).toThrow(/invalid ranges: \["a"\] \(expected at least two parameters/);
    expect(() => posteriorPairsChart([{ values: { "labour.migrateIntercept": 1 }, weight: 1 }], { title: "x", ranges })).toThrow(/environment.migrantWageFactor/);
  });
});
