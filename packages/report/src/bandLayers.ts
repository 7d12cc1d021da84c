import type { LayerSpec, UnitSpec } from "vega-lite/types_unstable/spec/index.js";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import { scenarioScale } from "./palette.ts";
import { timeAxis } from "./timeAxis.ts";

/**
 * A mean line with its 95% band per scenario over time, on data shaped like
 * ReplicateSummary (fields scenario, date, mean, ci_low, ci_high, n); `dates` set the axis ticks.
 */
export function bandLayers(
  scenarios: readonly string[],
  dates: readonly string[],
  y: { title: string; format: string },
): (LayerSpec<Field> | UnitSpec<Field>)[] {
  const color = {
    field: "scenario",
    type: "nominal" as const,
    title: "Scenario",
    scale: scenarioScale(scenarios),
    sort: [...scenarios],
    // Without these the merged legend copies the band's faint circles.
    legend: { symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 3 },
  };
  const axis = { format: y.format, tickCount: 5 };
  return [
    {
      mark: { type: "area", opacity: 0.16 },
      encoding: {
        x: timeAxis(dates),
        y: { field: "ci_low", type: "quantitative", title: y.title, axis },
        y2: { field: "ci_high" },
        color,
      },
    },
    {
      mark: { type: "line", strokeWidth: 2.2 },
      encoding: {
        x: timeAxis(dates),
        y: { field: "mean", type: "quantitative", title: y.title, axis },
        color,
        tooltip: [
          { field: "scenario", type: "nominal", title: "Scenario" },
          { field: "date", type: "nominal", title: "Date" },
          { field: "mean", type: "quantitative", title: "Mean", format: y.format },
          { field: "ci_low", type: "quantitative", title: "95% CI low", format: y.format },
          { field: "ci_high", type: "quantitative", title: "95% CI high", format: y.format },
          { field: "n", type: "quantitative", title: "Replications" },
        ],
      },
    },
  ];
}
