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

/**
 * Effects at the horizon: per outcome a panel with each scenario's mean paired difference
 * from the baseline (point) and its 95% confidence interval (rule), and a zero line.
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
  const values = rows.map((r) => ({
    scenario: r.scenario, baseline: r.baseline, metric: r.metric, date: r.date, n: r.n,
    baseline_mean: r.baseline_mean, scenario_mean: r.scenario_mean,
    effect: r.effect, ci_low: r.ci_low, ci_high: r.ci_high,
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
      subtitle: [
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
          {
            mark: { type: "rule", strokeWidth: 2.5 },
            encoding: {
              y,
              x: { field: "ci_low", type: "quantitative", title: xTitle, axis: { format, tickCount: 5 } },
              x2: { field: "ci_high" },
              color,
            },
          },
          {
            mark: { type: "point", filled: true, size: 90, opacity: 1 },
            encoding: {
              y,
              x: { field: "effect", type: "quantitative", title: xTitle, axis: { format, tickCount: 5 } },
              color,
              tooltip: [
                { field: "scenario", type: "nominal", title: "Scenario" },
                { field: "effect", type: "quantitative", title: "Effect", format },
                { field: "ci_low", type: "quantitative", title: "95% CI low", format },
                { field: "ci_high", type: "quantitative", title: "95% CI high", format },
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
