import { resolve } from "node:path";
import { InputError, isInputError } from "@relocsim/core";
import { experimentSpec, planExperiment, experimentTasks, assembleExperiment, pointValues, withValues, fullFactorial, latinHypercube, morrisDesign, saltelliDesign, type ExperimentSettings, type MorrisDesign, type SaltelliDesign } from "@relocsim/core/engine";
import { openResultsDir, openRunFiles, type ResultFiles, type ResultsDir } from "@relocsim/core/results";
import { displayPath, type Design, type DesignMethod } from "@relocsim/scenarios";
import { specValue } from "./args.js";
import { formatSeconds } from "./progress.js";
import { runStoredTasks } from "./runStoredTasks.js";
import { VERSION } from "./version.js";
import { withFile } from "./commands/run.js";
import { taskRunner, type TaskRunner } from "./cluster/taskRunner.js";
import { reportSizeError, writeReport } from "./writeReport.js";

/** Design points run × replications, with every run's outcomes at the design's horizon. */
export interface DesignRun {
  design: Design;
  /** Each point in the unit cube, and as parameter values by path. */
  units: number[][];
  values: Record<string, number>[];
  replications: number;
  seed: number;
  /** Seed of replicate r, shared by every point (common random numbers). */
  seeds: number[];
  households: number;
  workers: number;
  seconds: number;
  /** y[o][p][r]: outcome o of point p in replicate r at the horizon (NaN where undefined). */
  y: number[][][];
  /** mean[o][p]: the mean over replicates (NaN if any replicate's is undefined). */
  mean: number[][];
}

export interface RunDesignOptions {
  file: string;
  command: "sweep" | "sensitivity";
  settings: Partial<Pick<ExperimentSettings, "seed" | "replications" | "scale" | "workers">>;
  out: string;
  quiet: boolean;
  /** What the design is, for the first line printed ("Morris, 10 trajectories"). */
  label: string;
  /** A --redis URL: the runs go to the workers of a cluster instead of local threads. */
  redis?: string;
}

/**
 * Run the points of a design as an experiment: point i is the design's scenario with its
 * parameters at the point's values (withValues, named p<i>), and replicate r of every point
 * runs with the experiment's replicate seed r (common random numbers), on the worker pool,
 * each finished run kept in <out>/runs/ so that the same command run again continues.
 * Only the design's outcomes, for its group, at its horizon are kept. Returns the results
 * location to commit into, or the exit code 130 if interrupted.
 */
export async function runDesign(design: Design, units: number[][], o: RunDesignOptions): Promise<{ run: DesignRun; results: ResultsDir } | number> {
  const shown = displayPath(resolve(o.file));
  const values = units.map((u) => pointValues(design.parameters, u));
  const scenarios = withFile(shown, () =>
    values.map((v, i) => {
      try {
        return withValues(design.scenario, v, `p${i}`);
      } catch (e) {
        // A point's values are inside each parameter's accepted range; a rule across parameters may still refuse them.
        if (isInputError(e)) throw new InputError(`design point ${i}`, v, "parameter values the scenario accepts together", (e as Error).message);
        throw e;
      }
    }),
  );
  const options = {
    ...design.options,
    ...o.settings,
    scenarios,
    groups: [design.group],
    metrics: design.outcomes,
    // Kept steps every `horizonStep` months: the horizon month is one of them.
    every: design.horizonStep,
  };
  const plan = withFile(shown, () => planExperiment(options));
  // Redis must answer before --out is touched (nothing is written when it does not).
  const runner = await taskRunner({ redis: o.redis });
  try {
    return await runPlanned(design, scenarios, plan, runner, values, units, o);
  } finally {
    await runner.close();
  }
}

async function runPlanned(
  design: Design, scenarios: ReturnType<typeof withValues>[], plan: ReturnType<typeof planExperiment>, runner: TaskRunner,
  values: Record<string, number>[], units: number[][], o: RunDesignOptions,
): Promise<{ run: DesignRun; results: ResultsDir } | number> {
  const results = openResultsDir(o.out, { field: "--out", keep: [o.file] });
  const runs = plan.scenarios.length * plan.replications;
  if (!o.quiet) {
    process.stdout.write(
      `${design.name}: ${o.label}: ${plan.scenarios.length} points × ${plan.replications} replication${plan.replications === 1 ? "" : "s"} = ${runs} runs of ` +
        `${plan.households.toLocaleString("en")} households, ${design.outcomes.length} outcome${design.outcomes.length === 1 ? "" : "s"} at ${design.horizon}, seed ${plan.seed}, on ${runner.describe(plan)}\n`,
    );
  }
  const store = openRunFiles(results, plan, { version: VERSION, command: o.command, field: "--out" });
  if (!o.quiet && store.discarded) process.stdout.write(`${store.discarded}\n`);
  if (!o.quiet && store.resumed) process.stdout.write(`resumed: ${store.resumed} of ${runs} runs already done\n`);
  const started = performance.now();
  if ((await runStoredTasks(runner, plan, experimentTasks(plan), store, { label: design.name, results, quiet: o.quiet })) === "interrupted") return 130;
  const x = assembleExperiment(plan, store, { workers: runner.workers(plan), seconds: (performance.now() - started) / 1000 });
  const seconds = (performance.now() - started) / 1000;
  const M = design.outcomes.length;
  const y = design.outcomes.map(() => scenarios.map(() => new Array<number>(plan.replications).fill(NaN)));
  scenarios.forEach((s, p) => {
    // One read per run: its values at the horizon (one group kept).
    x.stepValues(s.name, design.horizonStep).forEach((row, r) => {
      for (let m = 0; m < M; m++) y[m]![p]![r] = row[m]!;
    });
  });
  const mean = y.map((byPoint) => byPoint.map((reps) => reps.reduce((a, b) => a + b, 0) / reps.length));
  if (!o.quiet) process.stdout.write(`finished ${runs} runs in ${formatSeconds(seconds)} on ${x.workers} worker${x.workers === 1 ? "" : "s"} (${(runs / seconds).toFixed(2)} runs/s${store.resumed ? `, ${store.resumed} resumed` : ""})\n`);
  return {
    results,
    run: { design, units, values, replications: plan.replications, seed: plan.seed, seeds: plan.seeds, households: plan.households, workers: x.workers, seconds, y, mean },
  };
}

