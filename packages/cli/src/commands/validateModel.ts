import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join, resolve } from "node:path";
import { InputError, type ResolvedScenario } from "@relocsim/core";
import {
  calibrationHash, checkCalibration, csvField, experimentTasks, historicalPosteriorDir, memoryRunStore, planExperiment, posteriorPlan, quantile, readPosterior, resolveScale, tQuantile,
  varianceSplit, LAST_TARGET_MONTH, REPLICATES_PER_DRAW, type Calibration, type CalibrationOverrides, type Plan, type Posterior,
} from "@relocsim/core/engine";
import { METRIC_TABLE } from "@relocsim/core/metrics";
import { displayPath, readJsonFile, resolveScenario } from "@relocsim/scenarios";
import { parse, intFlag, helpText, type Flags } from "../args.js";
import { withFile } from "./run.js";
import { planRuns } from "./calibrate.js";
import { progressBar, formatSeconds } from "../progress.js";
import { VERSION } from "../version.js";
import { taskRunner, type TaskRunner } from "../cluster/taskRunner.js";
import { writeReport } from "../writeReport.js";

/** What validate-model predicts by default at each year end after the last fitted month. */
const PREDICTED = ["per_capita_income", "employment_rate", "poverty_rate", "households_with_employed_share", "occupancy_rate", "integration_index", "return_rate"];

