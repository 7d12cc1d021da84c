import type { TopLevelSpec } from "vega-lite";
import type { EffectRow } from "./types.ts";
import { atHorizon } from "./atHorizon.ts";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { differenceAxisFormat } from "./formatValue.ts";
import { infoFor } from "./metricInfo.ts";
import { scenarioScale } from "./palette.ts";
import { replicationText } from "./replicationText.ts";
import { ReportError } from "./reportError.ts";
import { scenarioOrder } from "@relocsim/core/results";
import { trajectoryMetrics } from "./trajectoryChart.ts";

export interface EffectsOptions {
  /** @default trajectoryMetrics (those present in the effects) */
  metrics?: readonly string[];
  /** @default "all" */
  group?: string;
  /** order and colours of scenarios, baseline first (as in the other charts) */
  scenarios?: readonly string[];
  /** @default "Effects at the horizon" */
  title?: string;
}

/** The two intervals of a comparison run with --posterior, as the chart's legend names them. */
export const POSTERIOR_INTERVALS = ["95% CI from chance alone (parameters known)", "95% CI over posterior draws (with parameter uncertainty)"] as const;

/**
 * Effects at the horizon: per outcome a panel with each scenario's mean paired difference
 * from the baseline (point) and its 95% confidence interval (rule), and a zero line. Effects of
 * a comparison run with --posterior (effects.csv has draw_ci_low, draw_ci_high) show two: the
 * interval over posterior draws (with parameter uncertainty) as a thin line under a thick one
 * from chance alone (stochastic_ci_low/high; files of earlier versions: ci_low/high).
 */
