import type { TopLevelSpec } from "vega-lite";
import type { TidyRow } from "./types.ts";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { infoFor } from "./metricInfo.ts";
import { replicationText } from "./replicationText.ts";
import { ReportError } from "./reportError.ts";
import { scenarioOrder } from "@relocsim/core/results";
import { summariseReplicates } from "./summariseReplicates.ts";
import { timeAxis } from "./timeAxis.ts";

/** The five income sources, stacked from the bottom in this order. */
export const incomeShareMetrics: readonly string[] = [
  "wage_income_share",
  "business_income_share",
  "agriculture_income_share",
  "transfer_income_share",
  "dividend_income_share",
];

// Okabe–Ito without black, so no source reads as "the baseline".
const sourceColours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"];

export interface IncomeCompositionOptions {
  /** only this scenario (one panel); @default every scenario, one panel each */
  scenario?: string;
  /** @default "all" */
  group?: string;
  /** order of the scenario panels */
  scenarios?: readonly string[];
  /** @default "Income composition" */
  title?: string;
}

/** Where household income comes from over time: the five income shares stacked, per scenario. */
export function incomeCompositionChart(rows: readonly TidyRow[], options: IncomeCompositionOptions = {}): TopLevelSpec {
  const group = options.group ?? "all";
  const sources = new Set(incomeShareMetrics);
  const selected = rows.filter(
    (r) => r.group === group && sources.has(r.metric) && (options.scenario === undefined || r.scenario === options.scenario),
  );
  if (selected.length === 0) {
    const which = options.scenario === undefined ? "" : ` of scenario "${options.scenario}"`;
    throw new ReportError("rows", `${rows.length} rows`, `income-share rows${which} in group "${group}"`);
  }
  const scenarios = scenarioOrder(selected, options.scenarios);
  const labels = incomeShareMetrics.map((m) => infoFor(m).label);
  const summaries = summariseReplicates(selected);
  const values = summaries.map((s) => ({
    scenario: s.scenario, date: s.date, step: s.step, source: infoFor(s.metric).label,
    order: incomeShareMetrics.indexOf(s.metric), share: s.mean, n: s.n,
  }));
  const dates = values.map((v) => v.date);
  return {
    $schema: vegaLiteSchema,
    title: {
      text: options.title ?? "Income composition",
      subtitle: `Share of household income by source, mean over ${replicationText(values.map((v) => v.n))}. Group: ${group}.`,
    },
    config: chartConfig,
    data: { values },
    columns: Math.min(3, scenarios.length),
    facet: {
      field: "scenario",
      type: "nominal",
      sort: scenarios,
      title: null,
      header: { labelLimit: 300 },
    },
    spec: {
      width: 260,
      height: 170,
      mark: { type: "area", opacity: 0.9, line: { color: "white", strokeWidth: 0.6 } },
      encoding: {
        x: timeAxis(dates),
        y: {
          field: "share",
          type: "quantitative",
          stack: "zero",
          title: "Share of household income",
          axis: { format: ".0%", tickCount: 5 },
          // Core defines each share over the sum of the five, so the stack fills [0, 1].
          scale: { domain: [0, 1] },
        },
        // Listed top-down as stacked: the bottom layer (wages) last.
        color: {
          field: "source",
          type: "nominal",
          title: "Income source",
          sort: [...labels].reverse(),
          scale: { domain: [...labels].reverse(), range: [...sourceColours].reverse() },
        },
        order: { field: "order", type: "quantitative", sort: "ascending" },
        tooltip: [
          { field: "scenario", type: "nominal", title: "Scenario" },
          { field: "date", type: "nominal", title: "Date" },
          { field: "source", type: "nominal", title: "Source" },
          { field: "share", type: "quantitative", title: "Share", format: ".1%" },
        ],
      },
    },
  };
}
