import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError, effectsTable, effectsOverTime, HEADLINE_METRICS, TRAJECTORY_METRICS, type Experiment } from "@relocsim/core";
import { planExperiment, pairingGain, costEffectivenessTable, noIntervalReason, experimentSpec, defaultText, experimentTasks, assembleExperiment, readPosterior, posteriorPlan, appendVarianceSplit, varianceSplit, REPLICATES_PER_DRAW, POSTERIOR_EFFECT_COLUMNS, type ExperimentSettings, type LeafSpec, type Plan, type Shard, type PosteriorPlan } from "@relocsim/core/engine";
import { openResultsDir, openRunFiles, writeExperimentResults, type ResultsDir } from "@relocsim/core/results";
import { loadComparison, displayPath, type Comparison } from "@relocsim/scenarios";
import { writeReport, reportSizeError } from "../writeReport.js";
import { parse, specFlag, specValue, helpText, type Flags } from "../args.js";
import { formatSeconds } from "../progress.js";
import { runStoredTasks } from "../runStoredTasks.js";
import { VERSION } from "../version.js";
import { withFile } from "./run.js";
import { taskRunner, type TaskRunner } from "../cluster/taskRunner.js";

const o = experimentSpec.fields;
const fileOr = (spec: LeafSpec) => `the file's, else ${defaultText(spec)}`;
const flags: Flags = {
  replications: specFlag(o.replications, "replications per scenario (overrides the file)", "N", fileOr(o.replications)),
  workers: specFlag(o.workers, "worker threads running replicates (results are identical for any N)", "N", `${o.workers.default} (CPUs here)`),
  seed: specFlag(o.seed, "base seed; replicate r of every scenario uses the same seed derived from it", "N", fileOr(o.seed)),
  scale: specFlag(o.scale, "households simulated", "S", fileOr(o.scale)),
  groups: specFlag(o.groups, "population groups kept", "LIST", fileOr(o.groups)),
  metrics: specFlag(o.metrics, "metrics kept", "LIST", fileOr(o.metrics)),
  every: specFlag(o.every, "months between kept steps; the horizon is always kept (1: monthly)", "N", fileOr(o.every)),
  show: { type: "string", value: "LIST", help: "outcomes printed, comma-separated (effects.csv has every one)", default: HEADLINE_METRICS.join(",") },
  out: { type: "string", value: "DIR", help: "results directory: new, empty, or written by relocsim (then replaced); finished runs are kept there, so an interrupted compare run again continues", default: "results/<comparison name>" },
  shard: { type: "string", value: "K/N", help: "run only every N-th run, from the K-th, into --out (default there: results/<comparison name>-shard-K-of-N) (a machine of a batch cluster); put the shards together with relocsim merge" },
  redis: { type: "string", value: "URL", help: "run on the workers of a cluster (relocsim worker --redis URL on each machine) instead of local threads; see docs/cluster.md" },
  posterior: { type: "string", value: "FILE", help: `a posterior.csv of relocsim calibrate: replicates 2k and 2k+1 run every scenario with draw k of its last generation (by weight; seed and k pick it), so effects include parameter uncertainty; effects.csv gains ${POSTERIOR_EFFECT_COLUMNS.join(", ")}` },
  "no-report": { type: "boolean", help: "do not write report.html and charts/" },
  quiet: { type: "boolean", short: "q", help: "print nothing but errors" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

export const compareCommand = {
  name: "compare",
  summary: "compare scenarios with a baseline over paired replications; effects with 95% CIs",
  help: () =>
    helpText(
      "relocsim compare <comparison.json> [--replications N] [--workers N] [--seed N] [--scale S] [--out DIR] [--shard K/N] [--redis URL]",
      "Run every scenario of a comparison with the same replicate seeds (common random numbers:\n" +
        "replicate r of every scenario uses one seed, and every draw is keyed by process, month\n" +
        "and person, household or site, so one household's different choice moves no one else's\n" +
        "draws), on worker threads, and report for each outcome the effect of each scenario\n" +
        "against the baseline (mean paired difference, scenario − baseline) with a 95% confidence\n" +
        "interval, at the horizon and over time. Writes:\n" +
        "  effects.csv    scenario,baseline,group,metric,step,date,n,baseline_mean,scenario_mean,effect,ci_low,ci_high,\n" +
        "                 unpaired_ci_low,unpaired_ci_high (the unpaired CI treats the runs as independent),\n" +
        "                 cost_effect,cost_ci_low,cost_ci_high (public cost, yuan per household a year, paired),\n" +
        "                 cost_effectiveness,cost_effectiveness_unit,cost_effectiveness_note\n" +
        "  metrics.csv    every run, tidy: scenario,replicate,seed,step,date,group,metric,value\n" +
        "  metrics.parquet the same rows, typed columns (DuckDB, pandas, polars)\n" +
        "  summary.json   scenarios, levels at the horizon, the gain from pairing\n" +
        "  manifest.json  seeds, scenario hashes, version, scale, timings\n" +
        "  report.html    charts and tables (unless --no-report)\n" +
        "With --shard K/N it runs only the runs whose number is K−1 modulo N and writes just them\n" +
        "(runs/ and a manifest.json marking the shard) into --out; `relocsim merge` puts the N\n" +
        "shards' directories together into results identical to one compare's.\n" +
        "With --redis URL the runs are queued on a Redis server and run by `relocsim worker --redis URL`\n" +
        "processes on any number of machines; results are identical to a local compare's.",
      flags,
      "Examples:\n  pnpm relocsim compare scenarios/paper-strategies.json\n  pnpm relocsim compare scenarios/levers.json --replications 6 --out results/levers\n" +
        "  relocsim compare x.json --shard $((SLURM_ARRAY_TASK_ID+1))/$N --out shards/$SLURM_ARRAY_TASK_ID   (one per machine)",
    ),
  async main(argv: string[]): Promise<number> {
    const { values, positionals } = parse(argv, flags, { min: 1, max: 1, names: "exactly one comparison file: relocsim compare <comparison.json>" });
    if (values.help) return (process.stdout.write(compareCommand.help()), 0);
    const file = positionals[0]!;
    const quiet = Boolean(values.quiet);

    // 1. Check everything (flags, the file, every scenario) before running or writing anything:
    // each flag by its experiment option's rules, then all of them with the comparison's own
    // horizon when the file is planned.
    const flagged: Partial<ExperimentSettings> = {};
    for (const name of Object.keys(o) as Array<keyof ExperimentSettings>) {
      const v = specValue(values, name, o[name]);
      if (v !== undefined) (flagged as Record<string, unknown>)[name] = v;
    }
    // --show takes metrics as --metrics does.
    const show = specValue<string[]>(values, "show", o.metrics) ?? [...HEADLINE_METRICS];
    const shard = values.shard === undefined ? undefined : parseShard(values.shard as string);
    const comparison = loadComparison(file);
    const options = { ...comparison.options, ...flagged };
    const plan = withFile(displayPath(resolve(file)), () => planExperiment({ ...options, baseline: comparison.baseline, scenarios: comparison.scenarios }));
    const out = (values.out as string | undefined) ?? (shard ? `results/${comparison.name}-shard-${shard.part}-of-${shard.of}` : `results/${comparison.name}`);

    const posterior = values.posterior === undefined ? undefined : loadPosterior(values.posterior as string, plan, shard);
    // Redis must answer before --out is touched (nothing is written when it does not).
    const runner = await taskRunner({ redis: values.redis as string | undefined });
    try {
      return await compareWith(runner, { file, out, plan, comparison, shard, flagged, quiet, show, report: !values["no-report"], posterior });
    } finally {
      await runner.close();
    }
  },
};

async function compareWith(
  runner: TaskRunner,
  { file, out, plan, comparison, shard, flagged, quiet, show, report, posterior }: { file: string; out: string; plan: Plan; comparison: Comparison; shard?: Shard; flagged: Partial<ExperimentSettings>; quiet: boolean; show: string[]; report: boolean; posterior?: LoadedPosterior },
): Promise<number> {
  const started = performance.now();
  const results = openResultsDir(out, { field: "--out", keep: [file] });

  // 2. Run (a shard: only its tasks).
  const tasks = experimentTasks(plan, shard);
  const runs = tasks.length;
  if (!quiet) {
    process.stdout.write(
      `${comparison.name}: ${plan.scenarios.length} scenarios × ${plan.replications} replications = ${plan.scenarios.length * plan.replications} runs` +
        `${shard ? ` (shard ${shard.part}/${shard.of}: ${runs} of them)` : ""} of ${plan.households.toLocaleString("en")} households, ` +
        `${plan.horizon.months} months from ${plan.horizon.start}, seed ${plan.seed}, on ${runner.describe(plan)}\n`,
    );
  }
  // Each finished run is kept in <out>/runs/ at once: run again, the command continues.
  const store = openRunFiles(results, posterior ? posterior.plan.storePlan : plan, { version: VERSION, command: "compare", field: "--out" });
  if (!quiet && store.discarded) process.stdout.write(`${store.discarded}\n`);
  if (!quiet && store.resumed) process.stdout.write(`resumed: ${store.resumed} of ${runs} runs already done\n`);
  // With --posterior: the plan's tasks, each run with its replicate's draw (the same path, the same seeds).
  const ran = posterior
    ? await runStoredTasks(runner, posterior.plan.runPlan, posterior.plan.tasks, store, { label: comparison.name, results, quiet })
    : await runStoredTasks(runner, plan, tasks, store, { label: comparison.name, results, quiet });
  if (ran === "interrupted") return 130;
  const experiment = shard ? undefined : assembleExperiment(plan, store, { workers: runner.workers(plan), seconds: (performance.now() - started) / 1000 });

  // 3. A shard: its runs stay in --out, marked as the shard, with what merge needs to plan
  // the experiment again (the file and the flags); effects wait for merge.
  if (!experiment) {
    store.markShard(shard!, tasks.map((t) => t.index), { comparisonFile: resolve(file), settings: flagged });
    if (!quiet) process.stdout.write(`shard ${shard!.part}/${shard!.of}: ${runs} runs kept in ${displayPath(results.path)}; put the shards together with relocsim merge <their directories>\n`);
    return 0;
  }
  await writeComparison(results, experiment, comparison, file, { report, quiet, show, posterior });
  return 0;
}

/** --shard K/N: part K (1-based) of N. */
function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const part = m ? Number(m[1]) : NaN;
  const of = m ? Number(m[2]) : NaN;
  if (!(part >= 1 && part <= of && Number.isSafeInteger(of))) throw new InputError("--shard", text, "K/N with 1 ≤ K ≤ N, e.g. 1/4");
  return { part, of };
}

/** A posterior file read for --posterior. */
type LoadedPosterior = { file: string; generation: number; plan: PosteriorPlan };

/** --posterior: its last generation, and the plan's runs at each replicate's draw (checked before anything runs). */
function loadPosterior(path: string, plan: ReturnType<typeof planExperiment>, shard: Shard | undefined): LoadedPosterior {
  if (shard) throw new InputError("--posterior", path, "no --shard with it (a posterior comparison runs on one machine for now)");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError("--posterior", path, "a readable posterior.csv written by relocsim calibrate");
  }
  const p = readPosterior(text, "--posterior");
  if (plan.replications < 2 * REPLICATES_PER_DRAW) throw new InputError("--replications", plan.replications, `at least ${2 * REPLICATES_PER_DRAW} with --posterior (two replicates per draw, two draws at least, to split parameter from stochastic variance)`);
  return { file: displayPath(resolve(path)), generation: p.generation, plan: posteriorPlan(plan, p, "--posterior") };
}

