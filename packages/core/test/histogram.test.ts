import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BINS, binByLog, binOf } from "../src/kernel/histogram.js";

/** The double `k` units in the last place away from x (x > 0). */
function ulps(x: number, k: number): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  v.setBigUint64(0, v.getBigUint64(0) + BigInt(k));
  return v.getFloat64(0);
}

/** The smallest double in [lo, hi] whose bin (by the logarithm) is at least b. */
function binStart(b: number, lo: number, hi: number): number {
  for (let i = 0; i < 2000 && lo < hi; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (binByLog(mid) >= b) hi = mid;
    else lo = mid;
  }
  return binByLog(lo) >= b ? lo : hi;
}

describe("binOf(pc)", () => {
  it("gives binByLog's bin (the logarithm's) for every income, from losses to far above the top bin", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e7, noNaN: true }), (x) => binOf(x) === binByLog(x)),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: Math.log(150), max: Math.log(2e6), noNaN: true }), (y) => binOf(Math.exp(y)) === binByLog(Math.exp(y))),
      { numRuns: 50_000 },
    );
    for (const x of [0, -0, -1, 199.99999999999997, 200, 500_000, 1e300, Infinity, -Infinity]) expect(binOf(x)).toBe(binByLog(x));
    expect(binOf(NaN)).toBeNaN();
  });

  it("gives binByLog's bin for the 200 doubles either side of every bin's start", () => {
    let lo = 100;
    const wrong: number[] = [];
    for (let b = 1; b < BINS; b++) {
      const start = binStart(b, lo, 1e6);
      for (let k = -200; k <= 200; k++) {
        const x = ulps(start, k);
        if (binOf(x) !== binByLog(x)) wrong.push(x);
      }
      lo = start;
    }
    expect(wrong).toEqual([]);
  });
});
