import type { Experiment } from "../experiment/experiment.js";
import type { ResolvedScenario } from "../resolvedScenario.js";
import { COST_LEVERS, METRICS, costMetric } from "../model/metricTable.js";
import { levelInterval, noIntervalReason } from "../experiment/levelInterval.js";
import { pairingGain } from "../experiment/pairingGain.js";
import { RESULT_FILES, type ResultFiles } from "./resultFiles.js";
import { resultTables } from "./resultTables.js";
import { openResultsDir, type CommitOptions, type ResultsDir } from "./resultsDir.js";

/** What an experiment's results record beyond the experiment itself. */
export interface ExperimentResultsInfo {
  /** relocsim's version, recorded in manifest.json. */
  version: string;
  /** The comparison run: its name, title and description, and the file it came from. */
  comparison: { name: string; title: string; description: string; file: string };
  /** The scenarios as given, baseline first (hashed into manifest.json), and where each came from. */
  scenarios: readonly ResolvedScenario[];
  sources: readonly string[];
}

/** A level at the horizon in summary.json: an interval, or the reason there is none. */
export type SummaryLevel = { mean: number; ci_low: number; ci_high: number; n: number } | { mean: number; n: number; no_interval: string };

/** The results directory of a finished experiment: effects.csv, metrics.csv, summary.json, manifest.json. */
export function experimentResultFiles(x: Experiment, info: ExperimentResultsInfo): ResultFiles {
  const horizonStep = x.selection.steps[x.selection.steps.length - 1]!;
  const outcomes: Record<string, Record<string, Record<string, SummaryLevel>>> = {};
  for (const s of x.scenarios) {
    const byGroup: Record<string, Record<string, SummaryLevel>> = {};
    // One read per run: the horizon's values of every replicate.
    const atHorizon = x.stepValues(s.name, horizonStep);
    const M = x.selection.metrics.length;
    x.selection.groups.forEach((g, gi) => {
      const row: Record<string, SummaryLevel> = {};
      x.selection.metrics.forEach((m, mi) => {
        const l = levelInterval(atHorizon.map((v) => v[gi * M + mi]!));
        if (l.n === 0) return;
        row[m] = l.n > 1 ? { mean: l.mean, ci_low: l.ci_low, ci_high: l.ci_high, n: l.n } : { mean: l.mean, n: l.n, no_interval: noIntervalReason(l.n) };
      });
      byGroup[g] = row;
    });
    outcomes[s.name] = byGroup;
  }
  const c = info.comparison;
  const summary = {
    comparison: c.name,
    title: c.title,
    description: c.description,
    baseline: x.baseline,
    scenarios: x.scenarios,
    replications: x.replications,
    seed: x.seed,
    scale: x.households,
    horizon: x.selection.dates[x.selection.dates.length - 1],
    pairing: pairingGain(x.effects),
    costs: costsByLever(outcomes),
    outcomes,
  };
  const manifest = {
    relocsim: info.version,
    command: "compare",
    comparisonFile: c.file,
    comparison: c.name,
    baseline: x.baseline,
    scenarios: x.scenarios.map((s, i) => ({ name: s.name, source: info.sources[i], hash: info.scenarios[i]!.hash })),
    seed: x.seed,
    replicates: x.replications,
    replicateSeeds: x.seeds,
    commonRandomNumbers: "replicate r of every scenario uses replicateSeed(seed, r); draws keyed by (seed, process, month, person/household/site, draw)",
    scale: x.households,
    sites: x.sites,
    horizon: x.horizon,
    groups: x.selection.groups,
    metrics: x.selection.metrics.length === METRICS.length ? "all" : x.selection.metrics,
    steps: x.selection.steps,
    workers: x.workers,
    node: process.version,
    createdAt: new Date().toISOString(),
    seconds: Number(x.seconds.toFixed(3)),
  };
  return {
    // Read from the run store once for metrics.csv and again for metrics.parquet.
    ...resultTables({ [Symbol.iterator]: () => x.rows() }, { rows: x.effects, replications: x.replications }, true),
    [RESULT_FILES.summary]: JSON.stringify(summary, null, 2) + "\n",
    [RESULT_FILES.manifest]: JSON.stringify(manifest, null, 2) + "\n",
  };
}

/** Writes a finished experiment's results to `dir` (a path, checked now, or a location opened before the runs). */
export function writeExperimentResults(dir: string | ResultsDir, x: Experiment, info: ExperimentResultsInfo, options?: CommitOptions): Promise<string> {
  return (typeof dir === "string" ? openResultsDir(dir) : dir).commit(experimentResultFiles(x, info), options);
}

/**
 * summary.json's `costs`: each scenario's public cost at the horizon (all households), yuan per
 * household per year since the start, in total and by lever (levers with no cost left out).
 */
function costsByLever(outcomes: Record<string, Record<string, Record<string, SummaryLevel>>>): Record<string, { total?: SummaryLevel; byLever: Record<string, SummaryLevel> }> {
  const out: Record<string, { total?: SummaryLevel; byLever: Record<string, SummaryLevel> }> = {};
  for (const [scenario, groups] of Object.entries(outcomes)) {
    const all = groups["all"] ?? {};
    const byLever: Record<string, SummaryLevel> = {};
    for (const l of COST_LEVERS) {
      const v = all[costMetric(l)];
      if (v && v.mean !== 0) byLever[l] = v;
    }
    out[scenario] = { ...(all["policy_cost_per_household"] && { total: all["policy_cost_per_household"] }), byLever };
  }
  return out;
}
