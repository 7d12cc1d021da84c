import type { TopLevelSpec } from "vega-lite";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { ReportError } from "./reportError.ts";

/** One weighted particle of a posterior generation. */
export interface PosteriorParticle {
  parameter: string;
  value: number;
  weight: number;
}

/**
 * The marginal posterior of each calibrated parameter: a weighted histogram of the last
 * generation's particles, one small panel per parameter with its own x scale (the prior's range).
 */
export function posteriorMarginalsChart(particles: readonly PosteriorParticle[], options: { title: string; subtitle?: string; ranges: Record<string, [number, number]> }): TopLevelSpec {
  if (!particles.length) throw new ReportError("particles", [], "at least one weighted particle");
  const names = Object.keys(options.ranges);
  return {
    $schema: vegaLiteSchema,
    title: { text: options.title, subtitle: options.subtitle ?? "Weighted histogram of the last generation's particles over each parameter's prior range" },
    config: chartConfig,
    data: { values: particles.map((p) => ({ ...p })) },
    columns: 3,
    concat: names.map((name) => ({
      width: 220,
      height: 140,
      transform: [{ filter: { field: "parameter", equal: name } }],
      mark: { type: "bar", color: "#0072B2" },
      encoding: {
        x: { field: "value", type: "quantitative", bin: { maxbins: 20, extent: options.ranges[name]! }, title: name, scale: { domain: options.ranges[name]! } },
        y: { aggregate: "sum", field: "weight", type: "quantitative", title: "Posterior weight" },
      },
    })),
  } as TopLevelSpec;
}

export interface FitRow {
  target: string;
  published: number;
  mean: number;
  lo: number;
  hi: number;
  tolerance: number;
}

/**
 * Each target: the published figure (black diamond) against the model's posterior mean
 * (dot) and 90% posterior-predictive interval (bar), in units of the target's tolerance
 * from the published value, so targets of any unit share one axis.
 */
export function calibrationFitChart(rows: readonly FitRow[], options: { title: string; subtitle?: string }): TopLevelSpec {
  if (!rows.length) throw new ReportError("rows", [], "at least one target");
  const values = rows.map((r) => ({
    target: r.target,
    published: 0,
    mean: (r.mean - r.published) / r.tolerance,
    lo: (r.lo - r.published) / r.tolerance,
    hi: (r.hi - r.published) / r.tolerance,
  }));
  const y = { field: "target", type: "nominal" as const, title: null, sort: rows.map((r) => r.target), axis: { labelLimit: 320 } };
  const x = { type: "quantitative" as const, title: "Model − published, in tolerances of the target" };
  return {
    $schema: vegaLiteSchema,
    title: { text: options.title, subtitle: options.subtitle ?? "Dot: posterior mean; bar: 90% posterior-predictive interval; diamond: the published figure" },
    config: chartConfig,
    data: { values },
    width: 460,
    height: { step: 30 },
    layer: [
      { mark: { type: "rule", strokeWidth: 3, color: "#0072B2" }, encoding: { y, x: { ...x, field: "lo" }, x2: { field: "hi" } } },
      { mark: { type: "point", filled: true, size: 70, color: "#0072B2" }, encoding: { y, x: { ...x, field: "mean" } } },
      { mark: { type: "point", shape: "diamond", filled: true, size: 90, color: "black" }, encoding: { y, x: { ...x, field: "published" } } },
    ],
  } as TopLevelSpec;
}
