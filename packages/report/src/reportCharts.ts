import type { TopLevelSpec } from "vega-lite";
import type { EffectRow, TidyRow } from "./types.ts";
import { effectsChart } from "./effectsChart.ts";
import { incomeCompositionChart } from "./incomeCompositionChart.ts";
import { incomeDistributionChart } from "./incomeDistributionChart.ts";
import { integrationChart } from "./integrationChart.ts";
import { ReportError } from "./reportError.ts";
import { trajectoryChart } from "./trajectoryChart.ts";

export interface ReportChart {
  /** file-name and element-id safe: "trajectories", "income-composition" … */
  name: string;
  title: string;
  /** one sentence saying how to read the chart */
  caption: string;
  spec: TopLevelSpec;
}

export interface ReportChartsInput {
  metrics: readonly TidyRow[];
  /** paired effects; without them (a single run) there is no effects chart */
  effects?: readonly EffectRow[];
  /** scenario order and colours, baseline first */
  scenarios?: readonly string[];
}

type Builder = (input: ReportChartsInput) => TopLevelSpec;

const charts: [name: string, title: string, caption: string | ((input: ReportChartsInput) => string), build: Builder][] = [
  [
    "trajectories", "Outcome trajectories",
    "Mean over replications with its 95% confidence band, for labour, income, integration, poverty and residence outcomes.",
    ({ metrics, scenarios }) => trajectoryChart(metrics, { scenarios }),
  ],
  [
    "effects", "Effects at the horizon",
    ({ effects }) =>
      effects?.some((e) => Number.isFinite(e.draw_ci_low))
        ? "Mean paired difference from the baseline at the last step, each replicate run with a posterior draw: the thick line is the 95% confidence interval from chance alone (were the parameters known), the thin line the 95% interval over the posterior draws, which includes parameter uncertainty; the dashed line is no effect."
        : "Mean paired difference from the baseline at the last step, with its 95% confidence interval; the dashed line is no effect.",
    ({ effects, scenarios }) => effectsChart(effects ?? [], { scenarios }),
  ],
  [
    "income-composition", "Income composition",
    "Where household income comes from, as stacked shares of wages, business, agriculture, transfers and dividends.",
    ({ metrics, scenarios }) => incomeCompositionChart(metrics, { scenarios }),
  ],
  [
    "income-distribution", "Distribution of per-capita income",
    "Percentiles of per-capita income at the horizon, averaged over replications.",
    ({ metrics, scenarios }) => incomeDistributionChart(metrics, { scenarios }),
  ],
  [
    "integration", "Integration by dimension",
    "The integration index and its economic, social and psychological dimensions over time.",
    ({ metrics, scenarios }) => integrationChart(metrics, { scenarios }),
  ],
];

/**
 * The charts of a report, in reading order. A chart whose data is absent from the results
 * (no effects for a single run, a model version without income shares) is left out.
 */
export function reportCharts(input: ReportChartsInput): ReportChart[] {
  const out: ReportChart[] = [];
  for (const [name, title, caption, build] of charts) {
    if (name === "effects" && !input.effects?.length) continue;
    try {
      out.push({ name, title, caption: typeof caption === "string" ? caption : caption(input), spec: build(input) });
    } catch (e) {
      if (!(e instanceof ReportError)) throw e;
    }
  }
  return out;
}
