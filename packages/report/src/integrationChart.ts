import type { TopLevelSpec } from "vega-lite";
import type { TidyRow } from "./types.ts";
import { bandLayers } from "./bandLayers.ts";
import { bandSubtitle } from "./bandSubtitle.ts";
import { bandValue } from "./bandValue.ts";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { infoFor } from "./metricInfo.ts";
import { ReportError } from "./reportError.ts";
import { scenarioOrder } from "@relocsim/core/results";
import { summariseReplicates } from "./summariseReplicates.ts";

/** The composite index first, then its three dimensions. */
export const integrationMetrics: readonly string[] = [
  "integration_index",
  "integration_economic",
  "integration_social",
  "integration_psychological",
];

export interface IntegrationOptions {
  /** @default "all" */
  group?: string;
  /** order and colours of scenarios, baseline first */
  scenarios?: readonly string[];
  /** @default "Social integration by dimension" */
  title?: string;
}

/** Integration over time, one panel per dimension (all on the 0–1 index scale), per scenario. */
export function integrationChart(rows: readonly TidyRow[], options: IntegrationOptions = {}): TopLevelSpec {
  const group = options.group ?? "all";
  const wanted = new Set(integrationMetrics);
  const selected = rows.filter((r) => r.group === group && wanted.has(r.metric));
  if (selected.length === 0) {
    throw new ReportError("rows", `${rows.length} rows`, `integration rows (${integrationMetrics.join(", ")}) in group "${group}"`);
  }
  const scenarios = scenarioOrder(selected, options.scenarios);
  const found = new Set(selected.map((r) => r.metric));
  const labels = integrationMetrics.filter((m) => found.has(m)).map((m) => infoFor(m).label);
  const values = summariseReplicates(selected).map((s) => ({ ...bandValue(s), dimension: infoFor(s.metric).label }));
  return {
    $schema: vegaLiteSchema,
    title: {
      text: options.title ?? "Social integration by dimension",
      subtitle: bandSubtitle(values.map((v) => v.n), group),
    },
    config: chartConfig,
    data: { values },
    columns: 2,
    facet: { field: "dimension", type: "nominal", sort: labels, title: null },
    spec: {
      width: 320,
      height: 170,
      layer: bandLayers(scenarios, values.map((v) => v.date), { title: "Integration (index 0–1)", format: ".2f" }),
    },
  };
}
