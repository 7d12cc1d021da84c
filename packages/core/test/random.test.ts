import { describe, expect, it } from "vitest";
import { logistic, logit, monthly, normal, poisson, replicateSeed, restoreStream, saveStream, stream, STREAM_STATE_LENGTH } from "../src/kernel/random.js";

const draws = (r: () => number, n: number) => Array.from({ length: n }, r);
const meanSd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { m, sd: Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) };
};

describe("stream(seed, site, process)", () => {
  it("repeats for the same seed, site and process and differs when any of them changes", () => {
    const a = draws(stream(1, 0, "labour"), 5);
    expect(draws(stream(1, 0, "labour"), 5)).toEqual(a);
    for (const other of [stream(2, 0, "labour"), stream(1, 1, "labour"), stream(1, 0, "residence")]) expect(draws(other, 5)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("saveStream(r, out, at) and restoreStream(saved, at)", () => {
  it("continue a stream exactly where it was saved", () => {
    const r = stream(3, 5, "labour");
    draws(r, 17);
    const saved = new Float64Array(2 * STREAM_STATE_LENGTH);
    saveStream(r, saved, STREAM_STATE_LENGTH);
    const copy = restoreStream(saved, STREAM_STATE_LENGTH);
    expect(draws(copy, 50)).toEqual(draws(r, 50));
  });
});

describe("replicateSeed(seed, replicate)", () => {
  it("is stable, spreads replicates over distinct seeds and stays a positive 31-bit integer", () => {
    const seeds = Array.from({ length: 1000 }, (_, r) => replicateSeed(42, r));
    expect(replicateSeed(42, 7)).toBe(seeds[7]);
    expect(new Set(seeds).size).toBe(1000);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2_147_483_647)).toBe(true);
    expect(replicateSeed(43, 0)).not.toBe(seeds[0]);
  });
});

describe("monthly(annualProbability)", () => {
  it("compounds back to the annual probability over twelve months, and stays below 1 for certain events", () => {
    for (const p of [0, 0.01, 0.2, 0.9]) expect(1 - (1 - monthly(p)) ** 12).toBeCloseTo(p, 12);
    expect(monthly(1)).toBeLessThan(1);
  });
});

describe("normal(random) and poisson(random, mean)", () => {
  it("draw a standard normal and a Poisson variable of the given mean", () => {
    const n = stream(2, "t", "n");
    const z = meanSd(draws(() => normal(n), 20_000));
    expect(Math.abs(z.m)).toBeLessThan(4 / Math.sqrt(20_000));
    expect(Math.abs(z.sd - 1)).toBeLessThan(0.03);
    const r = stream(3, "t", "p");
    const k = meanSd(draws(() => poisson(r, 2.6), 20_000));
    expect(Math.abs(k.m - 2.6)).toBeLessThan((4 * Math.sqrt(2.6)) / Math.sqrt(20_000));
    expect(k.sd ** 2).toBeCloseTo(2.6, 0);
  });
});

describe("logistic(x) and logit(p)", () => {
  it("are inverses, with logit clamped away from 0 and 1", () => {
    for (const p of [0.001, 0.06, 0.5, 0.97]) expect(logistic(logit(p))).toBeCloseTo(p, 12);
    expect(Number.isFinite(logit(0))).toBe(true);
    expect(Number.isFinite(logit(1))).toBe(true);
  });
});
