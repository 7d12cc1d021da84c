import { describe, expect, test } from "vitest";
import { summariseReplicates, type TidyRow } from "../src/index.ts";
import { tQuantile } from "@relocsim/core/engine";

const row = (replicate: number, value: number, step = 0): TidyRow => ({
  scenario: "s", replicate, seed: replicate, step, date: "2016-01", group: "all", metric: "employment_rate", value,
});

describe("summariseReplicates(rows)", () => {
  test("gives the mean and the Student-t 95% interval of the mean", () => {
    const [s] = summariseReplicates([row(0, 0.4), row(1, 0.5), row(2, 0.6)]);
    const sd = 0.1;
    expect(s!.n).toBe(3);
    expect(s!.mean).toBeCloseTo(0.5, 12);
    expect(s!.sd).toBeCloseTo(sd, 12);
    // t(0.975, 2) = 4.302653 exactly (a table rounded to 4.303 shifts the band by 1e-4).
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.302653, 6);
    expect(s!.ci_low).toBeCloseTo(0.5 - 4.302653 * (sd / Math.sqrt(3)), 6);
    expect(s!.ci_high).toBeCloseTo(0.5 + 4.302653 * (sd / Math.sqrt(3)), 6);
  });

  test("a single replicate has no interval (NaN bounds, so no band is drawn), not a zero-width one", () => {
    const [s] = summariseReplicates([row(0, 0.42)]);
    expect(s).toMatchObject({ n: 1, mean: 0.42, sd: NaN, ci_low: NaN, ci_high: NaN });
  });

  test("keeps steps apart and leaves out non-finite values", () => {
    const out = summariseReplicates([row(0, 1, 0), row(1, NaN, 0), row(0, 3, 1), row(1, 5, 1)]);
    expect(out.map((s) => [s.step, s.n, s.mean])).toEqual([[0, 1, 1], [1, 2, 4]]);
  });
});