export function effectsChart(effects: readonly EffectRow[], options: EffectsOptions = {}): TopLevelSpec {
  const group = options.group ?? "all";
  const wanted = options.metrics ?? trajectoryMetrics;
  const wantedSet = new Set(wanted);
  const rows = atHorizon(
    effects.filter((e) => e.group === group && wantedSet.has(e.metric) && e.scenario !== e.baseline),
  );
  const found = new Set(rows.map((r) => r.metric));
  const metrics = wanted.filter((m) => found.has(m));
  if (metrics.length === 0) {
    throw new ReportError("effects", `${effects.length} rows`, `effects of group "${group}" for one of ${wanted.join(", ")}`);
  }
  const baselines = [...new Set(rows.map((r) => r.baseline))];
  // Colours follow the scenario order of the other charts, which lists the baseline first.
  const colourOrder = scenarioOrder([...baselines.map((scenario) => ({ scenario })), ...rows], options.scenarios);
  const shown = colourOrder.filter((s) => rows.some((r) => r.scenario === s));
  const posterior = rows.some((r) => Number.isFinite(r.draw_ci_low));
  const values = rows.map((r) => ({
    scenario: r.scenario, baseline: r.baseline, metric: r.metric, date: r.date, n: r.n,
    baseline_mean: r.baseline_mean, scenario_mean: r.scenario_mean,
    effect: r.effect, ci_low: r.ci_low, ci_high: r.ci_high,
    ...(posterior && {
      draw_ci_low: r.draw_ci_low, draw_ci_high: r.draw_ci_high, parameter_share: r.parameter_share,
      chance_ci_low: r.stochastic_ci_low ?? r.ci_low, chance_ci_high: r.stochastic_ci_high ?? r.ci_high,
    }),
  }));
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  const color = {
    field: "scenario",
    type: "nominal" as const,
    title: "Scenario",
    scale: scenarioScale(colourOrder),
    sort: shown,
    // The domain keeps the baseline so colours match the other charts; it has no mark here.
    legend: { values: shown },
  };
  const y = { field: "scenario", type: "nominal" as const, title: "Scenario", sort: shown, axis: { labelLimit: 220 } };
  return {
    $schema: vegaLiteSchema,
    title: {
      text: options.title ?? "Effects at the horizon",
      subtitle: posterior
        ? [
            `Difference from ${baselines.join(", ")} at ${dates.join(", ")} (group: ${group}), each replicate run with a posterior draw; point: mean paired`,
            `difference over ${replicationText(rows.map((r) => r.n))}; thick line: 95% CI from chance alone; thin line: 95% CI over the draws, with parameter uncertainty.`,
          ]
        : [
            `Difference from ${baselines.join(", ")} at ${dates.join(", ")} (group: ${group}); point: mean paired difference,`,
            `line: 95% confidence interval over ${replicationText(rows.map((r) => r.n))}.`,
          ],
    },
    config: chartConfig,
    data: { values },
    columns: 2,
    concat: metrics.map((metric) => {
      const info = infoFor(metric);
      const format = differenceAxisFormat(metric);
      const xTitle = `Difference${info.unit ? ` (${info.unit})` : ""}`;
      return {
        title: { text: info.label, fontSize: 15, frame: "group" },
        width: 300,
        height: { step: 30 },
        transform: [{ filter: { field: "metric", equal: metric } }],
        layer: [
          {
            data: { values: [{}] },
            mark: { type: "rule", color: "#777777", strokeDash: [4, 3] },
            encoding: { x: { datum: 0, type: "quantitative" } },
          },
          ...(posterior
            ? [
                intervalRule("draw_ci_low", "draw_ci_high", POSTERIOR_INTERVALS[1], { y, color, xTitle, format }),
                intervalRule("chance_ci_low", "chance_ci_high", POSTERIOR_INTERVALS[0], { y, color, xTitle, format }),
              ]
            : [
                {
                  mark: { type: "rule" as const, strokeWidth: 2.5 },
                  encoding: {
                    y,
                    x: { field: "ci_low", type: "quantitative" as const, title: xTitle, axis: { format, tickCount: 5 } },
                    x2: { field: "ci_high" },
                    color,
                  },
                },
              ]),
          {
            mark: { type: "point", filled: true, size: 90, opacity: 1 },
            encoding: {
              y,
              x: { field: "effect", type: "quantitative", title: xTitle, axis: { format, tickCount: 5 } },
              color,
              tooltip: [
                { field: "scenario", type: "nominal", title: "Scenario" },
                { field: "effect", type: "quantitative", title: "Effect", format },
                ...(posterior
                  ? [
                      { field: "chance_ci_low", type: "quantitative" as const, title: "95% CI from chance alone, low", format },
                      { field: "chance_ci_high", type: "quantitative" as const, title: "95% CI from chance alone, high", format },
                      { field: "draw_ci_low", type: "quantitative" as const, title: "95% CI over draws, low", format },
                      { field: "draw_ci_high", type: "quantitative" as const, title: "95% CI over draws, high", format },
                      { field: "parameter_share", type: "quantitative" as const, title: "Share of variance from parameters", format: ".0%" },
                    ]
                  : [
                      { field: "ci_low", type: "quantitative" as const, title: "95% CI low", format },
                      { field: "ci_high", type: "quantitative" as const, title: "95% CI high", format },
                    ]),
                { field: "scenario_mean", type: "quantitative", title: "Scenario mean", format: info.format },
                { field: "baseline_mean", type: "quantitative", title: "Baseline mean", format: info.format },
                { field: "n", type: "quantitative", title: "Replications" },
              ],
            },
          },
        ],
      };
    }),
    resolve: { scale: { x: "independent" } },
  };
}

/** One of the two intervals of a --posterior comparison: line width says which (a legend of its own). */
function intervalRule(lo: string, hi: string, which: (typeof POSTERIOR_INTERVALS)[number], o: { y: object; color: object; xTitle: string; format: string }) {
  return {
    // A field rather than a datum: Vega-Lite's schema gives a datum no scale or legend.
    transform: [{ calculate: JSON.stringify(which), as: "interval" }],
    mark: { type: "rule" as const },
    encoding: {
      y: o.y,
      x: { field: lo, type: "quantitative" as const, title: o.xTitle, axis: { format: o.format, tickCount: 5 } },
      x2: { field: hi },
      color: o.color,
      strokeWidth: {
        field: "interval",
        type: "ordinal" as const,
        sort: [...POSTERIOR_INTERVALS],
        title: "Interval",
        scale: { domain: [...POSTERIOR_INTERVALS], range: [4, 1.2] },
        legend: { symbolType: "stroke", symbolStrokeColor: "#555555", labelLimit: 420 },
      },
    },
  };
}
