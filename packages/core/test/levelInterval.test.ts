import { describe, expect, it } from "vitest";
import { levelInterval, noIntervalReason, scenarioHash, tQuantile } from "../src/engine.js";

describe("tQuantile(p, df)", () => {
  it("tQuantile(0.975, df) matches the t table for whole df and lies between its neighbours for fractional df (Welch)", () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.302653, 6);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776445, 6);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042272, 6);
    // A table floored at 7 would give t(7) = 2.3646 for 7.5 degrees of freedom.
    const t = tQuantile(0.975, 7.5);
    expect(t).toBeLessThan(tQuantile(0.975, 7));
    expect(t).toBeGreaterThan(tQuantile(0.975, 8));
  });
});

describe("levelInterval(values)", () => {
  it("gives the mean and the Student-t 95% interval of the mean", () => {
    const l = levelInterval([0.4, 0.5, 0.6]);
    expect(l.n).toBe(3);
    expect(l.mean).toBeCloseTo(0.5, 12);
    expect(l.sd).toBeCloseTo(0.1, 12);
    expect(l.ci_high - l.mean).toBeCloseTo(4.302653 * (0.1 / Math.sqrt(3)), 6);
    expect(l.mean - l.ci_low).toBeCloseTo(l.ci_high - l.mean, 12);
  });

  it("one value gives no interval (NaN bounds, not a zero-width interval), and says why", () => {
    expect(levelInterval([0.42])).toEqual({ n: 1, mean: 0.42, sd: NaN, ci_low: NaN, ci_high: NaN });
    expect(noIntervalReason(1)).toBe("one replication gives no interval");
  });

  it("leaves out non-finite values", () => {
    expect(levelInterval([1, NaN, 3, Infinity])).toMatchObject({ n: 2, mean: 2 });
    expect(levelInterval([NaN]).n).toBe(0);
  });
});

describe("scenarioHash(name, params)", () => {
  it("is the first 16 hex digits of sha256 of {scenario, params} with params in canonical form (keys sorted, no comments)", () => {
    expect(scenarioHash("x", { labour: { separationRate: 0.1 } })).toBe("24c077f0bb4edcd6");
    expect(scenarioHash("y", undefined)).toBe("c0fb58ecf2afe3f6");
  });
});
