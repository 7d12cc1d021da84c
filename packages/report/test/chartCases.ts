/** Every chart builder applied to the fixture data: the cases golden, schema and render tests share. */
import type { TopLevelSpec } from "vega-lite";
import {
  effectsChart,
  incomeCompositionChart,
  incomeDistributionChart,
  integrationChart,
  posteriorPairsChart,
  sweepHeatmap,
  tornadoChart,
  trajectoryChart,
} from "../src/index.ts";
import { fixtureEffects, fixtureMetrics, fixtureParticles, fixturePosteriorEffects, fixtureSweep, fixtureTornado } from "./fixtures.ts";

export interface ChartCase {
  name: string;
  spec: TopLevelSpec;
  /** strings the rendered SVG must contain: title and axis titles */
  texts: string[];
}

export function chartCases(): ChartCase[] {
  const metrics = fixtureMetrics();
  const effects = fixtureEffects(metrics);
  return [
    {
      name: "trajectoryChart",
      spec: trajectoryChart(metrics),
      texts: ["Outcome trajectories", "Employment rate", "share of labour force", "yuan per person per year", "index 0–1", "Date (year)", "Scenario"],
    },
    {
      name: "trajectoryChart-urban-two-metrics",
      spec: trajectoryChart(metrics, { group: "site:urban", metrics: ["per_capita_income", "employment_rate"], title: "Urban sites" }),
      texts: ["Urban sites", "Per-capita income (mean)", "yuan per person per year"],
    },
    {
      name: "effectsChart",
      spec: effectsChart(effects),
      texts: ["Effects at the horizon", "Difference (share of labour force)", "Difference (yuan per person per year)", "Scenario"],
    },
    {
      name: "effectsChart-posterior",
      spec: effectsChart(fixturePosteriorEffects(effects)),
      texts: ["Effects at the horizon", "Interval", "95% CI from chance alone (parameters known)", "95% CI over posterior draws (with parameter uncertainty)", "Scenario"],
    },
    {
      name: "incomeCompositionChart",
      spec: incomeCompositionChart(metrics),
      texts: ["Income composition", "Share of household income", "Income source", "Wages", "Dividends", "Date (year)"],
    },
    {
      name: "incomeCompositionChart-one-scenario",
      spec: incomeCompositionChart(metrics, { scenario: "employment_first" }),
      texts: ["Income composition", "employment_first"],
    },
    {
      name: "incomeDistributionChart",
      spec: incomeDistributionChart(metrics),
      texts: ["Distribution of per-capita income at the horizon", "Per-capita income (yuan per person per year)", "Scenario"],
    },
    {
      name: "integrationChart",
      spec: integrationChart(metrics),
      texts: ["Social integration by dimension", "Integration (index 0–1)", "Psychological integration", "Date (year)"],
    },
    {
      name: "sweepHeatmap",
      spec: sweepHeatmap(fixtureSweep(), {
        title: "Employment rate at the horizon",
        xTitle: "Training subsidy (share of cost)",
        yTitle: "Local job quota (jobs per 100 households)",
        valueTitle: "Employment rate (share of labour force)",
        valueFormat: ".2f",
      }),
      texts: ["Employment rate at the horizon", "Training subsidy (share of cost)", "Local job quota (jobs per 100 households)", "Employment rate (share of labour force)"],
    },
    {
      name: "tornadoChart",
      spec: tornadoChart(fixtureTornado(), {
        title: "Sensitivity of the employment rate",
        valueTitle: "Employment rate at the horizon (share of labour force)",
        valueFormat: ".0%",
      }),
      texts: ["Sensitivity of the employment rate", "Employment rate at the horizon (share of labour force)", "Parameter", "Local job creation"],
    },
    {
      name: "posteriorPairsChart",
      spec: posteriorPairsChart(fixtureParticles(), {
        title: "Posterior of historical: generation 2",
        ranges: { "labour.migrateIntercept": [-1, 2], "environment.migrantWageFactor": [0.45, 0.75], "labour.migrateIntegrationPull": [0.3, 2] },
        log: ["labour.migrateIntegrationPull"],
      }),
      texts: ["Posterior of historical: generation 2", "Weight", "0.3", "2"],
    },
  ];
}
