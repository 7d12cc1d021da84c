import { describe, expect, it } from "vitest";
import { designSwings, parameterLabel } from "../src/index.ts";

const a = [{ path: "a", lo: 0, hi: 1 }];

describe("designSwings(method, parameters, units, means)", () => {
  it("a factorial: the mean outcome at the lowest and the highest level, base the mean over every point", () => {
    expect(designSwings("factorial", a, [[0], [0.5], [1]], [1, 2, 6])[0]).toMatchObject({ low: 1, high: 6, base: 3 });
  });
  it("other designs: the lowest and highest thirds of the range, symmetric on a Morris grid", () => {
    expect(designSwings("morris", a, [[0], [1 / 3], [2 / 3], [1]], [1, 3, 5, 7])[0]).toMatchObject({ low: 2, high: 6, base: 4 });
    expect(designSwings("lhs", a, [[0.1], [0.5], [0.9]], [1, 2, 3])[0]).toMatchObject({ low: 1, high: 3, base: 2 });
  });
  it("labels each parameter with its range: parameterLabel({path, lo, hi, log})", () => {
    expect(designSwings("lhs", [{ path: "labour.startupRate", lo: 0.005, hi: 0.02, log: true }], [[0.5]], [1])[0]!.parameter).toBe("labour.startupRate (0.005–0.02, log)");
    expect(parameterLabel({ path: "x", lo: 0.123456, hi: 12345 })).toBe("x (0.123–12300)");
  });
});