const flags: Flags = {
  draws: { type: "string", value: "N", help: `posterior draws (particles of the last generation picked by weight); each runs ${REPLICATES_PER_DRAW} replicates with their own seeds`, default: "20" },
  point: { type: "string", value: "R", help: "runs of the model at its point estimate (the defaults as shipped), with the same replicate seeds", default: "10" },
  scale: { type: "string", value: "S", help: "households per run: county, province, national or a number", default: "the scale the posterior was fitted at" },
  seed: { type: "string", value: "N", help: "seed of the draws and base seed of the replicate seeds (another than the calibration's, so the predictive has fresh noise)", default: "2" },
  metrics: { type: "string", value: "LIST", help: "outcomes predicted at each year end after 2021, comma-separated", default: PREDICTED.join(",") },
  workers: { type: "string", value: "N", help: "worker threads (results are identical for any N)", default: `${availableParallelism()} (CPUs here)` },
  out: { type: "string", value: "DIR", help: "results directory: new, empty, or written by relocsim validate-model (then replaced)", default: "results/validation-<name>" },
  redis: { type: "string", value: "URL", help: "run on the workers of a cluster (relocsim worker --redis URL) instead of local threads; see docs/cluster.md" },
  quiet: { type: "boolean", short: "q", help: "print nothing but errors" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

const COLUMNS = ["kind", "name", "metric", "group", "date", "published", "tolerance", "within_interval", "posterior_mean", "lo", "hi", "parameter_share", "point_mean", "point_ci_low", "point_ci_high", "source"];

export const validateModelCommand = {
  name: "validate-model",
  summary: "the calibrated model against its targets and its predictions for 2022-2025, with posterior-predictive intervals",
  help: () =>
    helpText(
      "relocsim validate-model [<posterior-dir>] [--draws N] [--point R] [--scale S] [--seed N] [--metrics LIST] [--workers N] [--out DIR] [--redis URL]",
      "Validation of a calibration (docs/experiments.md, Validation). <posterior-dir> holds what\n" +
        "relocsim calibrate wrote (posterior.csv, manifest.json); the calibration file it ran is read\n" +
        "from calibration.json there if present, else from the path its manifest names (relative to\n" +
        "where calibrate ran) if that file is unchanged. By default: the historical posterior\n" +
        "committed with relocsim, whose point estimate is the model's defaults\n" +
        "(packages/core/data/posterior/historical). The file's scenario runs to its horizon: N draws\n" +
        `from the posterior's last generation (picked by weight), ${REPLICATES_PER_DRAW} replicates each, and R runs\n` +
        "at the point estimate, with replicate seeds of --seed.\n" +
        "For every target (all dated up to 2021-12, the only ones ever fitted) and for every --metrics\n" +
        "outcome at each year end after 2021 (predictions, for figures published later to test) it\n" +
        "gives the posterior-predictive mean and 90% interval (5% and 95% quantiles over all runs), the\n" +
        "share of their variance that is parameter uncertainty (between draws) rather than chance,\n" +
        "and the point estimate's mean with a 95% CI. Writes:\n" +
        `  validation.csv   ${COLUMNS.join(",")}\n` +
        "  manifest.json    command, date, commit, the posterior's own command and commit, draws\n" +
        "  report.html      the tables and charts, interactive (opens offline)\n" +
        "  charts/          targets (fit), predictions: .svg and .png",
      flags,
      "Examples:\n  pnpm relocsim validate-model\n  pnpm relocsim validate-model results/calibration-historical --draws 40 --scale county",
    ),
  async main(argv: string[]): Promise<number> {
    const started = performance.now();
    const { values, positionals } = parse(argv, flags, { min: 0, max: 1, names: "at most one posterior directory: relocsim validate-model [<posterior-dir>]" });
    if (values.help) return (process.stdout.write(validateModelCommand.help()), 0);
    const quiet = Boolean(values.quiet);

    // 1. Check everything before running or writing anything.
    const dir = resolve(positionals[0] ?? historicalPosteriorDir());
    const field = positionals[0] === undefined ? "the committed posterior" : "<posterior-dir>";
    const shownDir = displayPath(dir);
    if (!existsSync(dir) || !lstatSync(dir).isDirectory()) throw new InputError(field, shownDir, "a directory written by relocsim calibrate");
    const posteriorText = readText(join(dir, "posterior.csv"), `${field}: posterior.csv`);
    const origin = readManifest(join(dir, "manifest.json"));
    const { calFile, cal } = calibrationOf(dir, field, origin);
    const posterior = readPosterior(posteriorText, `${displayPath(join(dir, "posterior.csv"))}`);
    const missing = cal.parameters.map((p) => p.range.path).filter((p) => !posterior.parameters.includes(p));
    if (missing.length) throw new InputError(`${displayPath(join(dir, "posterior.csv"))} header`, posterior.parameters.join(","), `the calibration's free parameters (${missing.join(", ")} missing)`);
    const draws = intFlag(values, "draws", 20, 2, 100_000);
    const point = intFlag(values, "point", 10, 0, 100_000);
    const seed = intFlag(values, "seed", 2, 0, 2 ** 31 - 1);
    const workers = intFlag(values, "workers", availableParallelism(), 1, 256);
    // By default the scale the posterior was fitted at (its manifest), else the calibration file's.
    const fitted = (origin.settings as { scale?: unknown } | undefined)?.scale;
    const scale = values.scale !== undefined ? resolveScale(values.scale as string, "--scale") : typeof fitted === "number" ? fitted : cal.scale;
    const metrics = values.metrics === undefined ? PREDICTED : (values.metrics as string).split(",").map((m) => m.trim()).filter(Boolean);
    const unknown = metrics.find((m) => !METRIC_TABLE.some((x) => x.name === m));
    if (unknown !== undefined || !metrics.length) throw new InputError("--metrics", values.metrics, "comma-separated metric names (docs/ODD.md, Observation)");
    const base = withFile(displayPath(calFile), () => scenarioOf(cal, calFile));
    const out = resolve((values.out as string | undefined) ?? `results/validation-${cal.name}`);
    checkOut(out, (values.out as string | undefined) ?? displayPath(out));
    const outputs = outputsOf(cal, base, metrics);
    const groups = [...new Set(["all", ...cal.targets.flatMap((t) => (t.relativeTo ? [t.group, t.relativeTo] : [t.group]))])];
    const allMetrics = [...new Set([...cal.targets.map((t) => t.metric), ...metrics])];
    const plan = planExperiment({ scenarios: [base], replications: draws * REPLICATES_PER_DRAW, seed, scale, workers, groups, metrics: allMetrics, every: 1 });
    const runner = await taskRunner({ redis: values.redis as string | undefined });
    try {
      return await validateWith(runner, { argv, started, quiet, dir, cal, posterior, origin, plan, point, outputs, out });
    } finally {
      await runner.close();
    }
  },
};

/** A value validate-model reports: a target (published, fitted) or a prediction. */
interface Output {
  kind: "target" | "prediction";
  name: string;
  metric: string;
  group: string;
  date: string;
  relativeTo?: string;
  published?: number;
  tolerance?: number;
  source: string;
}

async function validateWith(
  runner: TaskRunner,
  o: { argv: string[]; started: number; quiet: boolean; dir: string; cal: Calibration; posterior: Posterior; origin: Record<string, unknown>; plan: Plan; point: number; outputs: Output[]; out: string },
): Promise<number> {
  const { plan, cal, quiet } = o;
  const runs = plan.replications + o.point;
  if (!quiet) {
    process.stdout.write(
      `${cal.name}: ${plan.replications / REPLICATES_PER_DRAW} posterior draws × ${REPLICATES_PER_DRAW} replicates and ${o.point} runs at the point estimate = ${runs} runs of ` +
        `${plan.households.toLocaleString("en")} households, ${plan.horizon.months} months from ${plan.horizon.start}, seed ${plan.seed}, on ${runner.describe(plan)}\n` +
        `posterior: ${displayPath(o.dir)} (generation ${o.posterior.generation}, ${o.posterior.weights.length} particles${o.origin.commit ? `, fitted at commit ${String(o.origin.commit).slice(0, 7)}` : ""})\n`,
    );
  }
  const bar = progressBar(`${cal.name} validation`, runs, "runs", { quiet });
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once("SIGINT", interrupt);
  const pp = posteriorPlan(plan, o.posterior, "posterior.csv");
  const drawn = memoryRunStore();
  const pointPlan: Plan | undefined = o.point ? { ...plan, replications: o.point } : undefined;
  const pointStore = memoryRunStore();
  try {
    await runner.run(pp.runPlan, pp.tasks, drawn, { signal: stop.signal, onProgress: (p) => bar.update(p.done) });
    if (pointPlan) await runner.run(pointPlan, experimentTasks(pointPlan), pointStore, { signal: stop.signal, onProgress: (p) => bar.update(plan.replications + p.done) });
  } catch (e) {
    if (!stop.signal.aborted) throw e;
    bar.done();
    process.stderr.write("interrupted: nothing written (a validation is short; run it again)\n");
    return 130;
  } finally {
    process.removeListener("SIGINT", interrupt);
  }
  bar.done();

  // 2. Every output over the runs.
  const sel = plan.selection;
  const G = sel.groups.length;
  const M = sel.metrics.length;
  const at = (v: Float64Array, date: string, group: string, metric: string) => v[(sel.dates.indexOf(date) * G + sel.groups.indexOf(group)) * M + sel.metrics.indexOf(metric)]!;
  const valueOf = (v: Float64Array, x: Output) => at(v, x.date, x.group, x.metric) / (x.relativeTo ? at(v, x.date, x.relativeTo, x.metric) : 1);
  const drawnRuns = Array.from({ length: plan.replications }, (_, r) => drawn.read(r));
  const pointRuns = Array.from({ length: o.point }, (_, r) => pointStore.read(r));
  const rows = o.outputs.map((x) => {
    const v = drawnRuns.map((run) => valueOf(run, x));
    const p = pointRuns.map((run) => valueOf(run, x)).filter(Number.isFinite);
    const finite = v.filter(Number.isFinite);
    const mean = finite.reduce((s, y) => s + y, 0) / finite.length;
    const lo = quantile(v, 0.05);
    const hi = quantile(v, 0.95);
    const pm = p.length ? p.reduce((s, y) => s + y, 0) / p.length : NaN;
    const half = p.length > 1 ? tQuantile(0.975, p.length - 1) * Math.sqrt(p.reduce((s, y) => s + (y - pm) ** 2, 0) / (p.length - 1) / p.length) : NaN;
    return { x, mean, lo, hi, share: varianceSplit(v).parameter_share, pm, pl: pm - half, ph: pm + half, within: x.published === undefined ? undefined : x.published >= lo && x.published <= hi };
  });

  // 3. Outputs, written whole into a fresh directory that then takes --out's place.
  const cell = (y: number | undefined) => (y === undefined || !Number.isFinite(y) ? "" : String(y));
  const csv = [
    COLUMNS.join(","),
    ...rows.map((r) => [r.x.kind, csvField(r.x.name), r.x.metric, r.x.group, r.x.date, cell(r.x.published), cell(r.x.tolerance), r.within === undefined ? "" : String(r.within), cell(r.mean), cell(r.lo), cell(r.hi), cell(r.share), cell(r.pm), cell(r.pl), cell(r.ph), csvField(r.x.source)].join(",")),
  ].join("\n") + "\n";
  const seconds = (performance.now() - o.started) / 1000;
  const tmp = `${o.out}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    writeFileSync(join(tmp, "validation.csv"), csv);
    const manifest = {
      relocsim: VERSION,
      command: "validate-model",
      commandLine: ["relocsim", "validate-model", ...o.argv].join(" "),
      date: new Date().toISOString(),
      commit: gitCommit(),
      posterior: { dir: displayPath(o.dir), generation: o.posterior.generation, particles: o.posterior.weights.length, command: o.origin.commandLine ?? null, date: o.origin.date ?? null, commit: o.origin.commit ?? null },
      calibration: cal.name,
      settings: { draws: plan.replications / REPLICATES_PER_DRAW, replicatesPerDraw: REPLICATES_PER_DRAW, point: o.point, seed: plan.seed, households: plan.households, workers: runner.workers(plan) },
      draws: pp.draws.filter((d) => d.replicate % REPLICATES_PER_DRAW === 0).map((d) => ({ draw: d.draw, particle: d.particle })),
      intervals: "lo, hi: 5% and 95% quantiles of the outcome over every posterior run (draws × replicates): the 90% posterior-predictive interval at this scale; parameter_share: the share of that variance between draws (law of total variance); point_ci: 95% Student-t interval of the point estimate's mean over its runs",
      lastFittedMonth: LAST_TARGET_MONTH,
      seconds,
      runs,
      runsPerSecond: runs / seconds,
    };
    writeFileSync(join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    // The charts and tables are read back from validation.csv by the report, as `relocsim report` would.
    await writeReport(tmp, { title: `Validation of ${cal.name}` });
    rmSync(o.out, { recursive: true, force: true });
    renameSync(tmp, o.out);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (!quiet) process.stdout.write(printout(rows, { seconds, runs, workers: runner.workers(plan), out: o.out }));
  return 0;
}

function printout(
  rows: Array<{ x: Output; mean: number; lo: number; hi: number; share: number; pm: number; pl: number; ph: number; within?: boolean }>,
  t: { seconds: number; runs: number; workers: number; out: string },
): string {
  const f = (y: number) => (!Number.isFinite(y) ? "–" : Math.abs(y) >= 100 ? Math.round(y).toLocaleString("en") : Math.abs(y) >= 1 ? y.toFixed(2) : y.toFixed(3));
  const pct = (y: number) => (Number.isFinite(y) ? `${Math.round(y * 100)}%` : "–");
  const table = (r: string[][]) => {
    const w = r[0]!.map((_, c) => Math.max(...r.map((x) => x[c]!.length)));
    return r.map((x) => x.map((v, c) => (c === 0 ? v.padEnd(w[c]!) : v.padStart(w[c]!))).join("  ")).join("\n");
  };
  const lines = [`finished in ${formatSeconds(t.seconds)} on ${t.workers} worker${t.workers === 1 ? "" : "s"}: ${t.runs} runs (${(t.runs / t.seconds).toFixed(2)} runs/s)`, ""];
  lines.push("Targets (fitted, up to 2021-12): published figure against the posterior-predictive runs (90% interval) and the point estimate (the defaults; 95% CI of its mean)");
  const tr = [["target", "published", "posterior", "90% interval", "inside", "parameter share", "point estimate"]];
  for (const r of rows.filter((x) => x.x.kind === "target")) tr.push([r.x.name, f(r.x.published!), f(r.mean), `${f(r.lo)} – ${f(r.hi)}`, r.within ? "yes" : "no", pct(r.share), `${f(r.pm)} [${f(r.pl)}, ${f(r.ph)}]`]);
  lines.push(table(tr), "");
  const pr = rows.filter((x) => x.x.kind === "prediction");
  if (pr.length) {
    lines.push(`Predictions after ${LAST_TARGET_MONTH} (never fitted; for figures published later to test)`);
    const p = [["outcome", "date", "posterior", "90% interval", "parameter share", "point estimate"]];
    for (const r of pr) p.push([r.x.metric, r.x.date, f(r.mean), `${f(r.lo)} – ${f(r.hi)}`, pct(r.share), `${f(r.pm)} [${f(r.pl)}, ${f(r.ph)}]`]);
    lines.push(table(p), "");
  }
  lines.push(`validation.csv, manifest.json, report.html, charts/: ${displayPath(t.out)}`);
  return lines.join("\n") + "\n";
}

/**
 * The calibration the posterior was fitted with: calibration.json in the directory (where
 * scripts/adopt-posterior.ts puts it), else the file `relocsim calibrate` ran, as its manifest
 * names it (relative to the directory calibrate ran in), if it is still the same calibration:
 * its hash, with the settings the manifest records, is the one calibrate wrote.
 */
function calibrationOf(dir: string, field: string, origin: Record<string, unknown>): { calFile: string; cal: Calibration } {
  const copied = join(dir, "calibration.json");
  const expected = "the calibration file the posterior was fitted with: calibration.json in the directory (scripts/adopt-posterior.ts copies it there), or the file its manifest.json names, unchanged";
  if (existsSync(copied)) return { calFile: copied, cal: withFile(displayPath(copied), () => checkCalibration(readJsonFile(copied, "calibration file"))) };
  const named = typeof origin.file === "string" && origin.command === "calibrate" ? resolve(origin.file) : undefined;
  if (named === undefined || !existsSync(named)) throw new InputError(`${field}: calibration.json`, displayPath(dir), expected, named ? `neither it nor ${displayPath(named)} is there` : undefined);
  const settings = (origin.settings ?? {}) as Partial<Record<"particles" | "replications" | "seed" | "scale", number>>;
  const overrides: { -readonly [K in keyof CalibrationOverrides]: CalibrationOverrides[K] } = {};
  for (const k of ["particles", "replications", "seed", "scale"] as const) if (typeof settings[k] === "number") overrides[k] = settings[k];
  const cal = withFile(displayPath(named), () => checkCalibration(readJsonFile(named, "calibration file"), overrides));
  const hash = withFile(displayPath(named), () => calibrationHash(cal, planRuns(cal, named).base.hash));
  if (hash !== origin.calibration) throw new InputError(`${field}: calibration.json`, displayPath(dir), expected, `${displayPath(named)}, which its manifest names, has changed since (calibration ${hash}, the posterior's ${String(origin.calibration)})`);
  return { calFile: named, cal };
}

/** The calibration's scenario, resolved (named, or a file beside the calibration file), to its whole horizon. */
function scenarioOf(cal: Calibration, file: string): ResolvedScenario {
  const ref = cal.scenario;
  return resolveScenario({ name: ref.endsWith(".json") ? basename(ref, ".json") : ref, extends: ref }, { where: "scenario", file }).scenario;
}

/** The targets, then each metric at each year end after the last fitted month that lies inside the horizon. */
function outputsOf(cal: Calibration, s: ResolvedScenario, metrics: readonly string[]): Output[] {
  const targets: Output[] = cal.targets.map((t) => ({ kind: "target", name: t.name, metric: t.metric, group: t.group, date: t.date, ...(t.relativeTo ? { relativeTo: t.relativeTo } : {}), published: t.value, tolerance: t.tolerance, source: t.source }));
  const start = s.params.horizon.start;
  const first = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
  const last = first + s.params.horizon.months - 1;
  const years: string[] = [];
  for (let y = Number(LAST_TARGET_MONTH.slice(0, 4)) + 1; y * 12 + 11 <= last; y++) years.push(`${y}-12`);
  const predictions: Output[] = years.flatMap((date) => metrics.map((metric) => ({ kind: "prediction" as const, name: `${metric} ${date}`, metric, group: "all", date, source: "" })));
  return [...targets, ...predictions];
}

function readText(path: string, field: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new InputError(field, displayPath(path), "a readable posterior.csv written by relocsim calibrate");
  }
}

function readManifest(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return {};
  }
}

/** --out: absent, empty, or written by validate-model (then replaced whole); never a user's directory. */
function checkOut(out: string, shown: string): void {
  if (!existsSync(out)) return;
  const expected = "a new or empty directory, or one relocsim validate-model wrote";
  const st = lstatSync(out);
  if (!st.isDirectory() || st.isSymbolicLink()) throw new InputError("--out", shown, expected, "it is not a directory");
  const entries = readdirSync(out);
  if (!entries.length) return;
  const m = readManifest(join(out, "manifest.json"));
  if (m.command !== "validate-model") throw new InputError("--out", shown, expected, `it holds ${entries.slice(0, 3).join(", ")} and no manifest.json of relocsim validate-model`);
  const foreign = entries.filter((e) => !["validation.csv", "manifest.json", "charts", "report.html"].includes(e));
  if (foreign.length) throw new InputError("--out", shown, expected, `it holds ${foreign.slice(0, 3).join(", ")}, which relocsim validate-model did not write`);
}

/** The commit of the working directory's repository, if it is one and git is here. */
function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
  } catch {
    return null;
  }
}