/**
 * Writes a finished comparison's results atomically (the report is made inside the temporary
 * directory too) and prints its effects: compare's last step, and merge's.
 */
export async function writeComparison(
  results: ResultsDir, experiment: Experiment, comparison: Comparison, file: string,
  options: { report: boolean; quiet: boolean; show: readonly string[]; posterior?: LoadedPosterior },
): Promise<void> {
  let skipped: Error | undefined;
  // Read from the runs now: the commit replaces the directory they are stored in.
  const posteriorText = !options.quiet && options.posterior ? posteriorPrintout(experiment, options.show, options.posterior.file) : "";
  const dir = await writeExperimentResults(results, experiment, {
    version: VERSION,
    comparison: { name: comparison.name, title: comparison.title, description: comparison.description, file: displayPath(resolve(file)) },
    scenarios: [comparison.baseline, ...comparison.scenarios],
    sources: comparison.sources,
  }, {
    beforeCommit: async (tmp) => {
      const post = options.posterior;
      if (post) {
        // The variance split goes after the existing columns; manifest.json says which draw each replicate ran.
        const effects = join(tmp, "effects.csv");
        writeFileSync(effects, appendVarianceSplit(readFileSync(effects, "utf8"), experiment));
        const manifest = join(tmp, "manifest.json");
        const m = JSON.parse(readFileSync(manifest, "utf8"));
        m.posterior = {
          file: post.file,
          generation: post.generation,
          replicatesPerDraw: REPLICATES_PER_DRAW,
          draws: "replicate r runs every scenario with draw floor(r / 2): a particle of the posterior's last generation picked by weight with stream(seed, \"posterior\", \"draw:k\")",
          replicates: post.plan.draws.map((d) => ({ replicate: d.replicate, draw: d.draw, particle: d.particle })),
        };
        writeFileSync(manifest, JSON.stringify(m, null, 2) + "\n");
      }
      if (!options.report) return;
      // Results too large for a report are still written: the runs are not lost to it.
      skipped = await reportSizeError(tmp);
      if (!skipped) await writeReport(tmp, { title: comparison.title });
    },
  });
  if (skipped) process.stderr.write(`report not written: ${skipped.message}\n`);
  if (!options.quiet) process.stdout.write(printout(experiment, comparison, options.show, dir, options.report && !skipped));
  if (posteriorText) process.stdout.write(posteriorText);
}

