import type { TopLevelSpec } from "vega-lite";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { ReportError } from "./reportError.ts";

/** One predicted outcome at one date: posterior-predictive mean and interval, and the point estimate's mean. */
export interface PredictionRow {
  metric: string;
  date: string;
  mean: number;
  lo: number;
  hi: number;
  /** The model at its point estimate (the shipped defaults), mean over its runs. */
  point?: number;
}

/**
 * Predictions, one small panel per metric with its own y scale: for each date the 90%
 * posterior-predictive interval (bar), its mean (dot) and the point estimate's mean (open
 * circle), so that figures published later can be set against them.
 */
export function predictionChart(rows: readonly PredictionRow[], options: { title: string; subtitle?: string }): TopLevelSpec {
  if (!rows.length) throw new ReportError("rows", [], "at least one prediction");
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const x = { field: "date", type: "ordinal" as const, title: null };
  return {
    $schema: vegaLiteSchema,
    title: { text: options.title, subtitle: options.subtitle ?? "Bar: 90% posterior-predictive interval; dot: its mean; circle: the point estimate (the defaults)" },
    config: chartConfig,
    data: { values: rows.map((r) => ({ ...r })) },
    columns: 3,
    concat: metrics.map((metric) => ({
      width: 200,
      height: 140,
      transform: [{ filter: { field: "metric", equal: metric } }],
      layer: [
        { mark: { type: "rule", strokeWidth: 3, color: "#0072B2" }, encoding: { x, y: { field: "lo", type: "quantitative", title: metric, scale: { zero: false } }, y2: { field: "hi" } } },
        { mark: { type: "point", filled: true, size: 60, color: "#0072B2" }, encoding: { x, y: { field: "mean", type: "quantitative" } } },
        { mark: { type: "point", filled: false, size: 90, color: "#D55E00" }, encoding: { x, y: { field: "point", type: "quantitative" } } },
      ],
    })),
  } as TopLevelSpec;
}