/** points.csv: point, then one column per parameter (its value at the point), then its unit-cube coordinates u_<path>. */
export function pointsCsv(run: DesignRun): string {
  const paths = run.design.parameters.map((r) => r.path);
  const lines = [["point", ...paths, ...paths.map((p) => `u_${p}`)].join(",")];
  run.values.forEach((v, i) => lines.push([i, ...paths.map((p) => v[p]), ...run.units[i]!].join(",")));
  return lines.join("\n") + "\n";
}

/** outcomes.csv, tidy: point, replicate, seed, group, date, metric, value (every run at the horizon). */
export function outcomesCsv(run: DesignRun): string {
  const d = run.design;
  const lines = ["point,replicate,seed,group,date,metric,value"];
  run.values.forEach((_, p) => {
    for (let r = 0; r < run.replications; r++) d.outcomes.forEach((m, o) => lines.push(`${p},${r},${run.seeds[r]},${d.group},${d.horizon},${m},${run.y[o]![p]![r]}`));
  });
  return lines.join("\n") + "\n";
}

/** manifest.json of a design's results: how they were made, enough to make them again. */
export function designManifest(run: DesignRun, file: string, command: string, extra: Record<string, unknown> = {}): string {
  const d = run.design;
  return (
    JSON.stringify(
      {
        relocsim: VERSION,
        command,
        designFile: displayPath(resolve(file)),
        design: d.name,
        title: d.title,
        scenario: { name: d.scenario.name, source: d.source, hash: d.scenario.hash },
        parameters: d.parameters.map((r) => ({ path: r.path, lo: r.lo, hi: r.hi, log: r.log, integer: r.integer, from: r.from })),
        method: d.design,
        points: run.units.length,
        seed: run.seed,
        replicates: run.replications,
        replicateSeeds: run.seeds,
        commonRandomNumbers: "replicate r of every design point uses replicateSeed(seed, r); draws keyed by (seed, process, month, person/household/site, draw)",
        scale: run.households,
        outcomes: d.outcomes,
        group: d.group,
        horizon: d.horizon,
        ...extra,
        workers: run.workers,
        node: process.version,
        createdAt: new Date().toISOString(),
        seconds: Number(run.seconds.toFixed(3)),
        runsPerSecond: Number(((run.units.length * run.replications) / run.seconds).toFixed(3)),
      },
      null,
      2,
    ) + "\n"
  );
}

/**
 * Commit a design run's files, with its report (report.html, charts/<name>.svg and .png, read
 * back from those files by @relocsim/report) made inside the temporary directory before the
 * swap, as compare does. Results too large for a report are still committed, and said so.
 */
export async function commitDesignResults(results: ResultsDir, files: ResultFiles, title: string): Promise<string> {
  let skipped: Error | undefined;
  const dir = await results.commit(files, {
    beforeCommit: async (tmp) => {
      skipped = await reportSizeError(tmp);
      if (!skipped) await writeReport(tmp, { title });
    },
  });
  if (skipped) process.stderr.write(`report not written: ${skipped.message}\n`);
  return dir;
}

/** A design method's points in the unit cube (and the Morris or Saltelli layout the estimators need). */
export function designUnits(m: DesignMethod, k: number, seed: number): { units: number[][]; morris?: MorrisDesign; saltelli?: SaltelliDesign } {
  switch (m.type) {
    case "factorial":
      return { units: fullFactorial(m.levels) };
    case "lhs":
      return { units: latinHypercube(m.points, k, seed) };
    case "morris": {
      const morris = morrisDesign(k, { trajectories: m.trajectories, levels: m.levels, candidates: m.candidates, seed });
      return { units: morris.points, morris };
    }
    case "sobol": {
      const saltelli = saltelliDesign(m.samples, k, { seed, base: m.base });
      return { units: saltelli.points, saltelli };
    }
  }
}

/** The experiment settings a design command takes from its flags, over the file's. */
export function designSettings(values: Record<string, unknown>): RunDesignOptions["settings"] {
  const o = experimentSpec.fields;
  const out: Record<string, unknown> = {};
  for (const name of ["replications", "seed", "scale", "workers"] as const) {
    const v = specValue(values, name, o[name]);
    if (v !== undefined) out[name] = v;
  }
  return out as RunDesignOptions["settings"];
}

/** The design's seed: the flag's, else the file's, else the experiment default. */
export function designSeed(design: Design, settings: RunDesignOptions["settings"]): number {
  return settings.seed ?? design.options.seed ?? experimentSpec.fields.seed.default;
}
