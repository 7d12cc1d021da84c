import { describe, expect, it } from "vitest";
import { sensitivityChart, toSvg } from "../src/index.ts";

const bars = [
  { parameter: "a", index: "ST", value: 0.2, lo: 0.1, hi: 0.3 },
  { parameter: "b", index: "ST", value: 0.6, lo: 0.5, hi: 0.7 },
  { parameter: "a", index: "S1", value: 0.1, lo: NaN, hi: NaN },
  { parameter: "b", index: "S1", value: 0.5, lo: 0.4, hi: 0.6 },
];

describe("sensitivityChart(bars, options)", () => {
  it("sorts parameters by the first index, widest on top, and draws each interval (none: at the value)", async () => {
    const spec = sensitivityChart(bars, { title: "Sobol indices", valueTitle: "share of variance" }) as unknown as { encoding: { y: { sort: string[] } }; data: { values: { lo: number; hi: number; value: number }[] } };
    expect(spec.encoding.y.sort).toEqual(["b", "a"]);
    expect(spec.data.values[2]).toMatchObject({ lo: 0.1, hi: 0.1, value: 0.1 });
    const svg = await toSvg(sensitivityChart(bars, { title: "Sobol indices", valueTitle: "share of variance" }));
    expect(svg).toContain("ST (total order)");
    expect(svg).toContain("S1 (first order)");
  });
  it("refuses no indices or a non-finite value", () => {
    expect(() => sensitivityChart([], { title: "t", valueTitle: "v" })).toThrow(/at least one/);
    expect(() => sensitivityChart([{ ...bars[0]!, value: NaN }], { title: "t", valueTitle: "v" })).toThrow(/a\.ST/);
  });
});
