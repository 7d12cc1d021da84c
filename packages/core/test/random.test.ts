import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { keyed, logistic, logit, monthly, normal, poisson, replicateSeed, stream, triple32, unkeyed } from "../src/kernel/random.js";

const draws = (r: () => number, n: number) => Array.from({ length: n }, r);
const meanSd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { m, sd: Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) };
};

/** Pearson's chi-square statistic of counts against equal expected counts. */
function chiSquare(counts: number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  const e = n / counts.length;
  return counts.reduce((a, c) => a + (c - e) ** 2 / e, 0);
}
/** Upper 0.1% point of chi-square with df degrees of freedom (Wilson-Hilferty). */
function chiSquareCritical(df: number): number {
  const z = 3.0902;
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
}
/** Counts of xs in `bins` equal bins of [0, 1). */
function histogram(xs: number[], bins: number): number[] {
  const out = new Array<number>(bins).fill(0);
  for (const x of xs) out[Math.floor(x * bins)]!++;
  return out;
}
/** Counts of pairs (x, y) in a bins × bins grid of [0, 1)². */
function grid(pairs: Array<[number, number]>, bins: number): number[] {
  const out = new Array<number>(bins * bins).fill(0);
  for (const [x, y] of pairs) out[Math.floor(x * bins) * bins + Math.floor(y * bins)]!++;
  return out;
}
/** The draw k (0-based) of entity id at step t of a keyed source. */
function drawAt(seed: number, process: string, t: number, id: number, k = 0): number {
  const r = keyed(seed, process);
  r.step(t);
  const d = r.at(id);
  for (let i = 0; i < k; i++) d();
  return d();
}

describe("stream(seed, site, process)", () => {
  it("repeats for the same seed, site and process and differs when any of them changes", () => {
    const a = draws(stream(1, 0, "labour"), 5);
    expect(draws(stream(1, 0, "labour"), 5)).toEqual(a);
    for (const other of [stream(2, 0, "labour"), stream(1, 1, "labour"), stream(1, 0, "residence")]) expect(draws(other, 5)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("triple32(x)", () => {
  it("is a bijection of 32-bit integers on a sample (no two of 2^16 consecutive inputs collide) and flips about half the output bits for a one-bit change", () => {
    const seen = new Set<number>();
    for (let x = 0; x < 1 << 16; x++) seen.add(triple32(x + 0x12345) >>> 0);
    expect(seen.size).toBe(1 << 16);
    let flips = 0, n = 0;
    for (let x = 0; x < 4096; x++) {
      const h = triple32(x * 2654435761) >>> 0;
      for (let b = 0; b < 32; b++) {
        let d = (h ^ (triple32((x * 2654435761) ^ (1 << b)) >>> 0)) >>> 0;
        for (; d; d &= d - 1) flips++;
        n++;
      }
    }
    expect(Math.abs(flips / n - 16)).toBeLessThan(0.1);
  });
});

describe("keyed(seed, process): counter-based draws keyed by (step, entity, draw)", () => {
  it("at(id) gives the entity's draws in order, the same every time it is positioned there, whatever was drawn before", () => {
    const r = keyed(3, "labour");
    r.step(17);
    const a = draws(r.at(42), 6);
    draws(r.at(7), 3);
    expect(draws(r.at(42), 6)).toEqual(a);
    const fresh = keyed(3, "labour");
    fresh.step(17);
    expect(draws(fresh.at(42), 6)).toEqual(a);
    expect(new Set(a).size).toBe(6);
  });

  it("differs with the seed, the process, the step and the entity", () => {
    const a = draws(keyed(1, "labour").at(5), 4);
    const other = (seed: number, process: string, t: number, id: number) => {
      const r = keyed(seed, process);
      r.step(t);
      return draws(r.at(id), 4);
    };
    for (const b of [other(2, "labour", 0, 5), other(1, "residence", 0, 5), other(1, "labour", 1, 5), other(1, "labour", 0, 6)]) expect(b).not.toEqual(a);
    expect(other(1, "labour", 0, 5)).toEqual(a);
  });

  it("draws doubles in [0, 1) with 32 random bits (x · 2^32 is a whole number), each bit set half the time", () => {
    const r = keyed(9, "bits");
    const ones = new Array<number>(32).fill(0);
    const n = 20_000;
    let bad = 0;
    for (let id = 0; id < n; id++) {
      const x = r.at(id)();
      const w = x * 2 ** 32;
      if (!(x >= 0 && x < 1) || !Number.isInteger(w)) bad++;
      for (let b = 0; b < 32; b++) if ((w >>> b) & 1) ones[b]!++;
    }
    expect(bad).toBe(0);
    // Each bit: binomial(n, 1/2), within 4.5 standard deviations (all 32 at once).
    for (const c of ones) expect(Math.abs(c - n / 2)).toBeLessThan(4.5 * Math.sqrt(n / 4));
  });

  it("is uniform over consecutive entities, steps and draws (chi-square, 100 bins, p = 0.001)", () => {
    const n = 50_000;
    const r = keyed(11, "uniform");
    const byEntity = Array.from({ length: n }, (_, id) => r.at(id)());
    const byDraw = draws(r.at(123), n);
    const bySteps: number[] = [];
    for (let t = 0; t < n; t++) {
      r.step(t);
      bySteps.push(r.at(5)());
    }
    for (const xs of [byEntity, byDraw, bySteps]) expect(chiSquare(histogram(xs, 100))).toBeLessThan(chiSquareCritical(99));
  });

  it("makes adjacent entities, adjacent steps and successive draws independent (pairs on a 10 × 10 grid, chi-square p = 0.001; correlation)", () => {
    const n = 40_000;
    const entities: Array<[number, number]> = [];
    const steps: Array<[number, number]> = [];
    const counters: Array<[number, number]> = [];
    const a = keyed(5, "pairs");
    const b = keyed(5, "pairs");
    a.step(30);
    b.step(31);
    for (let id = 0; id < n; id++) {
      const first = a.at(id);
      const x = first();
      counters.push([x, first()]);
      entities.push([x, a.at(id + 1)()]);
      steps.push([a.at(id)(), b.at(id)()]);
    }
    for (const pairs of [entities, steps, counters]) {
      expect(chiSquare(grid(pairs, 10))).toBeLessThan(chiSquareCritical(99));
      const mx = meanSd(pairs.map((p) => p[0]));
      const my = meanSd(pairs.map((p) => p[1]));
      const cov = pairs.reduce((s, [x, y]) => s + (x - mx.m) * (y - my.m), 0) / (n - 1);
      expect(Math.abs(cov / (mx.sd * my.sd))).toBeLessThan(4 / Math.sqrt(n));
    }
  });

  it("gives an entity's draws independently of which other entities were drawn and in what order (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 2 }), fc.integer({ min: -5, max: 1000 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 4 })), { maxLength: 20 }), (seed, t, id, others) => {
        const alone = drawAt(seed, "prop", t, id, 2);
        const r = keyed(seed, "prop");
        r.step(t);
        for (const [other, n] of others) draws(r.at(other), n);
        const d = r.at(id);
        d();
        d();
        const x = d();
        return x === alone && x >= 0 && x < 1;
      }),
      { numRuns: 200 },
    );
  });
});

describe("unkeyed(random)", () => {
  it("continues one sequence whatever entity it is positioned at, and is itself a Random", () => {
    const r = unkeyed(stream(1, 0, "x"));
    const seq = draws(stream(1, 0, "x"), 4);
    expect([r.at(5)(), r.at(9)(), r(), r.at(5)()]).toEqual(seq);
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
