import { describe, expect, it } from "vitest";
import { modelSpec } from "../src/params/model.js";
import { leaves, num, within, ASSUMPTION } from "../src/params/spec.js";

/** Number leaves whose default is (partly) an assumption: each needs a plausible range. */
function assumptionsWithoutRange(): string[] {
  return leaves(modelSpec)
    .filter(({ spec }) => spec.kind === "number" && /assumption/.test(spec.source) && !spec.plausible)
    .map(({ path }) => path);
}

describe("plausible ranges", () => {
  it("are checked against the accepted range and the default", () => {
    const leaf = num(0.5, { min: 0, max: 1 }, ASSUMPTION, "x");
    expect(within(leaf, 0.2, 0.8).plausible).toEqual({ lo: 0.2, hi: 0.8, log: false });
    expect(() => within(leaf, 0.6, 0.8)).toThrow(/contain the default 0.5/);
    expect(() => within(leaf, -1, 0.8)).toThrow(/0 <= lo < hi <= 1/);
    expect(() => within(leaf, 0.8, 0.2)).toThrow(/lo < hi/);
    expect(() => within(num(1, { min: 0, max: 10 }, ASSUMPTION, "y"), 0, 5, { log: true })).toThrow(/positive/);
    expect(num(1, { min: 0, max: 100, range: [0.1, 10], log: true }, ASSUMPTION, "z").plausible).toEqual({ lo: 0.1, hi: 10, log: true });
  });

  it("exist for every assumption (none may be added without one)", () => {
    // Ratchet while the ranges are being filled in (issues 10 and 11): the count may only fall.
    const missing = assumptionsWithoutRange();
    expect(missing.length, missing.join("\n")).toBeLessThanOrEqual(MAX_MISSING);
  });
});

const MAX_MISSING = 1;
