import type { TopLevelSpec } from "vega-lite";
import type { TidyRow } from "./types.ts";
import { atHorizon } from "./atHorizon.ts";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { scenarioScale } from "./palette.ts";
import { replicationText } from "./replicationText.ts";
import { ReportError } from "./reportError.ts";
import { scenarioOrder } from "@relocsim/core/results";
import { summariseReplicates } from "./summariseReplicates.ts";

/** The summary statistics the box is drawn from, by metric name. */
const parts = {
  per_capita_income_p10: "p10",
  per_capita_income_p25: "p25",
  per_capita_income_median: "median",
  per_capita_income_p75: "p75",
  per_capita_income_p90: "p90",
  per_capita_income: "mean",
} as const;
type Part = (typeof parts)[keyof typeof parts];

export interface IncomeDistributionOptions {
  /** @default "all" */
  group?: string;
  /** order and colours of scenarios, baseline first */
  scenarios?: readonly string[];
  /** @default "Distribution of per-capita income at the horizon" */
  title?: string;
}

/**
 * Per-capita income at the horizon by scenario as a box and whiskers drawn from the
 * simulation's own percentiles (whiskers p10–p90, box p25–p75, tick at the median, diamond
 * at the mean), each averaged over replications.
 */
export function incomeDistributionChart(rows: readonly TidyRow[], options: IncomeDistributionOptions = {}): TopLevelSpec {
  const group = options.group ?? "all";
  const selected = atHorizon(rows.filter((r) => r.group === group && r.metric in parts));
  const byScenario = new Map<string, Partial<Record<Part, number>> & { date: string; n: number }>();
  for (const s of summariseReplicates(selected)) {
    let entry = byScenario.get(s.scenario);
    if (!entry) byScenario.set(s.scenario, (entry = { date: s.date, n: s.n }));
    entry[parts[s.metric as keyof typeof parts]] = s.mean;
    entry.n = Math.min(entry.n, s.n);
  }
  const complete = [...byScenario].filter(([, e]) => ["p10", "p25", "median", "p75", "p90"].every((p) => p in e));
  if (complete.length === 0) {
    throw new ReportError("rows", `${rows.length} rows`, `per_capita_income p10, p25, median, p75 and p90 rows in group "${group}"`);
  }
  const scenarios = scenarioOrder(complete.map(([scenario]) => ({ scenario })), options.scenarios);
  const values = scenarios.map((scenario) => {
    const e = byScenario.get(scenario)!;
    return { scenario, date: e.date, n: e.n, p10: e.p10, p25: e.p25, median: e.median, p75: e.p75, p90: e.p90, mean: e.mean ?? null };
  });
  const hasMean = values.some((v) => v.mean !== null);
  const y = { field: "scenario", type: "nominal" as const, title: "Scenario", sort: scenarios, axis: { labelLimit: 220 } };
  const xTitle = "Per-capita income (yuan per person per year)";
  const x = (field: string) => ({ field, type: "quantitative" as const, title: xTitle, axis: { format: ",.0f", tickCount: 6 } });
  const color = { field: "scenario", type: "nominal" as const, title: "Scenario", sort: scenarios, scale: scenarioScale(scenarios) };
  const tooltip = [
    { field: "scenario", type: "nominal" as const, title: "Scenario" },
    { field: "date", type: "nominal" as const, title: "Date" },
    ...(["p10", "p25", "median", "p75", "p90", ...(hasMean ? ["mean"] : [])] as const).map((f) => ({
      field: f, type: "quantitative" as const, title: f === "median" || f === "mean" ? f[0]!.toUpperCase() + f.slice(1) : f.toUpperCase(), format: ",.0f",
    })),
  ];
  const dates = [...new Set(values.map((v) => v.date))].sort();
  return {
    $schema: vegaLiteSchema,
    title: {
      text: options.title ?? "Distribution of per-capita income at the horizon",
      subtitle: [
        `At ${dates.join(", ")} (group: ${group}), mean over ${replicationText(values.map((v) => v.n))} of each percentile.`,
        `Whiskers: 10th–90th percentile; box: 25th–75th; black tick: median${hasMean ? "; white diamond: mean" : ""}.`,
      ],
    },
    config: chartConfig,
    data: { values },
    width: 520,
    height: { step: 40 },
    layer: [
      { mark: { type: "rule", strokeWidth: 1.5, color: "#333333" }, encoding: { y, x: x("p10"), x2: { field: "p90" } } },
      {
        mark: { type: "bar", size: 22, fillOpacity: 0.5, stroke: "#333333", strokeWidth: 1 },
        encoding: { y, x: x("p25"), x2: { field: "p75" }, color, tooltip },
      },
      { mark: { type: "tick", color: "black", thickness: 3, size: 28 }, encoding: { y, x: x("median"), tooltip } },
      ...(hasMean
        ? [{
            mark: { type: "point" as const, shape: "diamond", filled: true, fill: "white", stroke: "black", strokeWidth: 1.2, size: 70, opacity: 1 },
            encoding: { y, x: x("mean"), tooltip },
          }]
        : []),
    ],
  };
}
