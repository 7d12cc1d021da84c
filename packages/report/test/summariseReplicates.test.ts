import { describe, expect, test } from "vitest";
import { summariseReplicates, type TidyRow } from "../src/index.ts";
import { tQuantile975 } from "../src/studentT.ts";

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
    expect(s!.ci_low).toBeCloseTo(0.5 - 4.303 * (sd / Math.sqrt(3)), 12);
    expect(s!.ci_high).toBeCloseTo(0.5 + 4.303 * (sd / Math.sqrt(3)), 12);
  });

  test("a single replicate has a zero-width interval", () => {
    const [s] = summariseReplicates([row(0, 0.42)]);
    expect(s).toMatchObject({ n: 1, mean: 0.42, sd: 0, ci_low: 0.42, ci_high: 0.42 });
  });

  test("keeps steps apart and leaves out non-finite values", () => {
    const out = summariseReplicates([row(0, 1, 0), row(1, NaN, 0), row(0, 3, 1), row(1, 5, 1)]);
    expect(out.map((s) => [s.step, s.n, s.mean])).toEqual([[0, 1, 1], [1, 2, 4]]);
  });

  test("tQuantile975 tends to 1.96", () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(30)).toBe(2.042);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 3);
  });
});
