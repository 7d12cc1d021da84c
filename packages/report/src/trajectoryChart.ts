import type { TopLevelSpec } from "vega-lite";
import type { TidyRow } from "./types.ts";
import { bandLayers } from "./bandLayers.ts";
import { bandSubtitle } from "./bandSubtitle.ts";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { infoFor } from "./metricInfo.ts";
import { ReportError } from "./reportError.ts";
import { scenarioOrder } from "@relocsim/core/results";
import { bandValue } from "./bandValue.ts";
import { summariseReplicates } from "./summariseReplicates.ts";

/** The outcomes followed over time by default: labour, income, integration, poverty, residence. */
export const trajectoryMetrics: readonly string[] = [
  "employment_rate",
  "per_capita_income",
  "integration_index",
  "poverty_rate",
  "occupancy_rate",
  "transitional_share",
  "return_rate",
  "give_up_rate",
];

export interface TrajectoryOptions {
  /** @default trajectoryMetrics (those present in the rows) */
  metrics?: readonly string[];
  /** @default "all" */
  group?: string;
  /** order and colours of scenarios (baseline first); others follow in order of appearance */
  scenarios?: readonly string[];
  /** @default "Outcome trajectories" */
  title?: string;
}

/**
 * Outcome trajectories: one panel per metric (each with its own unit), a line per
 * scenario for the mean over replications and a band for its 95% confidence interval.
 */
export function trajectoryChart(rows: readonly TidyRow[], options: TrajectoryOptions = {}): TopLevelSpec {
  const group = options.group ?? "all";
  const wanted = options.metrics ?? trajectoryMetrics;
  const wantedSet = new Set(wanted);
  const selected = rows.filter((r) => r.group === group && wantedSet.has(r.metric));
  const found = new Set(selected.map((r) => r.metric));
  const metrics = wanted.filter((m) => found.has(m));
  if (metrics.length === 0) {
    throw new ReportError("rows", `${rows.length} rows`, `rows of group "${group}" for one of ${wanted.join(", ")}`);
  }
  const scenarios = scenarioOrder(selected, options.scenarios);
  const values = summariseReplicates(selected).map(bandValue);
  const dates = values.map((v) => v.date);
  return {
    $schema: vegaLiteSchema,
    title: {
      text: options.title ?? "Outcome trajectories",
      subtitle: bandSubtitle(values.map((v) => v.n), group),
    },
    config: chartConfig,
    data: { values },
    columns: 2,
    concat: metrics.map((metric) => {
      const info = infoFor(metric);
      return {
        title: { text: info.label, fontSize: 15, frame: "group" },
        width: 320,
        height: 170,
        transform: [{ filter: { field: "metric", equal: metric } }],
        layer: bandLayers(scenarios, dates, { title: info.unit || info.label, format: axisFormat(info.format) }),
      };
    }),
    resolve: { scale: { y: "independent" } },
  };
}

/** Axis labels of small shares need a decimal ("1.5%"), large ones don't ("40%"). */
function axisFormat(format: string): string {
  return format === ".0%" ? ".1~%" : format;
}
