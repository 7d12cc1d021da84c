import type { TopLevelSpec } from "vega-lite";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { ReportError } from "./reportError.ts";

export interface TornadoItem {
  /** parameter name, with the range it was varied over if it helps: "Training intensity (0.5–1.5×)" */
  parameter: string;
  /** outcome with the parameter at its low value */
  low: number;
  /** outcome with the parameter at its high value */
  high: number;
  /** outcome with every parameter at its base value */
  base: number;
}

export interface TornadoOptions {
  title: string;
  /** name and unit of the outcome, the x-axis title */
  valueTitle: string;
  subtitle?: string;
  /** d3-format of the outcome axis; @default ",.3~g" */
  valueFormat?: string;
}

const settings = ["Parameter at low value", "Parameter at high value"];

/**
 * One-at-a-time sensitivity: per parameter a bar from the base outcome to the outcome at
 * its low value and one to its high value; parameters sorted by swing, widest on top.
 */
export function tornadoChart(items: readonly TornadoItem[], options: TornadoOptions): TopLevelSpec {
  if (items.length === 0) throw new ReportError("items", [], "at least one {parameter, low, high, base} item");
  for (const it of items) {
    for (const k of ["low", "high", "base"] as const) {
      if (!Number.isFinite(it[k])) throw new ReportError(`${it.parameter}.${k}`, it[k], "a finite number");
    }
  }
  const format = options.valueFormat ?? ",.3~g";
  const sorted = [...items]
    .map((it) => ({ ...it, swing: Math.abs(it.high - it.low) }))
    .sort((a, b) => b.swing - a.swing || a.parameter.localeCompare(b.parameter));
  const order = sorted.map((it) => it.parameter);
  const values = sorted.flatMap((it) => [
    { parameter: it.parameter, setting: settings[0], value: it.low, base: it.base, swing: it.swing },
    { parameter: it.parameter, setting: settings[1], value: it.high, base: it.base, swing: it.swing },
  ]);
  const y = { field: "parameter", type: "nominal" as const, title: "Parameter", sort: order, axis: { labelLimit: 260 } };
  const x = { type: "quantitative" as const, title: options.valueTitle, axis: { format, tickCount: 6 }, scale: { zero: false } };
  return {
    $schema: vegaLiteSchema,
    title: {
      text: options.title,
      subtitle: options.subtitle ?? "Outcome with one parameter at a time at its low or high value; the black tick marks the base case.",
    },
    config: chartConfig,
    data: { values },
    width: 480,
    height: { step: 34 },
    layer: [
      {
        mark: { type: "bar", size: 20, opacity: 0.9 },
        encoding: {
          y,
          x: { ...x, field: "value" },
          x2: { field: "base" },
          color: {
            field: "setting",
            type: "nominal",
            title: "Outcome with",
            sort: settings,
            scale: { domain: settings, range: ["#0072B2", "#D55E00"] },
          },
          tooltip: [
            { field: "parameter", type: "nominal", title: "Parameter" },
            { field: "setting", type: "nominal", title: "Setting" },
            { field: "value", type: "quantitative", title: "Outcome", format },
            { field: "base", type: "quantitative", title: "Base case", format },
          ],
        },
      },
      {
        mark: { type: "tick", color: "black", thickness: 2.5, size: 28 },
        encoding: { y, x: { ...x, field: "base" } },
      },
    ],
  };
}