/** The readable part: what ran, effects at the horizon, effects over time, the gain from pairing. */
export function printout(x: Experiment, c: Comparison, show: readonly string[], dir: string, report: boolean): string {
  const names = x.scenarios.map((s) => s.name);
  const last = x.selection.dates[x.selection.dates.length - 1]!;
  const lines: string[] = [];
  lines.push(`finished in ${formatSeconds(x.seconds)} on ${x.workers} worker${x.workers === 1 ? "" : "s"}`, "");
  lines.push(`${c.title}`);
  lines.push(`Baseline: ${x.baseline} (${x.scenarios[0]!.title})`);
  for (const s of x.scenarios.slice(1)) lines.push(`  ${s.name.padEnd(Math.max(...names.map((n) => n.length)))}  ${s.title}`);
  lines.push("");
  if (x.replications > 1) {
    lines.push(
      `Effects at ${last} (the horizon), all households. level: mean over ${x.replications} replications; effect: scenario − baseline,`,
      `the mean of ${x.replications} paired differences (each replicate runs every scenario with the same seed); 95% CI: Student t`,
      `on those differences; relative: effect / baseline level; * the 95% CI excludes zero.`,
      "",
    );
  } else {
    lines.push(
      `Effects at ${last} (the horizon), all households. level: the value in the one replication; effect: scenario − baseline`,
      `with the same seed; relative: effect / baseline level. No 95% CI: ${noIntervalReason(1)} (use --replications 2 or more).`,
      "",
    );
  }
  lines.push(effectsTable(x.effects, { scenarios: names, metrics: show }));
  const costs = costEffectivenessTable(x.effects, { scenarios: names });
  if (costs) lines.push(costs);
  const overTime = TRAJECTORY_METRICS.filter((m) => x.selection.metrics.includes(m) && x.selection.steps.length > 1);
  for (const m of overTime) lines.push(effectsOverTime(x.effects, m, { scenarios: names }));
  const gains = pairingGain(x.effects);
  if (gains.length && x.replications > 1) {
    const step = x.selection.steps[x.selection.steps.length - 1]!;
    const ratios = x.effects
      .filter((e) => e.group === "all" && e.step === step && e.ci_high > e.ci_low && e.unpaired_ci_high > e.unpaired_ci_low)
      .map((e) => (e.unpaired_ci_high - e.unpaired_ci_low) / (e.ci_high - e.ci_low))
      .sort((a, b) => a - b);
    const med = ratios.length % 2 ? ratios[(ratios.length - 1) / 2]! : (ratios[ratios.length / 2 - 1]! + ratios[ratios.length / 2]!) / 2;
    lines.push(
      `Pairing: at ${last}, unpaired (Welch) 95% CIs from the same runs would be ${med.toFixed(1)}× as wide as these paired ones`,
      `(median over outcomes and scenarios; per scenario ${gains.map((g) => `${g.scenario} ${g.medianWidthRatio.toFixed(1)}×`).join(", ")}).`,
      "",
    );
  }
  lines.push(`Every outcome, group and year with its CI: ${displayPath(dir)}/effects.csv${report ? `; charts: ${displayPath(dir)}/report.html` : ""}`);
  return lines.join("\n") + "\n";
}

