import { describe, expect, it } from "vitest";
import { METRICS } from "@relocsim/core";
import { METRIC_TABLE } from "@relocsim/core/engine";
import { axisTitle, infoFor, metricInfo } from "../src/index.ts";

describe("metricInfo (from core's METRIC_TABLE)", () => {
  it("has an entry for every metric of METRICS with the table's label, unit, format and kind", () => {
    expect(Object.keys(metricInfo)).toEqual([...METRICS]);
    for (const m of METRIC_TABLE) expect(metricInfo[m.name], m.name).toEqual({ label: m.label, unit: m.unit, format: m.format, kind: m.kind });
  });

  it("infoFor(metric) is the entry, or a readable fallback for a metric core does not report", () => {
    expect(infoFor("give_up_rate")).toEqual(metricInfo.give_up_rate);
    expect(infoFor("custom_score")).toEqual({ label: "Custom score", unit: "", format: ",.3~g", kind: "index" });
  });

  it("axisTitle(metric) is the label with the unit in brackets", () => {
    expect(axisTitle("employment_rate")).toBe("Employment rate (share of labour force)");
    expect(axisTitle("custom_score")).toBe("Custom score");
  });
});
