import type { TopLevelSpec } from "vega-lite";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { ReportError } from "./reportError.ts";

export interface SensitivityBar {
  parameter: string;
  /** mu_star, sigma, S1 or ST */
  index: string;
  value: number;
  /** bootstrap interval (NaN: none) */
  lo: number;
  hi: number;
}

export interface SensitivityChartOptions {
  title: string;
  subtitle?: string;
  /** x-axis title, e.g. "Sobol index" or "μ* (outcome per unit of the range)" */
  valueTitle: string;
  /** d3-format of the axis; @default ".2~f" */
  valueFormat?: string;
}

const LABELS: Record<string, string> = { mu_star: "μ* (mean |elementary effect|)", sigma: "σ (spread of effects)", S1: "S1 (first order)", ST: "ST (total order)" };

/**
 * Sensitivity indices of one outcome with their intervals: per parameter a dot per index and a
 * line across its bootstrap interval, parameters sorted by the first index given (widest on
 * top), indices told apart by colour and offset.
 */
export function sensitivityChart(bars: readonly SensitivityBar[], options: SensitivityChartOptions): TopLevelSpec {
  if (bars.length === 0) throw new ReportError("indices", [], "at least one {parameter, index, value, lo, hi}");
  const bad = bars.find((b) => !Number.isFinite(b.value));
  if (bad) throw new ReportError(`${bad.parameter}.${bad.index}`, bad.value, "a finite number");
  const first = bars[0]!.index;
  const order = bars
    .filter((b) => b.index === first)
    .sort((a, b) => b.value - a.value || a.parameter.localeCompare(b.parameter))
    .map((b) => b.parameter);
  const indices = [...new Set(bars.map((b) => b.index))];
  const label = (i: string) => LABELS[i] ?? i;
  const values = bars.map((b) => ({
    parameter: b.parameter,
    index: label(b.index),
    value: b.value,
    lo: Number.isFinite(b.lo) ? b.lo : b.value,
    hi: Number.isFinite(b.hi) ? b.hi : b.value,
  }));
  const format = options.valueFormat ?? ".2~f";
  const y = { field: "parameter", type: "nominal" as const, title: null, sort: order, axis: { labelLimit: 480 } };
  const color = { field: "index", type: "nominal" as const, title: "Index", sort: indices.map(label), scale: { domain: indices.map(label), range: ["#0072B2", "#D55E00", "#009E73", "#CC79A7"].slice(0, indices.length) } };
  const yOffset = { field: "index", type: "nominal" as const, sort: indices.map(label) };
  return {
    $schema: vegaLiteSchema,
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : { text: options.title },
    config: chartConfig,
    data: { values },
    width: 460,
    // With yOffset the step is per index inside a parameter's band.
    height: { step: 14 },
    encoding: { y, yOffset, color },
    layer: [
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { x: { field: "lo", type: "quantitative", title: options.valueTitle, axis: { format } }, x2: { field: "hi" } } },
      {
        mark: { type: "point", filled: true, size: 60 },
        encoding: {
          x: { field: "value", type: "quantitative" },
          tooltip: [
            { field: "parameter", type: "nominal", title: "Parameter" },
            { field: "index", type: "nominal", title: "Index" },
            { field: "value", type: "quantitative", title: "Value", format: ".3~f" },
            { field: "lo", type: "quantitative", title: "95% interval, low", format: ".3~f" },
            { field: "hi", type: "quantitative", title: "95% interval, high", format: ".3~f" },
          ],
        },
      },
    ],
  };
}
