import type { ReportChart } from "./reportCharts.ts";
import type { Study } from "./readStudy.ts";
import { calibrationFitChart, posteriorMarginalsChart } from "./calibrationCharts.ts";
import { designSwings, parameterLabel } from "./designSwings.ts";
import { fineFormat } from "./formatValue.ts";
import { infoFor } from "./metricInfo.ts";
import { posteriorPairsChart } from "./posteriorPairsChart.ts";
import { sensitivityChart } from "./sensitivityChart.ts";
import { sweepHeatmap, type SweepCell } from "./sweepHeatmap.ts";
import { tornadoChart } from "./tornadoChart.ts";
import { predictionChart } from "./validationCharts.ts";

/** Names of the charts each kind of study may have, for removing those a report no longer makes. */
export const STUDY_CHART_NAMES = /^(tornado-.+|heatmap-.+|indices-.+|marginals|pairs|fit|targets|predictions)$/;

/**
 * The charts of a sweep (a tornado per outcome; a heatmap over the first two parameters of a
 * factorial design), a sensitivity analysis (each outcome's indices with their intervals), a
 * calibration (the posterior's marginals and pairs, the fit to the targets) or a validation
 * (targets and predictions), in reading order; a chart without data is left out.
 */
export function studyCharts(study: Study): ReportChart[] {
  switch (study.kind) {
    case "sweep": {
      const s = study;
      const factorial = s.method === "factorial";
      return s.outcomes.flatMap((metric, o) => {
        const info = infoFor(metric);
        const title = `${info.label}${info.unit ? ` (${info.unit})` : ""} at ${s.horizon}`;
        const charts: ReportChart[] = [];
        const items = designSwings(s.method, s.parameters, s.units, s.mean[o]!).filter((t) => Number.isFinite(t.low) && Number.isFinite(t.high) && Number.isFinite(t.base));
        if (items.length) {
          const subtitle = factorial
            ? "Mean outcome with the parameter at its lowest or highest level (others over their levels); black tick: mean over every point."
            : "Mean outcome over the points with the parameter in the lowest or highest third of its range; black tick: mean over every point.";
          charts.push({
            name: `tornado-${metric}`,
            title: `${info.label}: one parameter at a time`,
            caption: subtitle,
            spec: tornadoChart(items, { title, valueTitle: title, valueFormat: fineFormat(metric), subtitle }),
          });
        }
        if (factorial && s.parameters.length >= 2) {
          const cells = new Map<string, { x: number; y: number; sum: number; n: number }>();
          s.values.forEach((v, p) => {
            const x = round(v[0]!);
            const y = round(v[1]!);
            const c = cells.get(`${x},${y}`) ?? { x, y, sum: 0, n: 0 };
            c.sum += s.mean[o]![p]!;
            c.n++;
            cells.set(`${x},${y}`, c);
          });
          const list: SweepCell[] = [...cells.values()].map((c) => ({ x: c.x, y: c.y, value: c.sum / c.n })).filter((c) => Number.isFinite(c.value));
          const subtitle = s.parameters.length > 2 ? "Mean over replicates and the other parameters' levels" : "Mean over replicates";
          if (list.length) {
            charts.push({
              name: `heatmap-${metric}`,
              title: `${info.label} over ${s.parameters[0]!.path} and ${s.parameters[1]!.path}`,
              caption: `${subtitle}, at each combination of the first two parameters' levels.`,
              spec: sweepHeatmap(list, { title, xTitle: s.parameters[0]!.path, yTitle: s.parameters[1]!.path, valueTitle: info.label, valueFormat: fineFormat(metric), subtitle }),
            });
          }
        }
        return charts;
      });
    }
    case "sensitivity": {
      const s = study;
      const label = new Map(s.parameters.map((p) => [p.path, parameterLabel(p)]));
      return s.outcomes.flatMap((metric) => {
        const rows = s.indices.filter((x) => x.metric === metric && Number.isFinite(x.value));
        if (!rows.length) return [];
        const info = infoFor(metric);
        const morris = rows[0]!.method === "morris";
        return [{
          name: `indices-${metric}`,
          title: `${info.label}: ${morris ? "Morris elementary effects" : "Sobol indices"}`,
          caption: morris
            ? "Each parameter's μ* (mean absolute elementary effect, in outcome units per full range of the parameter) and σ (their spread: non-linearity or interactions), with 95% bootstrap intervals."
            : "Each parameter's first-order (S1) and total-order (ST) Sobol index, shares of the outcome's variance, with 95% bootstrap intervals.",
          spec: sensitivityChart(rows.map((x) => ({ parameter: label.get(x.parameter) ?? x.parameter, index: x.index, value: x.value, lo: x.lo, hi: x.hi })), {
            title: `${info.label} at ${s.horizon}: ${morris ? "Morris elementary effects" : "Sobol indices"}`,
            subtitle: `${s.points} points × ${s.replicates} replication${s.replicates === 1 ? "" : "s"}, ${s.households.toLocaleString("en")} households; lines: 95% bootstrap intervals`,
            valueTitle: morris ? `${info.label}${info.unit ? ` (${info.unit})` : ""} per full range of the parameter` : "Share of the outcome's variance",
            valueFormat: morris ? fineFormat(metric) : ".2~f",
          }),
        }];
      });
    }
    case "calibrate": {
      const s = study;
      const ranges = Object.fromEntries(s.parameters.map((p) => [p.path, [p.lo, p.hi] as [number, number]]));
      const title = `Posterior of ${s.name}: generation ${s.generation}`;
      const charts: ReportChart[] = [{
        name: "marginals",
        title: "Posterior marginals",
        caption: "Weighted histogram of the last generation's particles for each free parameter, over its prior range.",
        spec: posteriorMarginalsChart(s.particles.flatMap((x) => s.parameters.map((p) => ({ parameter: p.path, value: x.values[p.path]!, weight: x.weight }))), { title, ranges }),
      }];
      if (s.parameters.length >= 2) {
        charts.push({
          name: "pairs",
          title: "Posterior pairs",
          caption: "Every pair of free parameters over their prior ranges, a point per particle of the last generation, its area by weight: a ridge is a trade-off the targets leave open, a filled panel a pair they do not constrain.",
          spec: posteriorPairsChart(s.particles, { title, ranges, log: s.parameters.filter((p) => p.log).map((p) => p.path) }),
        });
      }
      charts.push({
        name: "fit",
        title: "Fit to the targets",
        caption: "Each target's published figure (diamond) against the model's posterior mean (dot) and 90% interval of the last generation's accepted runs (bar), in tolerances of the target.",
        spec: calibrationFitChart(s.fit.map((f) => ({ target: f.target, published: f.published, mean: f.mean, lo: f.lo, hi: f.hi, tolerance: f.tolerance })), { title: `${s.name}: targets against the posterior` }),
      });
      return charts;
    }
    case "validate-model": {
      const s = study;
      const targets = s.rows.filter((r) => r.kind === "target");
      const predictions = s.rows.filter((r) => r.kind === "prediction");
      const charts: ReportChart[] = [];
      if (targets.length) {
        charts.push({
          name: "targets",
          title: "Targets against posterior-predictive runs",
          caption: "Each fitted target's published figure (diamond) against the posterior-predictive mean (dot) and 90% interval (bar) of fresh runs, in tolerances of the target.",
          spec: calibrationFitChart(targets.map((r) => ({ target: r.name, published: r.published, tolerance: r.tolerance, mean: r.mean, lo: r.lo, hi: r.hi })), { title: `${s.name}: targets against posterior-predictive runs` }),
        });
      }
      if (predictions.length) {
        charts.push({
          name: "predictions",
          title: `Predictions after ${s.lastFitted}`,
          caption: "Outcomes never fitted, at each year end: the 90% posterior-predictive interval (bar), its mean (dot) and the point estimate (circle), for figures published later to test.",
          spec: predictionChart(predictions.map((r) => ({ metric: r.metric, date: r.date, mean: r.mean, lo: r.lo, hi: r.hi, ...(Number.isFinite(r.point) ? { point: r.point } : {}) })), { title: `${s.name}: predictions after ${s.lastFitted}` }),
        });
      }
      return charts;
    }
  }
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