/** With --posterior: each headline effect at the horizon with both intervals and its variance split. */
function posteriorPrintout(x: Experiment, show: readonly string[], file: string): string {
  const step = x.selection.steps[x.selection.steps.length - 1]!;
  const date = x.selection.dates[x.selection.dates.length - 1]!;
  const M = x.selection.metrics.length;
  const at = (m: string) => x.selection.groups.indexOf("all") * M + x.selection.metrics.indexOf(m);
  const rows = [["outcome", "scenario", "effect", "95% CI, chance only", "95% CI with parameter uncertainty", "parameter share"]];
  const f = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(4)) : "–");
  for (const m of show) {
    if (!x.selection.metrics.includes(m) || !x.selection.groups.includes("all")) continue;
    const b = x.stepValues(x.baseline, step);
    for (const sc of x.scenarios.slice(1)) {
      const e = x.effects.find((r) => r.scenario === sc.name && r.metric === m && r.group === "all" && r.step === step);
      if (!e) continue;
      const v = x.stepValues(sc.name, step);
      const split = varianceSplit(v.map((row, r) => row[at(m)]! - b[r]![at(m)]!));
      rows.push([m, sc.name, f(e.effect), `[${f(split.stochastic_ci_low)}, ${f(split.stochastic_ci_high)}]`, `[${f(split.draw_ci_low)}, ${f(split.draw_ci_high)}]`, Number.isFinite(split.parameter_share) ? `${(split.parameter_share * 100).toFixed(0)}%` : "–"]);
    }
  }
  const w = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return [
    "",
    `Parameter uncertainty (--posterior ${file}): replicates 2k and 2k+1 ran every scenario with posterior draw k. At ${date}, all households:`,
    "CI with parameter uncertainty: Student t over the draws' mean paired differences; chance only: from the within-draw variance",
    "(the interval were the parameters known); parameter share: the part of the paired differences' variance due to the draw",
    "(law of total variance). effects.csv has every row.",
    ...rows.map((r) => r.map((c, i) => c.padEnd(w[i]!)).join("  ")),
    "",
  ].join("\n");
}
