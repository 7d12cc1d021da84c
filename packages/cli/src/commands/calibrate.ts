import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join, resolve } from "node:path";
import { InputError, InputErrors, type ResolvedScenario } from "@relocsim/core";
import {
  abcSmc, calibrationHash, checkCalibration, csvField, experimentTasks, memoryRunStore, planExperiment, posteriorToCsv, resolveScale,
  weightedMean, weightedQuantile, withValues, type AbcGeneration, type AbcRun, type Calibration, type CalibrationOverrides,
} from "@relocsim/core/engine";
import { displayPath, readJsonFile, resolveScenario } from "@relocsim/scenarios";
import { parse, intFlag, helpText, type Flags } from "../args.js";
import { withFile } from "./run.js";
import { progressBar, formatSeconds } from "../progress.js";
import { VERSION } from "../version.js";
import { taskRunner, type TaskRunner } from "../cluster/taskRunner.js";
import { reportSizeError, writeReport } from "../writeReport.js";

const flags: Flags = {
  particles: { type: "string", value: "N", help: "accepted particles per generation (overrides the file)", default: "the file's, else 100" },
  generations: { type: "string", value: "G", help: "generations at most, generation 0 (the prior) included (overrides the file)", default: "the file's, else 5" },
  replications: { type: "string", value: "R", help: "runs per particle, averaged (overrides the file)", default: "the file's, else 1" },
  seed: { type: "string", value: "N", help: "seed of the proposals and base seed of the replicate seeds (overrides the file)", default: "the file's, else 1" },
  scale: { type: "string", value: "S", help: "households simulated per run (overrides the file)", default: "the file's, else 2000" },
  workers: { type: "string", value: "N", help: "worker threads running the runs of a generation (results are identical for any N)", default: `${availableParallelism()} (CPUs here)` },
  out: { type: "string", value: "DIR", help: "results directory: new, empty, or written by relocsim calibrate; finished generations are kept there, so an interrupted calibration run again continues", default: "results/calibration-<name>" },
  redis: { type: "string", value: "URL", help: "run each generation on the workers of a cluster (relocsim worker --redis URL on each machine) instead of local threads; see docs/cluster.md" },
  quiet: { type: "boolean", short: "q", help: "print nothing but errors" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

/** Files calibrate writes in --out (nothing else may be there). */
const ENTRIES = ["manifest.json", "generations", "posterior.csv", "generations.csv", "fit.csv", "charts", "report.html"];
const FIT_NOTE =
  "model_mean, lo and hi are the weighted mean and 5%/95% weighted quantiles of the last generation's accepted particles' outcomes (each the mean of its replicates): " +
  "the posterior predictive of the accepted runs, conditioned on their distance ≤ the last tolerance (no extra runs).";

export const calibrateCommand = {
  name: "calibrate",
  summary: "fit free parameters to published figures (up to 2021) by ABC-SMC; a weighted posterior",
  help: () =>
    helpText(
      "relocsim calibrate <calibration.json> [--particles N] [--generations G] [--replications R] [--seed N] [--scale S] [--workers N] [--out DIR] [--redis URL]",
      "Approximate Bayesian computation by sequential Monte Carlo (docs/experiments.md, Calibration):\n" +
        "generation 0 draws particles from the priors (the free parameters' ranges); each later\n" +
        "generation perturbs weighted particles of the last one and accepts those whose distance to\n" +
        "the targets (root mean square of the misses, each in its tolerance) is within a tolerance\n" +
        "that shrinks to the median distance of the generation before. Every particle × replicate\n" +
        "is a run of the file's scenario with the particle's values, with the experiment's replicate\n" +
        "seeds, on worker threads. Targets dated after 2021-12 are refused. Writes:\n" +
        "  posterior.csv    generation,particle,weight,<one column per parameter>,distance\n" +
        "  generations.csv  generation,tolerance,proposed,acceptance,ess\n" +
        "  fit.csv          target,metric,group,date,published,tolerance,model_mean,lo,hi,source\n" +
        "                   (90% interval from the last generation's accepted outputs)\n" +
        "  manifest.json    command, date, commit, version, settings, timings\n" +
        "  report.html      the tables and charts below, interactive (opens offline)\n" +
        "  charts/          marginals, pairs (every pair of parameters), fit: .svg and .png\n" +
        "Each finished generation is written to <out>/generations/ at once: run the same command\n" +
        "again and it continues with the next generation (or with more, given a larger --generations).",
      flags,
      "Example:\n  pnpm relocsim calibrate scenarios/calibration.json --particles 40 --generations 3 --scale 1000 --workers 2",
    ),
  async main(argv: string[]): Promise<number> {
    const started = performance.now();
    const { values, positionals } = parse(argv, flags, { min: 1, max: 1, names: "exactly one calibration file: relocsim calibrate <calibration.json>" });
    if (values.help) return (process.stdout.write(calibrateCommand.help()), 0);
    const quiet = Boolean(values.quiet);
    const file = resolve(positionals[0]!);
    const shown = displayPath(file);

    // 1. Check everything before running or writing anything.
    const overrides: { -readonly [K in keyof CalibrationOverrides]: CalibrationOverrides[K] } = {};
    for (const k of ["particles", "generations", "replications", "seed"] as const) if (values[k] !== undefined) overrides[k] = intFlag(values, k, 0, k === "particles" ? 2 : k === "seed" ? 0 : 1, k === "seed" ? 2 ** 31 - 1 : 1_000_000);
    if (values.scale !== undefined) overrides.scale = resolveScale(values.scale as string, "--scale");
    const workers = intFlag(values, "workers", availableParallelism(), 1, 256);
    const raw = readJsonFile(file, "calibration file");
    const cal = withFile(shown, () => checkCalibration(raw, overrides));
    const { base, lookup } = withFile(shown, () => planRuns(cal, file));
    const hash = calibrationHash(cal, base.hash);
    // (validate-model recognises an unchanged file by this hash: calibrationOf in validateModel.ts)
    const out = resolve((values.out as string | undefined) ?? `results/calibration-${cal.name}`);
    if (out === file || file.startsWith(out + "/")) throw new InputError("--out", values.out, "a results directory apart from the calibration file", `${shown} is inside it`);
    // Redis must answer before --out is touched (nothing is written when it does not).
    const runner = await taskRunner({ redis: values.redis as string | undefined });
    try {
      return await calibrateWith(runner, { argv, started, quiet, file, shown, cal, base, lookup, hash, out, workers, outFlag: values.out as string | undefined });
    } finally {
      await runner.close();
    }
  },
};

async function calibrateWith(
  runner: TaskRunner,
  { argv, started, quiet, file, shown, cal, base, lookup, hash, out, workers, outFlag }: {
    argv: string[]; started: number; quiet: boolean; file: string; shown: string; cal: Calibration; base: ResolvedScenario; lookup: Lookup; hash: string; out: string; workers: number; outFlag: string | undefined;
  },
): Promise<number> {
  const dir = openCalibrationDir(out, hash, outFlag);
  if (!quiet) {
    process.stdout.write(
      `${cal.name}: ABC-SMC of ${cal.parameters.length} parameters to ${cal.targets.length} targets, ${cal.particles} particles × ${cal.replications} replication${cal.replications === 1 ? "" : "s"}, ` +
        `up to ${cal.generations} generations, ${cal.scale.toLocaleString("en")} households, seed ${cal.seed}, on ${runner.kind === "local" ? `${workers} worker${workers === 1 ? "" : "s"}` : "the workers of a Redis cluster"}\n`,
    );
    if (dir.discarded) process.stdout.write(`${dir.discarded}\n`);
    if (dir.previous.length) process.stdout.write(`resumed: generations 0-${dir.previous.length - 1} already done in ${displayPath(out)}\n`);
  }
  writeAtomic(join(out, "manifest.json"), JSON.stringify(manifest(cal, hash, file, argv, { status: "running" }), null, 2) + "\n");

  // 2. Run generation by generation; each finished one goes to disk before the next starts.
  const paths = cal.parameters.map((p) => p.range.path);
  let runs = 0;
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once("SIGINT", interrupt);
  let result;
  try {
    result = await abcSmc({
      priors: cal.parameters.map((p) => p.prior),
      targets: cal.targets,
      particles: cal.particles,
      generations: cal.generations,
      replications: cal.replications,
      seed: cal.seed,
      alpha: cal.alpha,
      minAcceptance: cal.minAcceptance,
      minTolerance: cal.minTolerance,
      previous: dir.previous,
      simulate: async (batch) => {
        const g = batch[0]!.generation;
        const tol = dir.tolerance(g);
        const bar = progressBar(`generation ${g}${Number.isFinite(tol) ? ` (ε ${tol.toFixed(3)})` : ""}`, batch.length, "runs", { quiet });
        const outcomes = await simulateBatch(runner, cal, base, paths, lookup, batch, workers, stop.signal, (done) => bar.update(done));
        bar.done();
        runs += batch.length;
        return outcomes;
      },
      onBatch: (b) => dir.setTolerance(b.generation, b.tolerance),
      onGeneration: (g) => {
        writeGeneration(out, hash, g);
        if (!quiet) process.stdout.write(`generation ${g.generation}: tolerance ${Number.isFinite(g.tolerance) ? g.tolerance.toFixed(3) : "∞ (the prior)"}, ${g.proposed} proposed, acceptance ${(g.acceptance * 100).toFixed(1)}%, ESS ${g.ess.toFixed(1)}\n`);
      },
    });
  } catch (e) {
    if (!stop.signal.aborted) throw e;
    process.stderr.write(`interrupted: the finished generations are kept in ${displayPath(out)}; run the same command again to continue\n`);
    return 130;
  } finally {
    process.removeListener("SIGINT", interrupt);
  }
  const seconds = (performance.now() - started) / 1000;
  if (!result.generations.length) {
    process.stderr.write(`calibrate: not even generation 0 was accepted: every run left a target undefined\n`);
    return 1;
  }

  // 3. Outputs, each written whole.
  const gens = result.generations;
  const last = gens[gens.length - 1]!;
  const fit = fitRows(cal, last);
  writeAtomic(join(out, "posterior.csv"), posteriorToCsv(gens, paths));
  writeAtomic(join(out, "generations.csv"), ["generation,tolerance,proposed,acceptance,ess", ...gens.map((g) => [g.generation, Number.isFinite(g.tolerance) ? g.tolerance : "", g.proposed, g.acceptance, g.ess].join(","))].join("\n") + "\n");
  writeAtomic(
    join(out, "fit.csv"),
    ["target,metric,group,date,published,tolerance,model_mean,lo,hi,source", ...fit.map((f) => [csvField(f.target.name), f.target.metric, f.target.group, f.target.date, f.target.value, f.target.tolerance, f.mean, f.lo, f.hi, csvField(f.target.source)].join(","))].join("\n") + "\n",
  );
  const timing = { seconds, runs, runsPerSecond: runs / seconds, workers };
  writeAtomic(join(out, "manifest.json"), JSON.stringify(manifest(cal, hash, file, argv, { status: "finished", stopped: result.stopped, generations: gens.length, ...timing }), null, 2) + "\n");
  // The report (marginals, pairs and fit charts, the fit and generations tables) is read back from the files just written.
  const skipped = await reportSizeError(out);
  if (skipped) process.stderr.write(`report not written: ${skipped.message}\n`);
  else await writeReport(out, { title: `Calibration of ${cal.name}` });

  if (!quiet) process.stdout.write(summary(cal, gens, result.stopped, fit, timing, out));
  return 0;
}

/** Where each target's value sits in a run's kept values. */
interface Lookup {
  plan: { groups: string[]; metrics: string[]; every: 1 };
  /** For target k: the step index and the (group, metric) of the numerator and, if relative, the denominator. */
  at: Array<{ date: string; group: string; metric: string; relativeTo?: string }>;
}

/**
 * The scenario every particle varies: the file's scenario (named, or a file relative to the
 * calibration file) with its horizon cut at the last target month (a run is causal, so the
 * months before are the same, and the later ones cost time for nothing). Every target's month
 * must lie inside the horizon.
 */
export function planRuns(cal: Calibration, file: string): { base: ResolvedScenario; lookup: Lookup } {
  const ref = cal.scenario;
  const full = resolveScenario({ name: ref.endsWith(".json") ? basename(ref, ".json") : ref, extends: ref }, { where: "scenario", file }).scenario;
  const start = full.params.horizon.start;
  const monthOf = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const errors: InputError[] = [];
  let last = 1;
  cal.targets.forEach((t, k) => {
    const step = monthOf(t.date) - monthOf(start) + 1;
    if (step < 1 || step > full.params.horizon.months) errors.push(new InputError(`targets[${k}].date`, t.date, `a month inside the scenario's horizon (${start} and ${full.params.horizon.months} months on)`));
    last = Math.max(last, step);
  });
  if (errors.length) throw new InputErrors(errors);
  const base = last < full.params.horizon.months ? withValues(full, { "horizon.months": last }) : full;
  const groups = [...new Set(cal.targets.flatMap((t) => (t.relativeTo ? [t.group, t.relativeTo] : [t.group])))];
  const metrics = [...new Set(cal.targets.map((t) => t.metric))];
  return { base, lookup: { plan: { groups, metrics, every: 1 }, at: cal.targets.map((t) => ({ date: t.date, group: t.group, metric: t.metric, ...(t.relativeTo ? { relativeTo: t.relativeTo } : {}) })) } };
}

/**
 * Runs a batch of ABC runs as one experiment: each distinct particle a scenario
 * (withValues), its replicates the experiment's replicates (seeds replicateSeed(seed, r)), on
 * the worker pool through the tasks path every experiment takes; answers each run's target
 * values in the batch's order. A particle whose values the model refuses (a combination
 * outside the accepted values) gets undefined outcomes, so it is never accepted.
 */
async function simulateBatch(
  runner: TaskRunner, cal: Calibration, base: ResolvedScenario, paths: readonly string[], lookup: Lookup, batch: readonly AbcRun[], workers: number, signal: AbortSignal, onDone: (done: number) => void,
): Promise<number[][]> {
  const particles = [...new Set(batch.map((r) => r.particle))];
  const scenarioOf = new Map<number, number>();
  const scenarios: ResolvedScenario[] = [];
  for (const p of particles) {
    const run = batch.find((r) => r.particle === p)!;
    try {
      const s = withValues(base, Object.fromEntries(paths.map((path, k) => [path, run.values[k]!])), `${cal.name}-g${run.generation}-p${p}`);
      scenarioOf.set(p, scenarios.length);
      scenarios.push(s);
    } catch (e) {
      if (!(e instanceof InputError || e instanceof InputErrors)) throw e;
    }
  }
  const R = Math.max(...batch.map((r) => r.replicate)) + 1;
  if (!scenarios.length) return batch.map(() => lookup.at.map(() => NaN));
  const plan = planExperiment({ scenarios, replications: R, seed: cal.seed, scale: cal.scale, workers, ...lookup.plan });
  const store = memoryRunStore();
  await runner.run(plan, experimentTasks(plan), store, { signal, onProgress: (p) => onDone(p.done) });
  const G = plan.selection.groups.length;
  const M = plan.selection.metrics.length;
  const S = scenarios.length;
  const value = (values: Float64Array, date: string, group: string, metric: string) =>
    values[(plan.selection.dates.indexOf(date) * G + plan.selection.groups.indexOf(group)) * M + plan.selection.metrics.indexOf(metric)]!;
  return batch.map((run) => {
    const s = scenarioOf.get(run.particle);
    if (s === undefined) return lookup.at.map(() => NaN);
    const values = store.read(run.replicate * S + s);
    return lookup.at.map((t) => value(values, t.date, t.group, t.metric) / (t.relativeTo ? value(values, t.date, t.relativeTo, t.metric) : 1));
  });
}

/** Target by target: the last generation's weighted mean and 90% interval. */
function fitRows(cal: Calibration, g: AbcGeneration) {
  return cal.targets.map((target, k) => {
    const x = g.outcomes.map((o) => o[k]!);
    return { target, mean: weightedMean(x, g.weights), lo: weightedQuantile(x, g.weights, 0.05), hi: weightedQuantile(x, g.weights, 0.95) };
  });
}

interface CalibrationDir {
  previous: AbcGeneration[];
  discarded?: string;
  tolerance(generation: number): number;
  setTolerance(generation: number, tolerance: number): void;
}

/**
 * --out: absent, empty, or a directory relocsim calibrate wrote (its manifest.json says so
 * and it holds only calibrate's files). Its finished generations of the same calibration
 * (same hash) are read back, in order; those of another calibration are removed, and said so.
 */
function openCalibrationDir(out: string, hash: string, given: string | undefined): CalibrationDir {
  const field = "--out";
  const shownOut = given ?? displayPath(out);
  const expected = "a new or empty directory, or one relocsim calibrate wrote";
  let discarded: string | undefined;
  const previous: AbcGeneration[] = [];
  if (existsSync(out)) {
    const st = lstatSync(out);
    if (!st.isDirectory() || st.isSymbolicLink()) throw new InputError(field, shownOut, expected, "it is not a directory");
    const entries = readdirSync(out);
    if (entries.length) {
      let m: { command?: unknown; calibration?: unknown } | undefined;
      try {
        m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
      } catch {
        m = undefined;
      }
      if (!m || m.command !== "calibrate") throw new InputError(field, shownOut, expected, `it holds ${entries.slice(0, 3).join(", ")} and no manifest.json of relocsim calibrate`);
      const foreign = entries.filter((e) => !ENTRIES.includes(e) && !/^\..*\.tmp$/.test(e));
      if (foreign.length) throw new InputError(field, shownOut, expected, `it holds ${foreign.slice(0, 3).join(", ")}, which relocsim calibrate did not write`);
      if (m.calibration !== hash) {
        // Its outputs go too: nothing of the other calibration may be read as this one's.
        for (const e of ENTRIES.filter((x) => x !== "manifest.json")) rmSync(join(out, e), { recursive: true, force: true });
        discarded = `${displayPath(out)} held generations of another calibration (a different file, seed, scale or number of particles): they were discarded`;
      } else {
        for (let t = 0; ; t++) {
          const f = join(out, "generations", generationFile(t));
          if (!existsSync(f)) break;
          const d = JSON.parse(readFileSync(f, "utf8"));
          if (d.calibration !== hash) break;
          previous.push({ ...d.generation, tolerance: d.generation.tolerance ?? Infinity });
        }
      }
    }
  }
  mkdirSync(join(out, "generations"), { recursive: true });
  const tol = new Map<number, number>();
  return { previous, discarded, tolerance: (g) => tol.get(g) ?? Infinity, setTolerance: (g, t) => void tol.set(g, t) };
}

const generationFile = (t: number) => `generation-${String(t).padStart(3, "0")}.json`;

function writeGeneration(out: string, hash: string, g: AbcGeneration): void {
  // JSON keeps every double exactly (shortest round-trip form), so a resumed calibration continues from the same particles.
  writeAtomic(join(out, "generations", generationFile(g.generation)), JSON.stringify({ calibration: hash, generation: { ...g, tolerance: Number.isFinite(g.tolerance) ? g.tolerance : null } }) + "\n");
}

/** The file is either absent or complete: written beside it, then renamed over it. */
function writeAtomic(path: string, data: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function manifest(cal: Calibration, hash: string, file: string, argv: string[], extra: Record<string, unknown>) {
  return {
    relocsim: VERSION,
    command: "calibrate",
    commandLine: ["relocsim", "calibrate", ...argv].join(" "),
    date: new Date().toISOString(),
    commit: gitCommit(),
    calibration: hash,
    file: displayPath(file),
    name: cal.name,
    scenario: cal.scenario,
    parameters: cal.parameters.map((p) => ({ path: p.range.path, lo: p.range.lo, hi: p.range.hi, prior: p.prior.kind })),
    targets: cal.targets.length,
    settings: { particles: cal.particles, generations: cal.generations, replications: cal.replications, seed: cal.seed, scale: cal.scale, alpha: cal.alpha, minAcceptance: cal.minAcceptance, minTolerance: cal.minTolerance },
    algorithm: "ABC-SMC: adaptive tolerance (α-quantile of the last generation's distances), component-wise truncated Gaussian kernel with twice the weighted variance (Beaumont et al. 2009)",
    fit: FIT_NOTE,
    ...extra,
  };
}

/** The commit of the working directory's repository, if it is one and git is here. */
function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
  } catch {
    return null;
  }
}

function summary(cal: Calibration, gens: readonly AbcGeneration[], stopped: string, fit: ReturnType<typeof fitRows>, t: { seconds: number; runs: number; runsPerSecond: number; workers: number }, out: string): string {
  const last = gens[gens.length - 1]!;
  const why = { generations: "the generations asked for", tolerance: "the minimum tolerance", acceptance: "the next generation's acceptance would fall below minAcceptance" }[stopped];
  const lines = [`finished in ${formatSeconds(t.seconds)} on ${t.workers} worker${t.workers === 1 ? "" : "s"}: ${t.runs} runs here (${t.runsPerSecond.toFixed(2)} runs/s); stopped at ${why}`, ""];
  const table = (rows: string[][]) => {
    const w = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    return rows.map((r) => r.map((v, c) => (c === 0 ? v.padEnd(w[c]!) : v.padStart(w[c]!))).join("  ")).join("\n");
  };
  lines.push(`Posterior (generation ${last.generation}, tolerance ${Number.isFinite(last.tolerance) ? last.tolerance.toFixed(3) : "∞"}, ESS ${last.ess.toFixed(1)}):`);
  const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));
  const prows = [["parameter", "prior", "mean", "5%", "95%"]];
  cal.parameters.forEach((p, k) => {
    const x = last.particles.map((v) => v[k]!);
    prows.push([p.range.path, `${p.prior.kind} [${p.range.lo}, ${p.range.hi}]`, f(weightedMean(x, last.weights)), f(weightedQuantile(x, last.weights, 0.05)), f(weightedQuantile(x, last.weights, 0.95))]);
  });
  lines.push(table(prows), "");
  lines.push("Fit (model: posterior mean and 90% interval of the last generation's accepted runs):");
  const frows = [["target", "published", "model", "90% interval"]];
  for (const r of fit) frows.push([r.target.name, f(r.target.value), f(r.mean), `${f(r.lo)} – ${f(r.hi)}`]);
  lines.push(table(frows), "");
  lines.push(`posterior.csv, fit.csv, generations.csv, report.html, charts/: ${displayPath(out)}`);
  return lines.join("\n") + "\n";
}
